import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { REGISTERED_KEYS } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * Two days after Fatima's booked Step 2 CK (30 Mar 2027, 2028 Match), the
 * console badged it "urgent" (deadline Jan 2028) while her own timeline said "Result pending". The
 * console's badge follows the applicant page's rule (stepBadge): an own date passed with no result
 * recorded reads "result pending".
 */
const FATIMA: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2026-10-01" },
  { key: "ecfmg_application", status: "done", date: "2026-11-01" },
  { key: "usmle_step1", status: "done", date: "2026-06-01" },
  { key: "usmle_step2ck", status: "scheduled", date: "2027-03-30" },
];

function view(now: Date): ApplicantView {
  const state = {
    profile: profileFactory({ matchYear: 2028, timezone: "Asia/Karachi" }),
    milestones: FATIMA,
    interviews: [],
    ledger: [],
  };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

describe("a booked exam whose day has passed reads 'result pending' on the console", () => {
  const after = view(new Date("2027-04-01T12:00:00Z"));
  const step2 = after.plan.nextSteps.find((step) => step.milestone === "usmle_step2ck");

  it("the case: Step 2 CK is a next step, its deadline ahead, its exam day passed", () => {
    expect(step2).toBeDefined();
    expect(Date.parse(step2?.deadline?.at ?? "")).toBeGreaterThan(Date.parse(after.plan.now));
    expect(Date.parse(step2?.ownDate?.at ?? "")).toBeLessThan(Date.parse(after.plan.now));
  });

  it("badges it 'result pending' as the applicant's timeline does, never 'urgent'", () => {
    if (step2 === undefined) return;
    expect(stepStanding(after.plan, step2)).toEqual({ label: "result pending", critical: false });
    const html = timelineCard(after, "2027-04-01");
    const start = html.indexOf("<strong>USMLE Step 2 CK");
    const item = html.slice(start, html.indexOf("</li>", start));
    expect(item).toContain("result pending");
    expect(item).not.toContain(">urgent<");
  });

  it("before the exam day it keeps the step's urgency", () => {
    const before = view(new Date("2027-03-20T12:00:00Z"));
    const step = before.plan.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    if (step === undefined) throw new Error("no Step 2 CK");
    expect(stepStanding(before.plan, step).label).not.toBe("result pending");
  });
});

/**
 * A booked exam whose day and deadline have both passed read
 * "overdue" on the console and "Result pending" on the applicant's timeline. One rule (stepBadge)
 * for both now: the advisor must see it is late, and the applicant must be asked for the result,
 * so both read "overdue: result pending", critical on the console, in the overdue colour on the
 * timeline. An exam sat is due by the day its result must reach the
 * authority (Step 2 CK: the rank order list deadline, when the Match is over), so the dated step past
 * its day and its deadline is a Pathway application planned for a day that has passed, after its
 * deadline (one dated by its deadline is under ECFMG's review, due by the rank order list deadline).
 */
// A Pathway dated after its projected deadline is due by the rank order list deadline, not overdue,
// while that deadline is ahead: 'result pending' on both views.
describe("a Pathway application dated after its projected deadline, its day passed: 'result pending' on both", () => {
  const registered = REGISTERED_KEYS.filter((key) => key !== "ecfmg_pathway").map(
    (key): MilestoneEntry => ({ key, status: "done", date: "2026-09-01" }),
  );
  const state = {
    profile: profileFactory({ matchYear: 2027, timezone: "Asia/Karachi", visa: "H-1B" }),
    milestones: [...registered, { key: "ecfmg_pathway", status: "scheduled", date: "2026-12-28" } as const],
    interviews: [],
    ledger: [],
  };
  const now = new Date("2027-01-05T12:00:00Z");
  const plan = domainPlanning.plan(state, now);
  const step2 = plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");

  it("the case: its day has passed, it is due by the rank order list deadline ahead, the Match within reach", () => {
    expect(Date.parse(step2?.deadline?.at ?? "")).toBeGreaterThan(now.getTime());
    expect(Date.parse(step2?.ownDate?.at ?? "")).toBeLessThan(now.getTime());
    expect(step2?.matchYears).toBeUndefined();
    expect(plan.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
  });

  it("the console: 'result pending', not overdue", () => {
    if (step2 === undefined) throw new Error("no Pathway step");
    expect(stepStanding(plan, step2).label).toBe("result pending");
  });

  it("the applicant's timeline: 'Result pending', not overdue", () => {
    const html =
      timelinePage({
        firstName: "Ada",
        timezone: "Asia/Karachi",
        links: applicantLinks({
          baseUrl: "https://api.example.org",
          keyring: parseKeyring(`k1=${"s".repeat(40)}`),
          applicantId: "a_ada",
          feedGeneration: 0,
          now,
        }),
        plan,
        comingReminders: [],
      }).body ?? "";
    const start = html.indexOf("<h3>Complete an ECFMG Pathway");
    const heading = html.slice(start, html.indexOf("</h3>", start));
    expect(heading).toContain(">Result pending</span>");
    expect(heading).not.toContain("overdue");
  });
});
