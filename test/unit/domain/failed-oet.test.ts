import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot, withScore } from "./fixture-snapshots.ts";

/**
 * A failing OET score is not a pass. Sara Ahmadi, Tehran, J-1, 2027 Match, Steps 1 and 2 CK
 * passed, Pathway submitted on 20 Nov 2026, OET Medicine reported done on 14 Nov 2026 with one score.
 * ECFMG's minimums are per sub-test (350 Listening, Reading, Speaking; 300 Writing from 1 Apr 2022,
 * facts.md rows 58-59): 250 falls short whichever sub-test it is. The plan was byte for byte the
 * plan for 400: no retake, the Pathway "under review" for an acceptance that cannot come.
 */
const DIR = new URL("../../fixtures/failed-step3-and-oet/", import.meta.url).pathname;
const FAILED = readSnapshot(DIR, "oet-failed-tehran-j1.json");
const PASSED = readSnapshot(DIR, "oet-passed-tehran-j1.json");
const NOV_30 = "2026-11-30T20:00:00+03:30";
const JAN_15 = "2027-01-15T12:00:00+03:30";

const card = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const risk = (result: Plan, code: string) => result.risks.find((one) => one.code === code);
const withOetScore = (snapshot: ApplicantSnapshot, score: number | undefined, date = "2026-11-14") =>
  withScore(snapshot, "oet_medicine", score, date);

describe("an OET reported done with 250 on 14 Nov 2026, on 30 Nov", () => {
  const result = planInOwnMatch(FAILED, NOV_30);

  it("is a retake of all four sub-tests to book now, by the last sitting that reaches the Pathway", () => {
    const oet = card(result, "oet_medicine");
    expect(oet?.urgency).toBe("urgent");
    expect(oet?.deadline?.local).toBe("Tue 5 Jan 2027");
    expect(oet?.action).toMatch(/^Your OET score falls short of ECFMG's minimums, so all four sub-tests/);
    expect(oet?.action).not.toContain("FSMB");
  });

  it("says why, critical, with no FSMB: 250 below 300, the lowest sub-test minimum, and ECFMG's minimums", () => {
    const failed = risk(result, "SCORE_BELOW_PASSING");
    expect(failed?.severity).toBe("critical");
    expect(failed?.message).toContain(
      "You reported OET Medicine done with a score of 250, below 300, the lowest sub-test minimum for sittings from 1 Apr 2022, so it falls short whichever sub-test it is.",
    );
    expect(failed?.message).toContain("350 in Listening, Reading and Speaking and 300 in Writing");
    expect(failed?.message).toContain("sit all four sub-tests again by Tue 5 Jan 2027 (our advice)");
    expect(failed?.message).not.toContain("FSMB");
    expect(failed?.sources).toContain(
      "https://www.hmep-hith.jp/information/USMLE-FAQ/STEP3-OET-score-validity",
    );
    const notice = result.reminders.find((one) => one.risk === "SCORE_BELOW_PASSING");
    expect(notice?.deadlineDetail?.local).toBe("Tue 5 Jan 2027");
  });

  it("the Pathway waits on a passing result, and no one asks whether ECFMG accepted it", () => {
    expect(card(result, "ecfmg_pathway")?.action).toContain(
      "but your OET score falls short of ECFMG's minimums, so ECFMG cannot accept it until a passing OET result reaches it",
    );
    const pathwayRungs = result.reminders
      .filter((one) => one.milestone === "ecfmg_pathway")
      .map((one) => one.rung);
    expect(pathwayRungs).not.toContain("result-follow-up");
  });

  it("the first sitting's fee is spent, the retake's to pay", () => {
    const oetFees = (result.budget.otherCurrency ?? []).filter((item) =>
      item.label.startsWith("OET Medicine"),
    );
    expect(oetFees.map((item) => [item.label, item.status])).toEqual([
      ["OET Medicine test fee, each sitting", "spent"],
      ["OET Medicine test fee, each sitting: your retake", "upcoming"],
    ]);
  });
});

describe("the same failed OET on 15 Jan 2027, its last sitting day for the 2027 Match gone", () => {
  const result = planInOwnMatch(FAILED, JAN_15);

  it("the 2027 Match is out of reach; the retake aims for the 2028 Match's target", () => {
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.severity).toBe("critical");
    expect(risk(result, "SCORE_BELOW_PASSING")?.message).toContain(
      "sit all four sub-tests again by Wed 11 Aug 2027 (our advice) if you can, and by Tue 4 Jan 2028 (our advice) at the latest",
    );
  });
});

describe("a passing OET, and a sitting before the Writing minimum changed", () => {
  it("400 reads exactly as the same OET reported done without a score", () => {
    for (const now of [NOV_30, JAN_15])
      expect(planInOwnMatch(PASSED, now)).toEqual(planInOwnMatch(withOetScore(PASSED, undefined), now));
  });

  it("340 falls short for a sitting before 1 Apr 2022 (350 on all four then)", () => {
    const before = planInOwnMatch(withOetScore(PASSED, 340, "2022-03-20"), NOV_30);
    expect(risk(before, "SCORE_BELOW_PASSING")?.message).toContain(
      "below 350, the minimum on every sub-test for sittings before 1 Apr 2022",
    );
  });
});

describe("the OET retake booked for 19 Dec 2026", () => {
  it("its card says it is the retake, and the Pathway waits for its result", () => {
    const booked = {
      ...FAILED,
      milestones: FAILED.milestones.map((entry) =>
        entry.key === "oet_medicine" ? { ...entry, status: "scheduled" as const, date: "2026-12-19" } : entry,
      ),
    };
    const result = planInOwnMatch(booked, NOV_30);
    expect(card(result, "oet_medicine")?.action).toMatch(/^Your OET retake is on Sat 19 Dec 2026/);
    expect(card(result, "ecfmg_pathway")?.action).toContain(
      "your OET result is expected around Sat 9 Jan 2027",
    );
  });
});

describe("one OET score of 320: the Writing minimum met, the others' not", () => {
  const UNCLEAR = readSnapshot(DIR, "oet-unclear-tehran-j1.json");

  it("is not judged either way: a warning asks to check each sub-test, nothing is blocked or retaken", () => {
    const result = planInOwnMatch(UNCLEAR, NOV_30);
    const unclear = risk(result, "OET_SUB_TESTS_UNCLEAR");
    expect(unclear?.severity).toBe("warning");
    expect(unclear?.message).toContain(
      "You reported one OET Medicine score, 320: it meets the Writing minimum, 300, but not the 350 Listening, Reading and Speaking each need",
    );
    expect(unclear?.message).toContain("in a sitting by Tue 5 Jan 2027 (our advice)");
    expect(risk(result, "SCORE_BELOW_PASSING")).toBeUndefined();
    expect(card(result, "oet_medicine")).toBeUndefined();
    // Apart from the warning, the plan is the passing one's.
    const passing = planInOwnMatch(PASSED, NOV_30);
    expect(result.nextSteps).toEqual(passing.nextSteps);
    expect(result.risks.filter((one) => one.code !== "OET_SUB_TESTS_UNCLEAR")).toEqual(passing.risks);
  });

  it("299 fails and 350 passes: no warning at either edge", () => {
    for (const score of [299, 350])
      expect(
        risk(planInOwnMatch(withOetScore(UNCLEAR, score), NOV_30), "OET_SUB_TESTS_UNCLEAR"),
      ).toBeUndefined();
  });
});
