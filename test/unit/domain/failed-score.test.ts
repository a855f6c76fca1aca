import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A Step 2 CK reported done with a score below the passing score
 * in force on its date (facts.md: 218 for exams from 1 Jul 2025, 214 before, secondary) is not a
 * pass: the step reads as a retake, SCORE_BELOW_PASSING says why. A retake (a failing score on a
 * step not done) is planned with FSMB's permit and a seat after reapplying, never a first attempt's
 * study, so a December retake keeps the 2027 Match. Farhana's road, from the reported Dhaka input: every step
 * but the rank order list done, ERAS submitted and NRMP registered, on 4 Dec 2026.
 */
const NOW = new Date("2026-12-04T12:00:00+06:00");
const DONE: readonly MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2025-01-10"),
  milestoneFactory("ecfmg_application", "done", "2025-02-01"),
  milestoneFactory("usmle_step1", "done", "2025-09-20"),
  milestoneFactory("oet_medicine", "done", "2026-06-10"),
  milestoneFactory("ecfmg_pathway", "done", "2026-08-01"),
  milestoneFactory("eras_token", "done", "2026-06-20"),
  milestoneFactory("eras_application", "done", "2026-09-10"),
  milestoneFactory("nrmp_registration", "done", "2026-10-01"),
  milestoneFactory("lors", "done", "2026-08-20"),
  milestoneFactory("personal_statement", "done", "2026-08-20"),
  milestoneFactory("cv", "done", "2026-08-20"),
  milestoneFactory("program_list", "done", "2026-08-20"),
];

function farhana(step2ck: MilestoneEntry): Plan {
  const input = inputFactory({
    applicant: applicantFactory({
      timezone: "Asia/Dhaka",
      matchYear: 2027,
      visa: "J-1",
      graduation: "2024-07-15",
      programsPlanned: 90,
    }),
    milestones: [...DONE, step2ck],
  });
  return plan(input, seasonCalendar(2027), NOW);
}
const step2ck = (status: MilestoneStatus, score?: number, date?: string): MilestoneEntry => ({
  ...milestoneFactory("usmle_step2ck", status, date),
  ...(score === undefined ? {} : { score }),
});
const scoreRisks = (result: Plan) => result.risks.filter((risk) => risk.code === "SCORE_BELOW_PASSING");
const step = (result: Plan) => result.nextSteps.find((next) => next.milestone === "usmle_step2ck");
const waitsOnStep2ck = (result: Plan) =>
  result.blocked.find((blocked) => blocked.milestone === "ecfmg_certification")?.waitingFor ?? [];
const everyWord = (result: Plan) => JSON.stringify(result);

describe("a Step 2 CK reported done below the passing score is not a pass", () => {
  it("done with 209 on 20 Oct 2025 (218 in force): not done, a critical risk, the retake by the last sitting day", () => {
    const result = farhana(step2ck("done", 209, "2025-10-20"));
    const [risk, ...more] = scoreRisks(result);
    expect(more).toEqual([]);
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toEqual(["usmle_step2ck"]);
    expect(risk?.message).toContain(
      "You reported Step 2 CK done with a score of 209; the passing score for exams from 1 Jul 2025 is 218",
    );
    expect(risk?.message).toContain(
      "If you passed, correct the score; if not, reapply to FSMB now and sit it again by Wed 27 Jan 2027 (our advice)",
    );
    expect(risk?.sources).toContain("secondary: https://medvily.com/?p=296");
    // The step reads as not done: on the plan, and certification waits on it.
    expect(step(result)?.action).toContain(
      "After a fail you must reapply to FSMB and pay the exam fee again",
    );
    expect(waitsOnStep2ck(result)).toContain("usmle_step2ck");
    expect(everyWord(result)).not.toContain("Nothing we know of still holds back your certificate");
    expect(result.risks.map((one) => one.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("done with 212 on 1 May 2025 (214 in force then): not passed", () => {
    const result = farhana(step2ck("done", 212, "2025-05-01"));
    const [risk] = scoreRisks(result);
    expect(risk?.message).toContain(
      "with a score of 212; the passing score for exams before 1 Jul 2025 is 214",
    );
    expect(step(result)).toBeDefined();
    expect(waitsOnStep2ck(result)).toContain("usmle_step2ck");
  });

  it("done with 216 on 1 May 2025 (214 in force then): passed, the plan as without a score", () => {
    const result = farhana(step2ck("done", 216, "2025-05-01"));
    expect(scoreRisks(result)).toEqual([]);
    expect(step(result)).toBeUndefined();
    expect(result).toEqual(farhana(step2ck("done", undefined, "2025-05-01")));
  });

  it("done with 230: unchanged from the plan without a score", () => {
    expect(farhana(step2ck("done", 230, "2025-10-20"))).toEqual(
      farhana(step2ck("done", undefined, "2025-10-20")),
    );
  });

  it("done with a failing score and no date: judged on today's mark (218)", () => {
    const [risk] = scoreRisks(farhana(step2ck("done", 216)));
    expect(risk?.message).toContain("score of 216; the passing score for exams from 1 Jul 2025 is 218");
  });
});

describe("a retake after a failed attempt is not a first attempt", () => {
  it("not started without a score (a first attempt, the base): asked whether preparation has begun", () => {
    // A first attempt still counts its study, so a paid applicant is asked: the retake below is not.
    const risks = farhana(step2ck("not_started")).risks;
    const asked = risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(asked?.message).toContain("Have you started preparing for it?");
  });

  it.each(["not_started", "in_progress"] as const)(
    "%s with 209 in Dec 2026, ERAS and NRMP done: 2027 kept, no withdrawal advice, a seat by the last sitting day",
    (status) => {
      const result = farhana(step2ck(status, 209));
      const codes = result.risks.map((risk) => risk.code);
      expect(codes).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      // One failed attempt, one urgency whatever its status: was not.toContain.
      expect(codes).toContain("SCORE_BELOW_PASSING");
      expect(everyWord(result)).not.toMatch(/withdraw/i);
      expect(everyWord(result)).not.toContain("days of preparation");
      expect(step(result)?.action).toContain("You have prepared once, so no study period is counted");
      expect(step(result)?.action).toContain("Wed 27 Jan 2027");
    },
  );
});

describe("passing scores are catalog data, cited", () => {
  const marks = (key: string) =>
    MILESTONE_CATALOG.find((entry) => entry.key === key)?.passingScores?.map(
      ({ score, from, basis, source }) => ({ score, from, basis, source }),
    );

  it("Step 2 CK: 214 before 1 Jul 2025, 218 from it, secondary, from the fact sheet's source", () => {
    expect(marks("usmle_step2ck")).toEqual([
      { score: 214, from: undefined, basis: "secondary", source: "https://medvily.com/?p=296" },
      { score: 218, from: "2025-07-01", basis: "secondary", source: "https://medvily.com/?p=296" },
    ]);
  });

  it("Step 3: 190, 196 from 2016, 198 from 2020, 200 from 1 Jan 2024, each from a secondary page", () => {
    expect(marks("usmle_step3")?.map(({ score, from, basis }) => ({ score, from, basis }))).toEqual([
      { score: 190, from: undefined, basis: "secondary" },
      { score: 196, from: "2016-01-01", basis: "secondary" },
      { score: 198, from: "2020-01-01", basis: "secondary" },
      { score: 200, from: "2024-01-01", basis: "secondary" },
    ]);
  });

  it("Step 1 has none: pass/fail", () => {
    expect(marks("usmle_step1")).toBeUndefined();
  });
});
