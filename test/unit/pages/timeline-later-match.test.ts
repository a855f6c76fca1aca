import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Omar's 2027 Match is out of reach and his plan is dated for 2028 (the
 * console says "2027 → 2028 (2027 out of reach)"), yet his timeline said "Your Match 2027
 * timeline" and "Some dates of the 2027 season are projected", and the out-of-reach message sat
 * far down under Risks. The page names the Match its dates are for and leads with why.
 */
const OMAR: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2024-12-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "in_progress" },
];

describe("the timeline of an applicant whose plan is dated for a later Match", () => {
  const now = new Date("2027-03-20T12:00:00Z");
  const profile = profileFactory({ applicantId: "a_omar", fullName: "Omar Haddad", matchYear: 2027 });
  const plan = domainPlanning.plan({ profile, milestones: OMAR, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_omar",
    feedGeneration: 0,
    now,
  });
  const html =
    timelinePage({
      firstName: "Omar",
      timezone: "Africa/Cairo",
      links,
      plan,
      comingReminders: plan.reminders,
    }).body ?? "";

  it("the case: 2027 is out of reach, the plan is dated for 2028", () => {
    expect(
      plan.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
  });

  it("is headed for the 2028 Match and leads with the 2027 Match being out of reach", () => {
    expect(html).toContain("<h1>Your Match 2028 timeline, Omar</h1>");
    expect(html).not.toContain("Match 2027 timeline");
    expect(html).not.toContain("dates of the 2027 season");
    const lead = html.indexOf("The 2027 Match is out of reach for you");
    expect(lead).toBeGreaterThan(html.indexOf("<h1>"));
    expect(lead).toBeLessThan(html.indexOf('id="next"'));
  });
});
