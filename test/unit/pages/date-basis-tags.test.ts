import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { matchedPlan, rankingPlan, ZONE } from "#test/unit/domain/date-basis-plans.ts";

/**
 * The timeline tagged the contract's date "projected date", as it tags NRMP's
 * projected dates, though no authority sets it. A step's date is tagged by who sets it: our advice,
 * projected, or nothing for a confirmed date.
 */

/** The `<p class="due">` line of the card titled `title` on the applicant's timeline (its deadline's, not its target's). */
function dueLine(thePlan: Plan, title: string): string {
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_asha",
    feedGeneration: 0,
    now: new Date(thePlan.now),
  });
  const body = timelinePage({
    firstName: "Asha",
    timezone: ZONE,
    links,
    plan: thePlan,
    comingReminders: [],
  }).body;
  const card = (body ?? "").split("<h3>").find((each) => each.startsWith(title));
  const due = card?.match(/<p class="due">(?:(?!target, not a deadline).)*?<\/p>/)?.[0];
  if (due === undefined) throw new Error(`no dated card titled ${title}`);
  return due;
}

describe("the timeline tags a date by who sets it", () => {
  it("the contract's date: our advice, not projected", () => {
    // Due by the J-1 sponsorship's day waiting on it; our Fri 2 Apr is its target.
    const line = dueLine(matchedPlan(), "Sign your program");
    expect(line).toContain("Mon 5 Apr 2027");
    expect(line).toContain('<span class="tag advice">our advice, not set by any authority</span>');
    expect(line).not.toContain("projected");
  });

  it("NRMP's rank order list deadline in a projected season: projected, not advice", () => {
    const line = dueLine(rankingPlan(2027), "Certify your rank order list");
    expect(line).toContain('<span class="tag projected">projected date</span>');
    expect(line).not.toContain("advice");
  });

  it("the same deadline in a confirmed season: no tag", () => {
    const line = dueLine(rankingPlan(2026), "Certify your rank order list");
    expect(line).not.toContain('class="tag');
  });
});
