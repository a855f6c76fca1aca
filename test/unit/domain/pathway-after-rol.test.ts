import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Bishnu (Pokhara): Pathway submitted 24 Nov 2026, never reported accepted, OET result in. Before
 * the rank order list deadline (projected Wed 24 Feb 2027) NRMP's need is the card's last word; after
 * it, what the Pathway still matters for, and the follow-up shows the submission day as the
 * applicant's own, never "Due" on it (t20a A1, B5).
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
