import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * Seen on the demo's applicant page in Chromium (390 and 1280 px):
 * - the Next list ended with "Budget plan, later, no fixed deadline, Mark done", although the budget
 *   is a section of the plan, never a step (the timeline, the email and the
 *   CLI list it only as the budget; listedNextSteps): the page shows it as the Budget section below;
 * - "Erase applicant…" sat on the line of the resend's note ("It is sent now: … their time.
 *   [Erase applicant…]"), read as part of it: the erase is on a line of its own.
 */
describe("the console's applicant page as an advisor sees it", () => {
  const state = {
    profile: profileFactory({ timezone: "Asia/Karachi", fullName: "Fatima Malik" }),
    milestones: [],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, new Date("2027-03-20T00:01:00Z"));
  const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
  const html = applicantFragment(view, "2027-03-20");
  const next = html.slice(html.indexOf("<h3>Next</h3>"), html.indexOf("<h3>Blocked</h3>"));

  it("lists no budget step among the next steps; the budget is its own section", () => {
    expect(plan.nextSteps.some((step) => step.milestone === "budget")).toBe(true);
    expect(next).toContain("<li>");
    expect(next).not.toContain("Budget plan");
    expect(html).toContain("<h2>Budget</h2>");
  });

  it("puts the erase on a line of its own, not after the resend's note", () => {
    expect(html).toMatch(/their time\.<\/span><\/div>/);
    expect(html).toMatch(/<div class="danger-action"><form hx-get="\/console\/applicants\/[^"]+\/erase"/);
  });
});

/**
 * On a booked exam's day the exam sank below steps due months later on the Next list
 * (its badge said "soon"); the page lists the steps in the applicant's reading order, where an own
 * date lasts its whole day (listedInReadingOrder), so the exam leads, as on their timeline.
 */
describe("the console's Next list on an exam day", () => {
  it("leads with the exam booked for today", () => {
    const state = {
      profile: profileFactory({ timezone: "Asia/Karachi", matchYear: 2027 }),
      milestones: [
        { key: "usmle_step1" as const, status: "done" as const, date: "2025-05-01" },
        { key: "usmle_step2ck" as const, status: "scheduled" as const, date: "2026-12-08" },
      ],
      interviews: [],
      ledger: [],
    };
    const plan = domainPlanning.plan(state, new Date("2026-12-08T06:00:00Z"));
    const html = applicantFragment({ state, plan, audit: [], submissions: [], events: [] }, "2026-12-08");
    const next = html.slice(html.indexOf("<h3>Next</h3>"), html.indexOf("<h3>Blocked</h3>"));
    const firstItem = next.slice(next.indexOf("<li>"), next.indexOf("</li>"));
    expect(firstItem).toContain("Step 2 CK");
  });
});
