import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A Pathway marked done while the OET is still to be sat.
 * ECFMG needs the OET result for the Pathway, so "done" is most likely "application submitted": the
 * OET keeps its step, deadline, risk and reminders; the certificate card does not say "every exam
 * and the Pathway are done" and names the OET result as what it waits for; one warning names the
 * conflict. Efua (Accra, 2027 Match, Pathway done 10 Sep 2026, OET booked for Sat 27 Feb 2027, after
 * its last sitting day) is our own applicant.
 */
const DIR = new URL("../../fixtures/oet-and-pathway/", import.meta.url).pathname;
const efua = readSnapshot(DIR, "efua-pathway-done-oet-ahead.json");

describe("a Pathway marked done with its OET still to be sat", () => {
  const result = planInOwnMatch(efua, "2026-12-04T12:00:00Z");
  const step = (key: string) => result.nextSteps.find((each) => each.milestone === key);

  it("keeps the OET step with its last sitting day, its too-late risk and its booking countdown", () => {
    expect(step("oet_medicine")?.action).toContain(
      "Your OET sitting is on Sat 27 Feb 2027, after Tue 5 Jan 2027",
    );
    expect(step("oet_medicine")?.deadline?.local).toContain("Tue 5 Jan 2027");
    const late = result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.milestones).toContain("oet_medicine");
    expect(
      result.reminders.some((each) => each.milestone === "oet_medicine" && each.rung === "last-day-in-1d"),
    ).toBe(true);
  });

  it("the certificate card waits for the OET result, never 'every exam and the Pathway are done'", () => {
    const card = step("ecfmg_certification")?.action ?? "";
    expect(card).not.toContain("every exam and the Pathway are done");
    expect(card).toContain("Your certificate waits for your OET Medicine result");
    expect(result.reminders.some((each) => each.rung === "certificate-asked")).toBe(false);
  });

  it("one warning names the conflict", () => {
    const warnings = result.risks.filter((risk) => risk.code === "PATHWAY_DONE_BEFORE_OET");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe("warning");
    expect(warnings[0]?.message).toContain(
      "You marked your ECFMG Pathway done, but your OET Medicine is on Sat 27 Feb 2027: the Pathway cannot be complete without its result",
    );
    expect(warnings[0]?.message).toContain("If you mean the application is submitted");
  });

  it("after the sitting, a Pathway done before it is not believed: the OET step asks for the result", () => {
    // ECFMG cannot accept a Pathway before the OET result it needs: Efua's Pathway is dated 10 Sep 2026,
    // her sitting 27 Feb 2027. The OET had vanished from the plan and the certificate read "every exam
    // and the Pathway are done", so a short OET went unheard past the documents deadline.
    const later = planInOwnMatch(efua, "2027-03-05T12:00:00Z");
    const oet = later.nextSteps.find((each) => each.milestone === "oet_medicine");
    expect(oet?.action).toContain("Your OET sitting was on Sat 27 Feb 2027");
    expect(oet?.action).toContain("Tell us the result");
    const card = later.nextSteps.find((each) => each.milestone === "ecfmg_certification")?.action ?? "";
    expect(card).toContain("your OET sitting was on Sat 27 Feb 2027");
    expect(card).not.toContain("every exam and the Pathway are done");
    const warning = later.risks.find((risk) => risk.code === "PATHWAY_DONE_BEFORE_OET");
    expect(warning?.message).toContain(
      "You marked your ECFMG Pathway done on Thu 10 Sep 2026, before your OET Medicine sitting on Sat 27 Feb 2027",
    );
  });

  it("after the sitting, a Pathway done on or after it is believed, as before: no warning", () => {
    const accepted = {
      ...efua,
      milestones: efua.milestones.map((each) =>
        each.key === "ecfmg_pathway" ? { ...each, date: "2027-03-02" } : each,
      ),
    };
    const later = planInOwnMatch(accepted, "2027-03-05T12:00:00Z");
    expect(later.risks.map((risk) => risk.code)).not.toContain("PATHWAY_DONE_BEFORE_OET");
    expect(later.nextSteps.map((each) => each.milestone)).not.toContain("oet_medicine");
  });

  it("an OET result below the mark beside a Pathway done after it: the retake stays planned and the certificate waits for it", () => {
    // ECFMG accepts no Pathway without a passing OET, so a failing score beside a Pathway reported
    // done (on or after the sitting) is a submitted Pathway: the retake had vanished, the certificate
    // read "every exam and the Pathway are done", and the notice asked her to sit it by the rank
    // order list deadline, a sitting no Pathway deadline could count.
    const failed = {
      ...efua,
      milestones: efua.milestones.map((each) =>
        each.key === "oet_medicine"
          ? { key: "oet_medicine" as const, status: "done" as const, date: "2026-11-14", score: 280 }
          : each.key === "ecfmg_pathway"
            ? { ...each, date: "2026-11-20" }
            : each,
      ),
    };
    const later = planInOwnMatch(failed, "2026-12-04T12:00:00Z");
    const oet = later.nextSteps.find((each) => each.milestone === "oet_medicine");
    expect(oet?.action).toContain("must be taken again");
    expect(oet?.deadline?.local).toContain("Tue 5 Jan 2027");
    const card = later.nextSteps.find((each) => each.milestone === "ecfmg_certification")?.action ?? "";
    expect(card).toContain("Your certificate waits for your OET Medicine retake");
    expect(card).not.toContain("every exam and the Pathway are done");
    expect(later.reminders.some((each) => each.rung === "certificate-asked")).toBe(false);
    expect(later.reminders.some((each) => each.milestone === "oet_medicine")).toBe(true);
  });
});
