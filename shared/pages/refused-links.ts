import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { TIMELINE_LINK_DAYS } from "#links/applicant-links.ts";
import { freshLinkForm } from "./fresh-link.ts";
import { htmlPage } from "./layout.ts";

/**
 * The pages for a link that opens nothing: an action link not genuine or expired, a timeline or
 * preferences link expired, a calendar address the applicant replaced. Each says what to do next
 * and that nothing was changed.
 */

/** The read-and-settings pages a timeline token opens; each expired one is named as what it was. */
export type PageLinkKind = "timeline" | "preferences";

const SHOWN: Record<PageLinkKind, { noun: string; emailLink: string }> = {
  timeline: { noun: "timeline", emailLink: "See my whole timeline" },
  preferences: { noun: "preferences", emailLink: "Email preferences" },
};

/**
 * 410 for an expired timeline or preferences link: these links only show a page,
 * so the page does not speak of buttons or of a plan an old email could change (that wording is
 * the action links' own, linkRefusedPage). It names the link an email carries for the same page.
 *
 * With `freshLinkAction` (the deployment can send email), it offers "Email me a fresh link" first:
 * an applicant whose emails stopped, season over or unsubscribed, has no
 * email of the last 60 days to turn to.
 */
export function pageLinkExpiredPage(
  kind: PageLinkKind,
  freshLinkAction?: string,
): APIGatewayProxyStructuredResultV2 {
  const { noun, emailLink } = SHOWN[kind];
  const intro = `<h1>This ${noun} link has expired</h1>
<p>Links to your ${noun} page work for ${TIMELINE_LINK_DAYS} days after their email was sent, so an old or forwarded email does not open it for good. Nothing was changed.</p>`;
  return htmlPage(
    410,
    `This ${noun} link has expired`,
    freshLinkAction === undefined
      ? `${intro}
<p>Open <strong>${emailLink}</strong> in a Matchpath email from the last ${TIMELINE_LINK_DAYS} days.</p>`
      : `${intro}
<p>We can email you fresh links to your timeline and email preferences.</p>
${freshLinkForm(freshLinkAction)}
<p>Or open <strong>${emailLink}</strong> in a Matchpath email from the last ${TIMELINE_LINK_DAYS} days.</p>`,
  );
}

/**
 * A refused link: 401 when it is not genuine, altered or someone else's; 410 once it expired. It
 * says what to do next and nothing about why a forgery failed.
 */
export function linkRefusedPage(status: 401 | 410): APIGatewayProxyStructuredResultV2 {
  return status === 410
    ? htmlPage(
        410,
        "This link has expired",
        `<h1>This link has expired</h1>
<p>Links in Matchpath emails work for a few weeks, so an old email cannot change your plan. Nothing was changed.</p>
<p>Open the same button in your latest Matchpath email, or the timeline link in it.</p>`,
      )
    : htmlPage(
        401,
        "This link is not valid",
        `<h1>This link is not valid</h1>
<p>It may be incomplete, changed, or meant for someone else. Nothing was changed.</p>
<p>Open the link again from your latest Matchpath email; if you copied it, copy the whole address.</p>`,
      );
}

/**
 * A calendar address the applicant replaced ("Get a new calendar address"): 410, saying so and
 * where the new address is, so nobody mistakes it for a fault. Every email sent before the change
 * carries the revoked address, so the page points to the timeline (its token is not revoked, and it
 * prints the current address), not to an email's calendar link.
 */
export function calendarAddressReplacedPage(): APIGatewayProxyStructuredResultV2 {
  return htmlPage(
    410,
    "This calendar address was replaced",
    `<h1>This calendar address was replaced</h1>
<p>You (or someone with your link) asked for a new calendar address, so this one stopped working. Nothing was changed.</p>
<p>Emails sent before that still carry this old address. To find the new one, open <strong>See my whole timeline</strong> in any Matchpath email from the last ${TIMELINE_LINK_DAYS} days: its “Your calendar” section always shows the current address. Your next Matchpath email carries it too.</p>
<p>Subscribe with the new address, then remove this old calendar from your calendar app.</p>`,
  );
}
