import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An OET reported done after ECFMG's projected deadline for a Pathway's
 * supporting documents raised no warning, and "did ECFMG accept it?" counted the review from the
 * November application alone. Rule: PATHWAY_DEADLINE_PROJECTED (the README's warning for a late
 * OET: verify with ECFMG that it was accepted), and the review allowance counted from the later of
 * the application and the OET result's day; an OET done in time keeps the plan.
 * Replayed on the reported applicant.
 */
const DIR = fileURLToPath(new URL("../../fixtures/eras-token-and-oet/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const planOf = planInOwnMatch;
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const withOetDone = (date: string): ApplicantSnapshot => {
  const snapshot = snapshotOf("oet-result-reported-late-after-documents-deadline-manila.json");
  const oet = snapshot.milestones.find((each) => each.key === "oet_medicine");
  if (oet !== undefined) oet.date = date;
  return snapshot;
};

const NOW_F13 = "2027-02-03T10:00:00+08:00";

describe("an OET result after the Pathway's documents deadline", () => {
  it.each(["2027-02-01", "2027-01-27"])(
    "OET done %s: PATHWAY_DEADLINE_PROJECTED asks to verify with ECFMG",
    (date) => {
      const result = planOf(withOetDone(date), NOW_F13);
      const risk = result.risks.find((each) => each.code === "PATHWAY_DEADLINE_PROJECTED");
      expect(risk?.severity).toBe("warning");
      expect(risk?.milestones).toEqual(["oet_medicine", "ecfmg_pathway"]);
      // The documents deadline (projected: 29 days before the ROL deadline, Wed 24 Feb 2027).
      expect(risk?.message).toContain(
        "after the deadline for a Pathway application's supporting documents, Tue 26 Jan 2027 (projected)",
      );
      expect(risk?.message).toContain("verify with ECFMG that your OET result was accepted");
      expect((risk?.sources ?? []).some((source) => source.includes("documents"))).toBe(true);
    },
  );

  it("the review allowance counts from the OET result: not over two days after it", () => {
    const result = planOf(withOetDone("2027-02-01"), NOW_F13);
    expect(result.risks.map((each) => each.code)).not.toContain("SCHEDULED_DATE_PASSED");
    const pathway = stepOf(result, "ecfmg_pathway");
    expect(pathway?.action).toContain("and your OET result on Mon 1 Feb 2027");
    expect(pathway?.action).toContain("counts from the result");
    expect(pathway?.action).not.toContain("should be over");
    // No "did ECFMG accept it?" follow-up before the review counted from the result is over.
    const followUp = result.reminders.find(
      (each) => each.milestone === "ecfmg_pathway" && each.rung === "result-follow-up",
    );
    expect(
      followUp === undefined || Date.parse(followUp.sendAt) >= Date.parse("2027-03-01T00:00:00+08:00"),
    ).toBe(true);
  });

  it("an OET done in time keeps the plan: no warning, the review counted from the application", () => {
    const result = planOf(withOetDone("2027-01-04"), NOW_F13);
    expect(result.risks.map((each) => each.code)).not.toContain("PATHWAY_DEADLINE_PROJECTED");
    expect(result.risks.map((each) => each.code)).toContain("SCHEDULED_DATE_PASSED");
    expect(stepOf(result, "ecfmg_pathway")?.action).toContain("should be over");
  });
});
