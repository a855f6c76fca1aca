import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { TIMELINE_LINK_DAYS } from "#links/applicant-links.ts";
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
 */
export function pageLinkExpiredPage(kind: PageLinkKind): APIGatewayProxyStructuredResultV2 {
  const { noun, emailLink } = SHOWN[kind];
  return htmlPage(
    410,
    `This ${noun} link has expired`,
    `<h1>This ${noun} link has expired</h1>
<p>Links to your ${noun} page work for ${TIMELINE_LINK_DAYS} days after their email was sent, so an old or forwarded email does not open it for good. Nothing was changed.</p>
<p>Open <strong>${emailLink}</strong> in a Matchpath email from the last ${TIMELINE_LINK_DAYS} days.</p>`,
  );
}
