import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory, interviewFactory } from "./factories.ts";

/**
 * Tester t9u F7 (A) rest and F8 (lead's rulings, session 26). An OET sat in time only on the rank order
 * list deadline's later candidate (its last sitting day Tue 12 Jan 2027; projected Tue 5 Jan), its
 * result unreported, is judged on that candidate after the projected deadline (Wed 24 Feb 2027, 9:00 PM
 * ET) too, until the later candidate's (Wed 3 Mar 2027, 9:00 PM ET) passes with nothing reported.
 * An OET booked past both last sitting days says the same before and after its exam day: its result
 * cannot meet either documents deadline.
 */

/** A Karachi J-1 applicant, everything done but the OET (booked `sat`) and the Pathway (not reported). */
function karachi(sat: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "o3-karachi",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      graduation: "2025-07-15",
    }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "scheduled", date: sat },
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-05:00" })],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(2027), new Date(now));
}

function codes(result: Plan): string[] {
  return result.risks.map((risk) => risk.code);
}

describe("an OET sat 10 Jan (in time on the later candidate only), result unreported (t9u F7 rest)", () => {
  it.each(["2027-02-26T09:00:00+05:00", "2027-03-02T09:00:00+05:00"])(
    "at %s, past the projected deadline: asked, the 2027 Match kept",
    (now) => {
      const result = planAt(karachi("2027-01-10"), now);
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.message).toContain(
        "Did you pass?",
      );
    },
  );

  it("once the later candidate's deadline has passed with nothing reported, written off", () => {
    const result = planAt(karachi("2027-01-10"), "2027-03-05T09:00:00+05:00");
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
