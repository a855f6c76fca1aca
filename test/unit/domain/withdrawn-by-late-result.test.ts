import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A certified list beside a late result: a certified
 * rank order list with Step 2 CK reported done on a day after the rank order list deadline still
 * showed Match Week and SOAP as live. Fact sheet, row "Exam status NRMP needs before ranking"
 * (official, NRMP "What requirements for ECFMG certification must I complete…"): ECFMG must confirm
 * the exams by the deadline, otherwise the applicant is withdrawn from the Match and from SOAP. The
 * 2027 deadline (Wed 24 Feb 2027, 9:00 PM ET, projected) is Wed 24 Feb in Seattle and Thu 25 Feb in
 * Osaka: a result dated on that local day still counts. While it is projected, so does one dated by
 * its later candidate's local day (Wed 3 Mar 2027, 9:00 PM ET: Wed 3 Mar in Seattle, Thu 4 Mar in
 * Osaka), flagged by ROL_DEADLINE_MAY_BE_LATER; a result dated after that withdraws.
 */

const calendar = seasonCalendar(2027);
const DONE: readonly MilestoneKey[] = [
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

/** A 2027 applicant in `timezone` with a list certified on 12 Feb 2027 and Step 2 CK passed on `passed`. */
function certifiedWithStep2On(timezone: string, passed: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `x1-withdrawn-${timezone}`,
      timezone,
      matchYear: 2027,
      graduation: "2025-05-31",
    }),
    milestones: [
      ...doneMilestones(DONE, "2026-09-18"),
      milestoneFactory("usmle_step2ck", "done", passed),
      milestoneFactory("rank_order_list", "done", "2027-02-12"),
    ],
  });
}

const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER");
const live = (result: Plan, key: MilestoneKey) => result.nextSteps.some((step) => step.milestone === key);
const now = new Date("2027-03-08T16:00:00Z");

describe("a certified list beside an exam result dated after the rank order list deadline", () => {
  it.each([
    ["America/Los_Angeles", "2027-03-04", "Thu 4 Mar 2027"],
    ["Asia/Tokyo", "2027-03-05", "Fri 5 Mar 2027"],
  ])(
    "in %s, Step 2 CK passed on %s: withdrawn from the 2027 Match, no Match Week or SOAP, the 2028 Match planned",
    (zone, passed, day) => {
      const result = plan(certifiedWithStep2On(zone, passed), calendar, now);
      const risk = seasonOver(result);
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("withdrawn from the 2027 Match");
      expect(risk?.message).toContain(`your USMLE Step 2 CK result is dated ${day}`);
      expect(risk?.message).not.toContain("without a certified list");
      expect(risk?.message).not.toContain("still open to you");
      expect(risk?.message).toMatch(
        /Plan for the 2028 Match, whose rank order list deadline is [^.]*\(projected\)/,
      );
      expect(risk?.sources).toContain(NRMP_ECFMG);
      for (const key of ["match_week", "soap", "match_day"] as const) expect(live(result, key)).toBe(false);
      const rol = result.nextSteps.find((step) => step.milestone === "rank_order_list");
      expect(rol?.action).toContain("NRMP withdrew you from the 2027 Match");
    },
  );

  it.each([
    ["America/Los_Angeles", "2027-02-24"],
    ["Asia/Tokyo", "2027-02-25"],
    ["America/Los_Angeles", "2027-03-03"],
    ["Asia/Tokyo", "2027-03-04"],
  ])(
    "in %s, Step 2 CK passed on %s (by the later candidate's local day): still in the Match",
    (zone, passed) => {
      const result = plan(certifiedWithStep2On(zone, passed), calendar, now);
      expect(seasonOver(result)).toBeUndefined();
      expect(live(result, "match_week")).toBe(true);
    },
  );
});
