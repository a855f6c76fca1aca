import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { escapeHtml as e, htmlPage } from "./layout.ts";

/**
 * The "Email me a fresh link" form, for the pages an applicant reaches
 * with a genuine link that no longer opens anything: an expired timeline or preferences link, and
 * the unsubscribe page. `action` is the POST /fresh-link address carrying that link's own token,
 * relative so a stage prefix is kept. The email goes to the address on file, never one typed here.
 */
export function freshLinkForm(action: string): string {
  return `<form method="post" action="${e(action)}">
<div class="actions"><button type="submit" class="primary">Email me a fresh link</button></div>
</form>
<p class="due">We send it to the email address Matchpath has for you, at most once a day.</p>`;
}

/**
 * The answer to POST /fresh-link, the same whatever happened (sent, already sent today,
 * unsubscribed, address suppressed, applicant erased): it must not tell whoever holds a link
 * whether the address exists, works or was mailed.
 */
export function freshLinkRequestedPage(): APIGatewayProxyStructuredResultV2 {
  return htmlPage(
    200,
    "Check your email",
    `<h1>Check your email</h1>
<p>If this link belongs to a Matchpath applicant whose address can receive email, a message with fresh links to the timeline and email preferences is on its way to that address. Only one such message is sent per day.</p>
<p>Nothing arrived within an hour? Look in your spam folder, or ask your advisor.</p>`,
  );
}
