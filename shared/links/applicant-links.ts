import type { MilestoneKey } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { createLinkToken, type LinkKeyring } from "./link-token.ts";

/** How long links stay usable: long enough to act on a week-old email, short enough to age out. */
export const ACTION_LINK_DAYS = 30;
export const TIMELINE_LINK_DAYS = 60;
const DAY_MS = 86_400_000;

/** The signed links one email (or the timeline page) carries for one applicant. */
export interface ApplicantLinks {
  timeline: string;
  preferences: string;
  /** The calendar feed over https (what the server answers), and as a webcal:// subscription. */
  feed: string;
  feedSubscription: string;
  action(milestone: MilestoneKey, action: StepAction): string;
}

/**
 * Builds an applicant's links under `baseUrl` (the public base, e.g. https://api.example.org).
 * Each URL names the applicant and carries its own token; a token for another applicant or
 * purpose is refused by the route. `feedGeneration` is the applicant's current feed generation.
 * One object signs each (milestone, action) once: the HTML and plain-text parts of an email carry
 * the same link, so tapping Done in either records once (the token's nonce is the submission id).
 */
export function applicantLinks(options: {
  baseUrl: string;
  keyring: LinkKeyring;
  applicantId: string;
  feedGeneration: number;
  now: Date;
}): ApplicantLinks {
  const base = options.baseUrl.replace(/\/+$/, "");
  const { keyring, applicantId, now } = options;
  const url = (path: string, token: string) =>
    `${base}${path}?applicant=${encodeURIComponent(applicantId)}&token=${encodeURIComponent(token)}`;
  const timelineToken = createLinkToken(
    keyring,
    { purpose: "timeline", applicantId, expiresAt: new Date(now.getTime() + TIMELINE_LINK_DAYS * DAY_MS) },
    now,
  );
  const feed = url(
    "/calendar.ics",
    createLinkToken(keyring, { purpose: "feed", applicantId, generation: options.feedGeneration }, now),
  );
  const actions = new Map<string, string>();
  return {
    timeline: url("/timeline", timelineToken),
    preferences: url("/preferences", timelineToken),
    feed,
    feedSubscription: feed.replace(/^https?:\/\//, "webcal://"),
    action: (milestone, action) => {
      const key = `${milestone} ${action}`;
      let link = actions.get(key);
      if (link === undefined) {
        link = url(
          "/actions",
          createLinkToken(
            keyring,
            {
              purpose: "action",
              applicantId,
              milestone,
              action,
              expiresAt: new Date(now.getTime() + ACTION_LINK_DAYS * DAY_MS),
            },
            now,
          ),
        );
        actions.set(key, link);
      }
      return link;
    },
  };
}
