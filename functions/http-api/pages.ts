import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { freshLinkForm } from "#pages/fresh-link.ts";
import { escapeHtml as e, htmlPage } from "#pages/layout.ts";

/**
 * The unsubscribe pages, in the shell every applicant page uses (layout.ts: landmarks, phone
 * layout, AA contrast, and its headers: no referrer, no-store, noindex, a hash-pinned stylesheet,
 * no script, no framing), so the token in the query string stays private.
 */

/**
 * What an unsubscribe stops: mail to the address, as SES's suppression list keys it, so every
 * applicant record with that address (a form sent twice, a shared inbox) stops getting reminders.
 */
const PER_ADDRESS =
  "This stops every Matchpath reminder sent to it, including any about another sign-up that uses the same address.";

/**
 * GET /unsubscribe: a confirmation page whose button POSTs the one-click form. Link scanners and
 * prefetchers send GETs, so a GET never unsubscribes (RFC 8058 §3.2). The relative action keeps
 * any stage prefix in the path. With `freshLinkAction`, someone who unsubscribed long ago and wants
 * reminders back (their other links expired) can ask for a fresh preferences link here.
 */
export function confirmationPage(token: string, freshLinkAction?: string): APIGatewayProxyStructuredResultV2 {
  return htmlPage(
    200,
    "Stop Matchpath reminders?",
    `<h1>Stop Matchpath reminders?</h1>
<p>You will no longer receive deadline reminders from Matchpath at this email address. ${PER_ADDRESS} Your timeline and your calendar feed keep working.</p>
<form method="post" action="?token=${e(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<div class="actions"><button type="submit" class="primary">Unsubscribe</button></div>
</form>
<p class="due">Rather get fewer emails? Open <strong>Email preferences</strong> in any Matchpath email: you can choose one summary a week, or turn off categories.</p>${
      freshLinkAction === undefined
        ? ""
        : `
<h2>Unsubscribed already, and want reminders again?</h2>
<p>We can email you a fresh link to your Email preferences, where you can choose <strong>Subscribe again</strong>.</p>
${freshLinkForm(freshLinkAction)}`
    }`,
  );
}

/**
 * After the one-click unsubscribe. The way back is <strong>Subscribe again</strong> on the
 * preferences page; with `freshLinkAction` the page offers a fresh link to it by email, since the
 * preferences links of old emails expire.
 */
export function unsubscribedPage(freshLinkAction?: string): APIGatewayProxyStructuredResultV2 {
  return htmlPage(
    200,
    "You are unsubscribed",
    `<h1>You are unsubscribed</h1>
<p>Matchpath will send no further reminders to this email address. ${PER_ADDRESS}</p>
${
  freshLinkAction === undefined
    ? `<p>Your timeline and your calendar feed keep working. Changed your mind? Open <strong>Email preferences</strong> in any Matchpath email of the last 60 days and choose <strong>Subscribe again</strong>.</p>`
    : `<p>Your timeline and your calendar feed keep working. Changed your mind? Open <strong>Email preferences</strong> in a Matchpath email of the last 60 days and choose <strong>Subscribe again</strong>. No such email at hand? We can email you a fresh link to it.</p>
${freshLinkForm(freshLinkAction)}`
}`,
  );
}

/**
 * GET /unsubscribe when the address is unsubscribed already (the link opened again): no second
 * "Stop reminders?" to confirm, but what is in effect and, as the preferences page offers, the way
 * back: Subscribe again there, reached from a recent email or a fresh link.
 */
export function alreadyUnsubscribedPage(
  unsubscribedOn: string | undefined,
  freshLinkAction?: string,
): APIGatewayProxyStructuredResultV2 {
  const since = unsubscribedOn === undefined ? "" : ` (since ${e(unsubscribedOn)})`;
  return htmlPage(
    200,
    "You are already unsubscribed",
    `<h1>You are already unsubscribed</h1>
<p>This email address is unsubscribed${since}: Matchpath sends it no reminders, so nothing was changed. Your timeline and your calendar feed keep working.</p>
<h2>Want reminders again?</h2>
${
  freshLinkAction === undefined
    ? `<p>Open <strong>Email preferences</strong> in any Matchpath email of the last 60 days and choose <strong>Subscribe again</strong>.</p>`
    : `<p>Open <strong>Email preferences</strong> in a Matchpath email of the last 60 days and choose <strong>Subscribe again</strong>. No such email at hand? We can email you a fresh link to it.</p>
${freshLinkForm(freshLinkAction)}`
}`,
  );
}

export function invalidLinkPage(): APIGatewayProxyStructuredResultV2 {
  return htmlPage(
    401,
    "This unsubscribe link is not valid",
    `<h1>This unsubscribe link is not valid</h1>
<p>Nothing was changed. The link may be incomplete. Open the unsubscribe link from the latest Matchpath email again.</p>`,
  );
}
