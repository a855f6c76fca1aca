import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

// riskChangesAt listed the instant the target Match goes out of reach, not the
// one at which the earliest feasible Match moves on (here 2028 → 2029, as the fastest pace for
// Step 1 then Step 2 CK passes the 2028 rank order list deadline). The wake-up must come then, so
// the applicant hears of the new Match when it happens, not at the next reminder.

const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
  milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-05-01"),
});
const calendar = seasonCalendar(2027);
const planAt = (at: number): Plan => plan(input, calendar, new Date(at));
const feasibleYear = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear;

describe("the instant the earliest feasible Match moves is a risk change", () => {
  const start = Date.parse("2027-05-10T12:00:00Z");
  // Prepare: where the earliest feasible Match moves, to the second (bisection).
  let low = start;
  let high = Date.parse("2027-06-10T12:00:00Z");
  const before = planAt(low);
  it("moves from 2028 to 2029 within the month (the case holds)", () => {
    expect(feasibleYear(before)).toBe(2028);
    expect(feasibleYear(planAt(high))).toBe(2029);
  });
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (feasibleYear(planAt(middle)) === 2028) low = middle;
    else high = middle;
  }

  it("is listed in the plan made before it, so the wake-up comes then", () => {
    // The 2028 Match goes out of reach on its later candidate a week after its projected
    // deadline's crossing, which the plans before that crossing list (it brings the later-candidate
    // risk); the plans made in that week list the move itself. Two days before it:
    const noted = (planAt(low - 2 * 86_400_000).riskChangesAt ?? []).map(Date.parse);
    expect(noted.some((at) => at >= low - 1000 && at <= high)).toBe(true);
  });

  it("re-planning just after it sends a new out-of-reach notice (for the 2029 Match)", () => {
    const id = (result: Plan) => result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG)?.id;
    const after = planAt(high + 1000);
    expect(id(after)).toBeDefined();
    expect(id(after)).not.toBe(id(before));
  });
});
