import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { TIMELINE_LINK_DAYS } from "#links/applicant-links.ts";
import { freshLinkForm } from "./fresh-link.ts";
import { htmlPage } from "./layout.ts";

/** The read-and-settings pages a timeline token opens; each expired one is named as what it was. */
export type PageLinkKind = "timeline" | "preferences";

const SHOWN: Record<PageLinkKind, { noun: string; emailLink: string }> = {
  timeline: { noun: "timeline", emailLink: "See my whole timeline" },
  preferences: { noun: "preferences", emailLink: "Email preferences" },
};

/**
 * 410 for an expired timeline or preferences link (tester s8 C1): these links only show a page,
 * so the page does not speak of buttons or of a plan an old email could change (that wording is
 * the action links' own, linkRefusedPage). It names the link an email carries for the same page.
 *
 * With `freshLinkAction` (the deployment can send email), it offers "Email me a fresh link" first
 * (tester s8 issue 14 B4): an applicant whose emails stopped, season over or unsubscribed, has no
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
