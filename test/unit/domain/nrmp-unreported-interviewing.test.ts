import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

// An applicant interviewing for the 2027 Match
// whose Step 2 CK was sat after its last sitting day, result unreported, and who never reported NRMP
// registration was told "you did not register with NRMP". The interview presumes them in the Match
// (NRMP registration included is likely), and a result that reached ECFMG by the rank order list
// deadline keeps them in it: the plan asks instead of asserting. A reported "not started" NRMP keeps
// the words it had.

/** A 2027 applicant in Karachi, interview 19 Jan 2027, Step 2 CK sat 3 Feb 2027 with no result. */
function interviewingLateSitting(nrmp?: "not_started") {
  return inputFactory({
    applicant: applicantFactory({
      fullName: "Bilal Siddiqui",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "King Edward Medical University", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [
      milestoneFactory("usmle_step2ck", "scheduled", "2027-02-03"),
      ...(nrmp === undefined ? [] : [milestoneFactory("nrmp_registration", nrmp)]),
    ],
    interviews: [
      interviewFactory({ program: "Lincoln Medical Center IM", startsAt: "2027-01-19T09:00:00-05:00" }),
    ],
  });
}

const notFeasible = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const NOW = "2027-03-01T08:00:00Z";

describe("interviewing, NRMP registration never reported, a late sitting unreported", () => {
  it("asks whether they registered instead of stating they did not", () => {
    const risk = notFeasible(planFor(interviewingLateSitting(), NOW));
    expect(risk?.message).not.toContain("you did not register with NRMP");
    expect(risk?.message).toContain(
      "If you registered with NRMP and your USMLE Step 2 CK result reached ECFMG by Wed 24 Feb 2027 (projected), you are still in the 2027 Match",
    );
    expect(risk?.message).toContain("mark USMLE Step 2 CK done with the day its result came");
    expect(risk?.message).toContain(
      "If you did not register, SOAP 2027 is not open to you: registration closed with the rank order list deadline",
    );
    expect(risk?.message).toContain("change your target Match year to 2028");
  });

  it("keeps the plan's move to 2028 and its critical level (the result is a hard allowance)", () => {
    const result = planFor(interviewingLateSitting(), NOW);
    expect(notFeasible(result)?.earliestFeasibleMatchYear).toBe(2028);
    expect(notFeasible(result)?.severity).toBe("critical");
    expect(result.risks.some((risk) => risk.code === "RANK_LIST_UNREPORTED")).toBe(false);
  });

  it("the notice sent at once asks before it asks to move to 2028", () => {
    const result = planFor(interviewingLateSitting(), NOW);
    const notice = result.reminders.find((reminder) => reminder.rung === "match-year-out-of-reach");
    expect(notice?.title).toBe(
      "You are still in the 2027 Match only if you registered with NRMP and ECFMG had your USMLE Step 2 CK result by the rank order list deadline: tell us, or plan for the 2028 Match",
    );
  });

  it("NRMP reported not started: the plan still says they did not register", () => {
    const risk = notFeasible(planFor(interviewingLateSitting("not_started"), NOW));
    expect(risk?.message).toContain(
      "SOAP 2027 is not open to you: you did not register with NRMP, and registration closed with the rank order list deadline",
    );
  });
});

// In the plan moved to 2028, the ERAS steps the interview presumed done for
// the 2027 Match read as the re-do an applicant who reported them done gets, not as a first time.
describe("moved to a later Match, the ERAS steps the interview presumed done read as re-done", () => {
  const actionOf = (result: Plan, key: string) =>
    result.nextSteps.find((step) => step.milestone === key)?.action;

  it("letters are imported and the statement uploaded again, as after a reported application", () => {
    const result = planFor(interviewingLateSitting(), NOW);
    expect(actionOf(result, "lors")).toContain("import your letters into this season's MyERAS application");
    expect(actionOf(result, "lors")).not.toContain("Ask your writers now");
    expect(actionOf(result, "personal_statement")).toContain("upload it to this season's MyERAS application");
    expect(actionOf(result, "cv")).toContain("import your last certified and submitted application's data");
    // Letters are imported, not done again: only the statement, redone each season, says the move.
    expect(actionOf(result, "lors")).not.toContain("needs it done again");
    expect(actionOf(result, "personal_statement")).toContain(
      "What you did for the 2027 Match was for that Match only",
    );
  });
});
