import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A loophole: an exam marked done with a date
 * after the rank order list deadline brought back SEASON_OVER's "SOAP … is still open to you". Fact
 * sheet, row "Exam status NRMP needs before ranking" (official, NRMP "What requirements for ECFMG
 * certification must I complete…"): by the rank order list deadline ECFMG must confirm the exams to
 * NRMP, "otherwise the applicant is withdrawn from the Match and from SOAP". A result dated after the
 * deadline's day (the applicant's local day, as a rank order list's date is judged) was not confirmed
 * by it: SOAP is not open. One dated by that day is given the benefit of the doubt, as before; while
 * the deadline is projected, so is one dated by its later candidate's local day (Wed 3 Mar 2027,
 * 9:00 PM ET: Thu 4 Mar in Karachi): SOAP then stays open "if R3 shows you eligible", on the
 * later deadline only, and the plan says both sides.
 */

const calendar = seasonCalendar(2027);
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
  "nrmp_registration",
];
const NRMP_ECFMG =
  "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/";

/** A registered 2027 applicant in Karachi, no rank order list, Step 2 CK passed on `passed`. */
function step2PassedOn(passed: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "h2-soap-late-result",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones: [...doneMilestones(BEFORE, "2026-09-20"), milestoneFactory("usmle_step2ck", "done", passed)],
  });
}

const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER");
const now = new Date("2027-03-05T09:00:00Z");

describe("an exam result dated after the rank order list deadline closes SOAP", () => {
  it("Step 2 CK passed on Fri 5 Mar 2027: SOAP is not open, and the plan says why", () => {
    const result = plan(step2PassedOn("2027-03-05"), calendar, now);
    const risk = seasonOver(result);
    expect(risk?.message).not.toContain("still open to you");
    expect(risk?.message).toContain(
      "that Match has passed for you, and SOAP is not open to you either: your USMLE Step 2 CK result is dated Fri 5 Mar 2027, after the rank order list deadline, and NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams by that deadline. Plan for the 2028 Match",
    );
    expect(risk?.sources).toContain(NRMP_ECFMG);
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(false);
  });

  it.each([
    ["before the deadline", "2027-02-22"],
    ["on the deadline's local day (Thu 25 Feb in Karachi)", "2027-02-25"],
  ])("Step 2 CK passed %s: SOAP is still open", (_name, passed) => {
    const result = plan(step2PassedOn(passed), calendar, now);
    expect(seasonOver(result)?.message).toContain("is still open to you if R3 shows you eligible");
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(true);
  });

  it("Step 2 CK passed by the later candidate's local day (Thu 4 Mar in Karachi): SOAP open on the later deadline only", () => {
    const result = plan(step2PassedOn("2027-03-02"), calendar, now);
    const message = seasonOver(result)?.message ?? "";
    expect(message).toContain("a result dated Tue 2 Mar came too late and SOAP is not open to you either");
    expect(message).toContain("is open to you if R3 shows you eligible");
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(true);
  });
});
