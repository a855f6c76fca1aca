import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { oetLastSitting } from "#domain/planner/chain-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * An early starter in Honolulu aiming for the 2028 Match who checked WDOMS and then reported
 * nothing more. The rank order list deadline is projected (23 days before Match Day) with a later
 * candidate (16 days, as in 2022–2025). Once the day that keeps the Match on the projected deadline
 * has passed (Mon 31 May 2027, 4:00 PM HST), the Match is kept only on the later candidate; nothing
 * is begun, so the exam and OET rows keep the earlier candidate's dates (plan for the earlier date),
 * as TARGETS_SLIPPED says ("its deadline stays"), and the later day is named only in
 * MATCH_YEAR_LAST_DAY, as what holds if NRMP's deadline turns out later.
 */
const honolulu: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "early-honolulu-2028",
    timezone: "Pacific/Honolulu",
    matchYear: 2028,
    graduation: "2026-05-31",
    medicalSchool: { name: "Example Medical College", country: "PH", wdomsSponsorNote: true },
  }),
  milestones: [{ key: "wdoms_listing", status: "done", date: "2026-11-20" }],
});
const calendar = seasonCalendar(2028);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const DAY = 86_400_000;
const planAt = (now: string): Plan => plan(honolulu, calendar, new Date(now));
const deadlineOf = (result: Plan, key: string) =>
  Date.parse(result.nextSteps.find((each) => each.milestone === key)?.deadline?.at ?? "");
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED")?.message ?? "";

describe("an early starter whose plan slipped keeps the earlier candidate's deadlines on every row", () => {
  const instants = [
    "2027-03-01T09:00:00-10:00",
    "2027-04-15T09:00:00-10:00",
    "2027-05-31T15:00:00-10:00",
    "2027-05-31T17:00:00-10:00",
    "2027-06-01T09:00:00-10:00",
  ];
  for (const now of instants)
    it(`at ${now}: Step 1 and Step 2 CK due by the projected deadline's last sitting day, the OET by its own`, () => {
      const result = planAt(now);
      // Four weeks for the result before the projected deadline (catalog due rule).
      for (const key of ["usmle_step1", "usmle_step2ck"])
        expect(deadlineOf(result, key)).toBeLessThan(rol - 27 * DAY);
      // A day with no hour, at the applicant's midnight: within a day of the ET instant.
      expect(deadlineOf(result, "oet_medicine")).toBeLessThan((oetLastSitting(calendar) ?? 0) + DAY);
      // The risk that says the deadlines stay names the rows' day.
      if (slipped(result).includes("its deadline stays"))
        expect(slipped(result)).toContain("its deadline stays Wed 26 Jan 2028");
    });

  it("after the act-by hour, the later day is named only as the chance if NRMP's deadline turns out later", () => {
    const result = planAt("2027-05-31T17:00:00-10:00");
    const last = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
    expect(last?.message).toContain("If NRMP's 2028 deadline turns out later");
    const rows = result.nextSteps.map((each) => each.deadline?.at ?? "");
    expect(rows.some((at) => at.startsWith("2028-02-02"))).toBe(false);
    expect(result.reminders.some((each) => each.deadline?.startsWith("2028-02-02"))).toBe(false);
  });
});
