import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot, withScore } from "./fixture-snapshots.ts";

/**
 * A failed Step 3 is not a pass. Mei Tan, Chicago, H-1B, 2027 Match, everything through NRMP
 * done, an interview on 10 Dec, Step 3 reported done on 10 Nov 2026 with 190 (200 in force for exams
 * from 1 Jan 2024, secondary pages): the plan read it as passed (no Step 3 step, no risk, the petition
 * waiting on the contract alone, no retake fee). Now it is a retake to book, as a failed Step 2 CK is.
 */
const DIR = new URL("../../fixtures/failed-step3-and-oet/", import.meta.url).pathname;
const FAILED = readSnapshot(DIR, "step3-failed-chicago-h1b.json");
const PASSED = readSnapshot(DIR, "step3-passed-chicago-h1b.json");
const NOV_30 = "2026-11-30T20:00:00-06:00";
const JAN_15 = "2027-01-15T12:00:00-06:00";

const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const risk = (result: Plan, code: string) => result.risks.find((one) => one.code === code);
const petitionWaitsFor = (result: Plan) =>
  result.blocked.find((step) => step.milestone === "visa_h1b")?.waitingFor ?? [];
const notice = (result: Plan) =>
  result.reminders.find(
    (reminder) => reminder.risk === "SCORE_BELOW_PASSING" && reminder.milestone === "usmle_step3",
  );
const withStep3 = (snapshot: ApplicantSnapshot, score: number | undefined, date: string) =>
  withScore(snapshot, "usmle_step3", score, date);

describe("a Step 3 reported done with 190 on 10 Nov 2026, on 30 Nov", () => {
  const result = planInOwnMatch(FAILED, NOV_30);

  it("is a retake to book now: urgent, in the retake's words, by the last day for ranking on H-1B", () => {
    expect(card(result)?.urgency).toBe("urgent");
    expect(card(result)?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(card(result)?.action).toMatch(/^After a fail you must reapply to FSMB and pay the exam fee again/);
    expect(card(result)?.action).toContain("sit Step 3 by Wed 27 Jan 2027");
  });

  it("says why, critical: 190 against 200 for exams from 1 Jan 2024, from a secondary page", () => {
    const failed = risk(result, "SCORE_BELOW_PASSING");
    expect(failed?.severity).toBe("critical");
    expect(failed?.message).toContain(
      "You reported Step 3 done with a score of 190; the passing score for exams from 1 Jan 2024 is 200, by a secondary source",
    );
    expect(failed?.message).toContain(
      "reapply to FSMB by Wed 6 Jan 2027 and sit it again by Wed 27 Jan 2027 (our advice)",
    );
    expect(failed?.sources).toContain(
      "secondary: https://medschoolcoach-3351459.hs-sites.com/2024-new-usmle-requirements",
    );
    expect(notice(result)?.deadlineDetail?.local ?? notice(result)?.deadline).toContain("Wed 27 Jan 2027");
  });

  it("the H-1B warning names the retake, not a first sitting", () => {
    expect(risk(result, "STEP3_NEEDED_FOR_H1B")?.message).toMatch(/^Your Step 3 retake is not booked yet: /);
  });

  it("the H-1B petition waits for Step 3 again, and the retake's fee is upcoming beside the first one's", () => {
    expect(petitionWaitsFor(result)).toContain("usmle_step3");
    const fees = result.budget.items.filter((item) => item.label.startsWith("USMLE Step 3 exam fee"));
    expect(fees.map((item) => [item.label, item.status])).toEqual([
      ["USMLE Step 3 exam fee", "spent"],
      ["USMLE Step 3 exam fee: your retake", "upcoming"],
    ]);
  });
});

describe("the same failed Step 3 on 15 Jan 2027, too late to reach ranking", () => {
  const result = planInOwnMatch(FAILED, JAN_15);

  it("asks for the retake by the H-1B petition's day, the card's one date, never the passed ranking day", () => {
    expect(card(result)?.deadline?.local).toBe("Fri 19 Mar 2027");
    const message = risk(result, "SCORE_BELOW_PASSING")?.message ?? "";
    expect(message).toContain(
      "ranking on H-1B in the 2027 Match can no longer see a pass, but the H-1B petition after the Match still needs it: reapply to FSMB by Fri 26 Feb 2027 and sit it by Fri 19 Mar 2027 (our advice)",
    );
    expect(message).not.toContain("27 Jan");
    expect(petitionWaitsFor(result)).toContain("usmle_step3");
  });
});

describe("a passing Step 3, and the score in force on the sitting's day", () => {
  it("231 reads exactly as the same Step 3 reported done without a score", () => {
    for (const now of [NOV_30, JAN_15])
      expect(planInOwnMatch(PASSED, now)).toEqual(
        planInOwnMatch(withStep3(PASSED, undefined, "2026-11-10"), now),
      );
    expect(petitionWaitsFor(planInOwnMatch(PASSED, NOV_30))).toEqual(["contract"]);
  });

  it("199 passed in 2023 (198 in force) and fails from 2024 (200)", () => {
    const codes = (date: string) =>
      planInOwnMatch(withStep3(PASSED, 199, date), NOV_30).risks.map((one) => one.code);
    expect(codes("2023-12-30")).not.toContain("SCORE_BELOW_PASSING");
    expect(codes("2024-01-02")).toContain("SCORE_BELOW_PASSING");
  });
});
