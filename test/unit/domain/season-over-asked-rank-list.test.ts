import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A side effect seen in the golden plan h1b-graduate-step3-scheduled: once
 * the 2026 Match is over, an interviewing applicant asked about NRMP registration does not get the
 * rank order list as a second overdue row beside NRMP registration, and SEASON_OVER's notice does not
 * sit on the list. Before the deadline the list is planned as a registered applicant's.
 *
 * Chidi, in Enugu (Africa/Lagos): every step to ERAS done for the 2026 Match, NRMP never reported,
 * one interview on Wed 10 Dec 2025; now Mon 30 Nov 2026.
 */
function chidi(now: string) {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2026, graduation: "2024-06-30" }),
      milestones: doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
        "2025-09-15",
      ),
      interviews: [interviewFactory({ id: "iv-enugu", startsAt: "2025-12-10T10:00:00-05:00" })],
    }),
    seasonCalendar(2026),
    new Date(now),
  );
}

describe("a 2026 Match that is over, NRMP asked", () => {
  it("past the question's end the plan has moved to the 2027 Match: nothing of 2026 overdue", () => {
    // NRMP never reported and no longer asked (the 2027 ERAS submission day has passed): that Match
    // cannot reach them, so the plan moved on (NRMP_REGISTRATION_CLOSED), saying what we know.
    const result = chidi("2026-11-30T12:00:00Z");
    expect(result.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
    const moved = result.risks.find((risk) => risk.code === "NRMP_REGISTRATION_CLOSED");
    expect(moved?.message).toContain("You never told us you registered with NRMP for the 2026 Match");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("rank_order_list");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("nrmp_registration");
    // Past the 2026 residency start the move is a warning, as SOAP_OUTCOME_UNREPORTED's is: no notice.
    expect(moved?.severity).toBe("warning");
    expect(result.reminders.filter((each) => each.risk === "NRMP_REGISTRATION_CLOSED")).toEqual([]);
  });

  it("before the deadline the list is planned, not blocked (unchanged)", () => {
    const result = chidi("2026-01-20T12:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("rank_order_list");
    expect(result.nextSteps.map((step) => step.milestone)).toContain("rank_order_list");
  });
});
