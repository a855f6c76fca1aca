import Mustache from "mustache";
import { escapeHtml, headerText } from "./html.ts";
import { FRESH_LINKS_HTML } from "./templates/fresh-links.compiled.ts";

export interface FreshLinksEmailInput {
  recipientName: string;
  /** Fresh signed links to the applicant's timeline and preferences pages. */
  timelineUrl: string;
  preferencesUrl: string;
  /** How many days the links work (TIMELINE_LINK_DAYS). */
  validDays: number;
  /** The applicant unsubscribed from reminders: the email says where "Subscribe again" is. */
  unsubscribed: boolean;
}

const SUBJECT = "Your Matchpath links: timeline and email preferences";
const WHY =
  "You get this email because someone opened one of your Matchpath links and asked for fresh ones. It goes only to the address Matchpath has for you, at most once a day. If that was not you, you can ignore it: nothing was changed.";

/**
 * The "Email me a fresh link" message: the same email framework as the
 * reminders (the MJML layout compiled at build time, templates/fresh-links.mjml, filled with
 * Mustache and escaped) and a plain-text part with the same links. Pure.
 */
export function renderFreshLinksEmail(input: FreshLinksEmailInput): {
  subject: string;
  html: string;
  text: string;
} {
  const firstName = input.recipientName.split(/\s+/)[0] || input.recipientName;
  const heading = "Here are fresh links to your Matchpath pages";
  const intro = "You asked Matchpath for new links. These open your timeline and your email preferences.";
  const unsubscribed = input.unsubscribed
    ? "You are unsubscribed from Matchpath reminders. To get them again, open Email preferences and choose Subscribe again."
    : undefined;
  const validity = `These links work for ${input.validDays} days. After that, open any expired Matchpath link and ask for fresh ones again.`;
  const view = {
    heading,
    preview: intro,
    name: firstName,
    intro,
    ...(unsubscribed ? { unsubscribed } : {}),
    timelineUrl: input.timelineUrl,
    preferencesUrl: input.preferencesUrl,
    validity,
    whyYouGetThis: WHY,
  };
  const html = Mustache.render(FRESH_LINKS_HTML, view, {}, { escape: escapeHtml });
  const text = [
    `Hello ${firstName},`,
    "",
    heading,
    "",
    intro,
    ...(unsubscribed ? ["", unsubscribed] : []),
    "",
    `See my whole timeline: ${input.timelineUrl}`,
    `Email preferences: ${input.preferencesUrl}`,
    "",
    validity,
    "",
    WHY,
  ].join("\n");
  return { subject: headerText(SUBJECT), html, text };
}
