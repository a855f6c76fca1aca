import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Step 2 CK sat on Fri 29 Jan 2027, after its last sitting day (Wed 27 Jan), result
// never reported: after the rank order list deadline the plan moved to the 2028 Match with no word
// about SOAP 2027. Fact sheet (NRMP, "What requirements for ECFMG certification must I complete"):
// by the rank order list deadline ECFMG must confirm the exams to NRMP, otherwise the applicant is
// withdrawn from the Match and from SOAP; the rank order list deadline is also the last day to
// register (NRMP Match calendar). A result that comes after that deadline, even before Match Week,
// does not open SOAP; one that reached ECFMG by then (results can come sooner than the 28 days
// allowed) does.

const BEFORE: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "oet_medicine",
  "ecfmg_pathway",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
];

/** A 2027 applicant in Lagos whose Step 2 CK was sat on 29 Jan 2027, result not reported, no rank list. */
function lateSitting(registered: boolean) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(registered ? [...BEFORE, "nrmp_registration"] : BEFORE, "2026-09-20"),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-01-29"),
    ],
  });
}

const notFeasible = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const NRMP_ECFMG =
  "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/";

describe("a sitting after the last sitting day, its result unreported: what SOAP 2027 needs", () => {
  it("registered with NRMP, before Match Week: SOAP only if the result reached ECFMG by the rank order list deadline", () => {
    const risk = notFeasible(planFor(lateSitting(true), "2027-03-03T12:00:00Z"));
    expect(risk?.message).toContain(
      "SOAP in Match Week (Mon 15 Mar 2027, 10:00 AM ET to Thu 18 Mar 2027, 5:00 PM ET, projected) is open to you only if your USMLE Step 2 CK result (sat Fri 29 Jan 2027) reached ECFMG by Wed 24 Feb 2027 (projected)",
    );
    expect(risk?.message).toContain(
      "NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams by the rank order list deadline, so a result that comes later, even before Match Week, does not open SOAP",
    );
    expect(risk?.message).toContain(
      "If it reached ECFMG in time, mark it done here and this plan returns to the 2027 Match for SOAP",
    );
    // The 2028 plan is still said.
    expect(risk?.message).toContain("The earliest feasible Match is 2028");
    expect(risk?.message).toContain("change your target Match year to 2028");
    expect(risk?.sources).toContain(NRMP_ECFMG);
  });

  it("the notice sent at once asks for the result before it asks to move to 2028", () => {
    const result = planFor(lateSitting(true), "2027-03-03T12:00:00Z");
    const notice = result.reminders.find((reminder) => reminder.rung === "match-year-out-of-reach");
    expect(notice?.title).toBe(
      "SOAP 2027 is open to you only if ECFMG had your USMLE Step 2 CK result by the rank order list deadline: tell us, or plan for the 2028 Match",
    );
  });

  it("not registered with NRMP: SOAP is not open, because registration closed with the rank order list deadline", () => {
    const risk = notFeasible(planFor(lateSitting(false), "2027-03-03T12:00:00Z"));
    expect(risk?.message).toContain(
      "SOAP 2027 is not open to you: you did not register with NRMP, and registration closed with the rank order list deadline",
    );
    expect(risk?.sources).toContain("http://www.nrmp.org/residency/main-match-events/");
  });

  it("once SOAP has ended, says nothing more about it", () => {
    const risk = notFeasible(planFor(lateSitting(true), "2027-03-25T12:00:00Z"));
    expect(risk?.message).not.toContain("SOAP");
  });

  it("a result marked done brings SOAP back, as the risk says", () => {
    const input = lateSitting(true);
    const reported = {
      ...input,
      milestones: input.milestones.map((entry) =>
        entry.key === "usmle_step2ck" ? milestoneFactory("usmle_step2ck", "done", "2027-02-22") : entry,
      ),
    };
    const result = planFor(reported, "2027-03-03T12:00:00Z");
    expect(notFeasible(result)).toBeUndefined();
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(true);
  });
});
