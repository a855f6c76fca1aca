import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * The out-of-reach notice after its Match: once the target Match's rank order list deadline has
 * passed, MATCH_YEAR_NOT_FEASIBLE read as if the season were ahead ("would be reported around …",
 * "What it would take: the remaining results reported" for an applicant whose steps are all done,
 * "Pay no 2027 ERAS or NRMP fee"), and the planner scheduled that notice for a 2027 applicant who
 * first appears after the 2027 deadline (the console's resend already refuses it). It now says the
 * deadline passed before they were ready and names the next Match, with no fee advice for a Match
 * that is over.
 */
const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const after = new Date(rol + 30 * 24 * 3_600_000);
const risk = (result: Plan) => result.risks.find((r) => r.code === "MATCH_YEAR_NOT_FEASIBLE");
const notices = (result: Plan) => result.reminders.filter((r) => r.rung === "match-year-out-of-reach");

describe("MATCH_YEAR_NOT_FEASIBLE after the target Match's rank order list deadline", () => {
  const nothing = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
    milestones: doneMilestones(["wdoms_listing"], "2026-11-01"),
  });
  // Every step done, but after the deadline (so not done at it).
  const lateButDone = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
    milestones: doneMilestones(REGISTERED_KEYS, "2027-03-10"),
  });

  it("says the deadline passed before they were ready, not what 'would be' reported", () => {
    const message = risk(plan(nothing, calendar, after))?.message ?? "";
    expect(message).toContain("passed before you were ready");
    expect(message).not.toContain("would be reported around");
    expect(message).toContain("The earliest feasible Match is 2028");
  });

  it("asks no fee decision for the Match that is over, in the risk or in any reminder", () => {
    for (const input of [nothing, lateButDone]) {
      const result = plan(input, calendar, after);
      expect(risk(result)?.message ?? "").not.toContain("Pay no 2027");
      for (const reminder of result.reminders) expect(reminder.why).not.toContain("Pay no 2027");
    }
  });

  it("still says 'would be reported' and 'Pay no 2027' before the deadline", () => {
    const message = risk(plan(nothing, calendar, new Date(rol - 60 * 24 * 3_600_000)))?.message ?? "";
    expect(message).toContain("Pay no 2027 ERAS or NRMP fee");
    expect(notices(plan(nothing, calendar, new Date(rol - 60 * 24 * 3_600_000)))).toHaveLength(1);
  });
});
