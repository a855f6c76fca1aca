import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Bishnu (Pokhara): Pathway submitted 24 Nov 2026, never reported accepted, OET result in. Before
 * the rank order list deadline (projected Wed 24 Feb 2027) NRMP's need is the card's last word; after
 * it, what the Pathway still matters for, and the follow-up shows the submission day as the
 * applicant's own, never "Due" on it.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-after-rol/", import.meta.url));
const BISHNU = readSnapshot(DIR, "bishnu-pokhara-pathway-under-review-2027.json");
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";
const followUps = (result: Plan) =>
  result.reminders.filter(
    (reminder) => reminder.milestone === "ecfmg_pathway" && reminder.rung === "result-follow-up",
  );
const NEEDS = "NRMP needs ECFMG's acceptance by the rank order list deadline";
const PASSED =
  "The rank order list deadline, Wed 24 Feb 2027 (projected), has passed: if ECFMG had not accepted your Pathway by then, NRMP withdrew you from the Match and SOAP";

describe("a Pathway under review once the rank order list deadline has passed", () => {
  it("10 Feb 2027: the card names NRMP's deadline ahead", () => {
    const action = card(planInOwnMatch(BISHNU, "2027-02-10T12:00:00+05:45"));
    expect(action).toContain(`${NEEDS}, Wed 24 Feb 2027 (projected).`);
    expect(action).not.toContain("has passed");
  });

  for (const now of ["2027-03-10T12:00:00+05:45", "2027-03-19T23:45:00+05:45", "2027-04-10T12:00:00+05:45"]) {
    it(`${now}: the card says the deadline passed, what it cost, and what the Pathway is still for`, () => {
      const result = planInOwnMatch(BISHNU, now);
      const action = card(result);
      expect(action).toContain(PASSED);
      expect(action).toContain("ECFMG certifies you only once it accepts it");
      expect(action).not.toContain(NEEDS);
      for (const reminder of followUps(result)) expect(reminder.why).not.toContain(NEEDS);
    });
  }

  it("after Match Day the undated card's follow-up shows the submission day as the applicant's own", () => {
    const result = planInOwnMatch(BISHNU, "2027-04-10T12:00:00+05:45");
    expect(result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.dueBy ?? null).toBeNull();
    const [followUp] = followUps(result);
    expect(followUp?.countsDownTo).toBe("own-date");
    expect(followUp?.deadlineDetail.source).toBe("your scheduled date 2026-11-24");
    expect(followUp?.why).toContain("ECFMG certifies you only once it accepts your Pathway");
  });
});

/**
 * Bishnu with the OET booked for 19 Dec 2026 and no result reported: ECFMG's review counts from the
 * result's expected day (19 Dec + 21 days = Sat 9 Jan 2027), not from the application, so
 * "should be over — did ECFMG accept it?" waits until four weeks after it.
 */
describe("a Pathway whose OET result is still to come", () => {
  const pending: ApplicantSnapshot = {
    ...BISHNU,
    milestones: BISHNU.milestones.map((entry) =>
      entry.key === "oet_medicine" ? { key: entry.key, status: "scheduled", date: "2026-12-19" } : entry,
    ),
  };
  it("15 Jan 2027: the review waits for the result; no 'should be over'", () => {
    const result = planInOwnMatch(pending, "2027-01-15T12:00:00+05:45");
    const action = card(result);
    expect(action).toContain("your OET result was expected around Sat 9 Jan 2027");
    expect(action).toContain("Send it to ECFMG as soon as it arrives");
    expect(action).not.toContain("should be over");
  });
  it("30 Nov 2026: the 'did ECFMG accept it?' follow-up is four weeks after the expected result, not before the sitting", () => {
    const result = planInOwnMatch(pending, "2026-11-30T20:00:00+05:45");
    expect(card(result)).toContain("your OET result is expected around Sat 9 Jan 2027");
    expect(followUps(result).map((reminder) => reminder.sendAtLocal)).toEqual([
      "2027-02-06T09:00:00.000+05:45",
    ]);
  });
  it("10 Feb 2027: four weeks after the expected result, ECFMG's answer is asked", () => {
    expect(card(planInOwnMatch(pending, "2027-02-10T12:00:00+05:45"))).toContain(
      "should be over. Did ECFMG accept it?",
    );
  });
});
