import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An OET sat in time only on the rank order
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

describe("an OET sat 10 Jan (in time on the later candidate only), result unreported", () => {
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

describe("an OET booked 13 Jan, past both last sitting days", () => {
  it.each([
    "2027-01-08T09:00:00+05:00",
    "2027-01-12T09:00:00+05:00",
    "2027-01-13T09:00:00+05:00",
    "2027-01-20T09:00:00+05:00",
  ])("at %s: never 'keep every date you have booked' or 'keep your sitting'", (now) => {
    const result = planAt(karachi("2027-01-13"), now);
    const text = result.risks.map((risk) => risk.message).join("\n");
    expect(text).not.toContain("keep every date you have booked");
    expect(text).not.toContain("keep your OET Medicine sitting");
    expect(text).not.toContain("still within reach, with nothing left for you to start");
    // Kept for the 2027 Match, the card never says only to send the result on (a 2028 plan may).
    const card = result.nextSteps.find((step) => step.milestone === "oet_medicine")?.action ?? "";
    if (!card.includes("2028 Match")) expect(card).not.toContain("Send them to ECFMG for your Pathway");
  });

  it("from its exam day on, the 2027 Match is out of reach, as the day before said of the sitting as booked", () => {
    const before = planAt(karachi("2027-01-13"), "2027-01-12T09:00:00+05:00");
    expect(before.nextSteps.find((step) => step.milestone === "oet_medicine")?.action).toContain(
      "As booked, it is too late",
    );
    for (const now of ["2027-01-13T09:00:00+05:00", "2027-01-20T09:00:00+05:00"]) {
      const result = planAt(karachi("2027-01-13"), now);
      expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    }
  });
});
