import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { escapeHtml } from "#email/html.ts";

/**
 * The unsubscribe pages. The token stays in the query string only: no referrer leaves the page,
 * nothing is cached, and the page can neither run scripts nor be framed.
 */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
};

function page(statusCode: number, title: string, body: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: PAGE_HEADERS,
    body: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:40px auto;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${body}
</body>
</html>
`,
  };
}

/**
 * GET /unsubscribe: a confirmation page whose button POSTs the one-click form. Link scanners and
 * prefetchers send GETs, so a GET never unsubscribes (RFC 8058 §3.2). The relative action keeps
 * any stage prefix in the path.
 */
export function confirmationPage(token: string): APIGatewayProxyStructuredResultV2 {
  return page(
    200,
    "Stop Matchpath reminders?",
    `<p>You will no longer receive deadline reminders from Matchpath.</p>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  );
}

export function unsubscribedPage(): APIGatewayProxyStructuredResultV2 {
  return page(
    200,
    "You are unsubscribed",
    `<p>Matchpath will send you no further reminders.</p>
<p>Your timeline and your calendar feed keep working. Changed your mind? Open <strong>Email preferences</strong> in any Matchpath email of the last 60 days and choose <strong>Subscribe again</strong>.</p>`,
  );
}

export function invalidLinkPage(): APIGatewayProxyStructuredResultV2 {
  return page(
    401,
    "This unsubscribe link is not valid",
    "<p>Nothing was changed. The link may be incomplete. Open the unsubscribe link from the latest Matchpath email again.</p>",
  );
}
