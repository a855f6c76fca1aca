import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot, withScore } from "./fixture-snapshots.ts";

/**
 * A failed Step 3 on the H-1B road is dated and chased as a first sitting not yet applied for.
 * The retake is read as under way (no study left), and the H-1B chain took "under way" for an FSMB
 * application made: the retake's card kept the H-1B petition's day (Fri 19 Mar 2027, Match Day
 * that year) when FSMB's processing and a seat could no longer reach it, no day to reapply to FSMB
 * by was reminded, and abroad the card said the visitor visa was "applied for as this plan advised"
 * weeks before the fail. Mei Tan, H-1B, 2027 Match, certified, Step 3 reported done with 190.
 */
const DIR = new URL("../../fixtures/failed-step3-and-oet/", import.meta.url).pathname;
const CHICAGO = readSnapshot(DIR, "step3-failed-chicago-h1b.json");

const abroad = (snapshot: ApplicantSnapshot): ApplicantSnapshot => ({
  ...snapshot,
  applicant: { ...snapshot.applicant, timezone: "Asia/Kolkata" },
});
/** The rank order list certified on 20 Feb, so the season stays open after its deadline. */
const ranked = (snapshot: ApplicantSnapshot): ApplicantSnapshot => ({
  ...snapshot,
  milestones: snapshot.milestones.map((entry) =>
    entry.key === "rank_order_list" ? { ...entry, status: "done", date: "2027-02-20" } : entry,
  ),
});
const failedOn = (snapshot: ApplicantSnapshot, date: string) => withScore(snapshot, "usmle_step3", 190, date);
const notStarted = (snapshot: ApplicantSnapshot): ApplicantSnapshot => ({
  ...snapshot,
  milestones: snapshot.milestones.map((entry) =>
    entry.key === "usmle_step3" ? { key: entry.key, status: "not_started" } : entry,
  ),
});

const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const message = (result: Plan, code: string) => result.risks.find((one) => one.code === code)?.message ?? "";
const applyByRungs = (result: Plan) =>
  result.reminders
    .filter((one) => one.milestone === "usmle_step3" && one.rung.startsWith("apply-by"))
    .map((one) => [one.rung, one.deadlineDetail?.local]);

describe("in Chicago, Step 3 failed on 3 Dec 2026, on 6 Dec: ranking on H-1B still in reach", () => {
  const result = planInOwnMatch(failedOn(CHICAGO, "2026-12-03"), "2026-12-06T12:00:00Z");

  it("is dated by the last sitting day for ranking, as a first sitting is", () => {
    expect(card(result)?.deadline?.local).toBe("Wed 27 Jan 2027");
  });

  it("is reminded to reapply to FSMB by Wed 6 Jan 2027, the first sitting's day to apply by", () => {
    const first = planInOwnMatch(notStarted(CHICAGO), "2026-12-06T12:00:00Z");
    expect(applyByRungs(result)).toEqual(applyByRungs(first));
    expect(applyByRungs(result)[0]).toEqual(["apply-by-in-14d", "Wed 6 Jan 2027"]);
    expect(message(result, "SCORE_BELOW_PASSING")).toContain(
      "reapply to FSMB by Wed 6 Jan 2027 and sit it again by Wed 27 Jan 2027",
    );
  });
});

describe("in Chicago, Step 3 failed on 12 Jan 2027, on 15 Jan: dated for the H-1B petition", () => {
  const result = planInOwnMatch(failedOn(CHICAGO, "2027-01-12"), "2027-01-15T12:00:00Z");

  it("card, risk and reminders give one day to reapply to FSMB by, Fri 26 Feb 2027, before Fri 19 Mar", () => {
    expect(card(result)?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(card(result)?.action).toContain("apply to FSMB by Fri 26 Feb 2027");
    expect(message(result, "SCORE_BELOW_PASSING")).toContain(
      "reapply to FSMB by Fri 26 Feb 2027 and sit it by Fri 19 Mar 2027",
    );
    expect(applyByRungs(result)).toContainEqual(["apply-by-in-1d", "Fri 26 Feb 2027"]);
  });
});

describe("in Chicago, list certified, Step 3 failed on 4 Mar 2027, on 6 Mar: the petition's day out of reach", () => {
  const result = planInOwnMatch(failedOn(ranked(CHICAGO), "2027-03-04"), "2027-03-06T12:00:00Z");

  it("the card says the day cannot be met and asks for no fee; no countdown to it", () => {
    expect(card(result)?.deadline).toBeUndefined();
    expect(card(result)?.action).toContain("is out of reach by this plan's allowances");
    expect(card(result)?.action).not.toMatch(/reapply now|sit Step 3 by/);
    const countdown = result.reminders.filter(
      (one) => one.milestone === "usmle_step3" && one.rung !== "critical-risk",
    );
    expect(countdown).toEqual([]);
  });

  it("the visa risk names it, and the failed score asks to pay for no retake before asking the program", () => {
    expect(message(result, "VISA_NOT_READY_FOR_START")).toContain("you could not sit it by Fri 19 Mar 2027");
    const failed = message(result, "SCORE_BELOW_PASSING");
    expect(failed).toContain("you could not sit it by Fri 19 Mar 2027");
    expect(failed).toContain("pay for no retake before you have asked the program");
    expect(failed).not.toContain("reapply to FSMB now");
  });

  it("the retake's fee is listed apart, owed only if the program files an H-1B petition, in no total", () => {
    const key = "usmle_step3_exam.retake";
    expect(result.budget.items.map((item) => item.key)).not.toContain(key);
    expect(result.budget.toVerify?.find((item) => item.key === key)?.verify).toMatch(
      /^If the program your Match places you with files an H-1B petition for you/,
    );
  });
});

describe("in Kolkata, Step 3 failed (sat on a US trip)", () => {
  it("failed on 3 Dec, on 6 Dec: the visitor visa and FSMB both by Mon 11 Jan 2027, in card and risk", () => {
    const result = planInOwnMatch(failedOn(abroad(CHICAGO), "2026-12-03"), "2026-12-06T12:00:00Z");
    expect(card(result)?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(card(result)?.action).toContain(
      "apply for the visitor visa and, beside it, to FSMB by Mon 11 Jan 2027",
    );
    expect(message(result, "SCORE_BELOW_PASSING")).toContain("reapply to FSMB by Mon 11 Jan 2027");
  });

  it("failed on 12 Jan, on 15 Jan: only a visitor visa already held reaches the petition's day", () => {
    const result = planInOwnMatch(failedOn(abroad(CHICAGO), "2027-01-12"), "2027-01-15T12:00:00Z");
    expect(card(result)?.action).not.toContain("as this plan advised");
    expect(card(result)?.action).toContain("Only if you already hold a B-1/B-2 visa");
    expect(message(result, "SCORE_BELOW_PASSING")).toContain(
      "with a visitor visa still to get you could not sit it by Fri 19 Mar 2027",
    );
  });

  it("list certified, failed on 4 Mar, on 6 Mar: out of reach even with a visa held, no fee asked", () => {
    const result = planInOwnMatch(failedOn(ranked(abroad(CHICAGO)), "2027-03-04"), "2027-03-06T12:00:00Z");
    expect(card(result)?.deadline).toBeUndefined();
    expect(card(result)?.action).toContain("even with a visitor visa already held");
    expect(message(result, "SCORE_BELOW_PASSING")).toContain(
      "pay for no retake before you have asked the program",
    );
  });
});
