import { describe, expect, it } from "vitest";
import { type CatalogEntry, MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { passingScoreOn } from "#domain/planner/failed-score.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A failing score wins over the attempt's date. Kwame, Accra,
 * 2027 Match, every step done but Step 2 CK, failed with 205 (218 in force) on 20 Oct 2026 and
 * reported "in progress" with that date: the plan read the date as a sitting booked and asked "Did
 * you take it?" (SCHEDULED_DATE_PASSED, deadline column the rank order list deadline). The same input
 * without the date (the control) was right: a retake to book now, by the last sitting day.
 */
const DIR = new URL("../../fixtures/failed-exam-dated/", import.meta.url).pathname;
const NOW = "2026-12-04T17:00:00Z";
const planOf = (file: string, now = NOW): Plan => planInOwnMatch(readSnapshot(DIR, `${file}.json`), now);
const step = (result: Plan, key = "usmle_step2ck") => result.nextSteps.find((one) => one.milestone === key);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const ASKED = /Did you take it\?/;

describe("a failed attempt reported in progress with its date reads as a retake to book", () => {
  const dated = planOf("step2ck-failed-in-progress-attempt-dated");
  const undated = planOf("step2ck-failed-in-progress-undated");

  it("is urgent, in the retake's words, due by the last sitting day, with SCORE_BELOW_PASSING only", () => {
    const card = step(dated);
    expect(card?.urgency).toBe("urgent");
    expect(card?.action).toContain(
      "After a fail you must reapply to FSMB and pay the exam fee again before you can book",
    );
    expect(card?.action).not.toMatch(ASKED);
    expect(card?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(codes(dated)).toContain("SCORE_BELOW_PASSING");
    expect(codes(dated)).not.toContain("SCHEDULED_DATE_PASSED");
    expect(JSON.stringify(dated)).not.toMatch(ASKED);
  });

  it("is the very plan of the same input without the date (the control)", () => {
    expect(dated).toEqual(undated);
  });
});

describe("the rest of the kind: done with its date, and a booked retake whose day passed", () => {
  it("done with a failing score and its date: the same retake, urgent, never asked whether it was sat", () => {
    const done = planOf("step2ck-failed-done-dated");
    expect(step(done)?.urgency).toBe("urgent");
    expect(step(done)?.action).not.toMatch(ASKED);
    expect(step(done)?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(codes(done)).toContain("SCORE_BELOW_PASSING");
    expect(codes(done)).not.toContain("SCHEDULED_DATE_PASSED");
  });

  it("a booked retake (scheduled, the failing score of the attempt before) whose day passed: asked, as it should be", () => {
    // The retake's own result is not on record: "Your retake was scheduled for …, did you take it?" is right there.
    const passed = planOf("step2ck-failed-retake-booked", "2027-02-20T10:00:00Z");
    expect(step(passed)?.action).toContain("Your retake was scheduled for Wed 20 Jan 2027. Did you take it?");
    expect(codes(passed)).toContain("SCHEDULED_DATE_PASSED");
    expect(codes(passed)).not.toContain("SCORE_BELOW_PASSING");
  });
});

/**
 * Property-style, over the catalog's scored exams (`passingScores`: Step 2 CK, Step 3 and the OET;
 * Step 1 is pass/fail): a failing
 * score reported in progress, done or not started, with or without a past date, is a retake to book
 * now: urgent, never "Did you take it?", no SCHEDULED_DATE_PASSED, and the date changes nothing.
 */
describe("every scored exam, every unbooked status, with and without the attempt's date", () => {
  const SCORED = MILESTONE_CATALOG.filter((entry) => entry.passingScores !== undefined);
  const base = readSnapshot(DIR, "step2ck-failed-in-progress-undated.json");
  const ATTEMPT = "2026-10-20";
  const PASSED = { status: "done", date: "2026-03-01" } as const;
  const DONE = { status: "done", date: "2026-05-01" } as const;
  // An exam only some visas take (Step 3, H-1B) is planned on one of them, its prerequisites done (the
  // certificate) and the base's own failed Step 2 CK passed, so the exam itself is the one to retake.
  // A step done that needs the exam (the Pathway, the OET's) is left out: it would say the exam passed.
  const needsExam = (key: string, exam: string) =>
    MILESTONE_CATALOG.find((one) => one.key === key)?.prerequisites.some((one) => one.key === exam) === true;
  const withExam = (entry: CatalogEntry, exam: MilestoneEntry): ApplicantSnapshot => {
    const ready = entry.prerequisites.map((one): MilestoneEntry => ({ ...DONE, key: one.key }));
    const kept = base.milestones
      .filter((one) => one.key !== entry.key && !ready.some((done) => done.key === one.key))
      .filter((one) => !needsExam(one.key, entry.key))
      .map((one): MilestoneEntry => (one.score === undefined ? one : { ...PASSED, key: one.key }));
    const visa = entry.applies.visas?.[0] ?? base.applicant.visa;
    return { ...base, applicant: { ...base.applicant, visa }, milestones: [...kept, ...ready, exam] };
  };
  const planFor = (snapshot: ApplicantSnapshot) =>
    plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(NOW));

  it("has at least one scored exam to check", () => {
    expect(SCORED.length).toBeGreaterThan(0);
  });

  for (const entry of SCORED)
    for (const status of ["in_progress", "done", "not_started"] as const) {
      const failing = (passingScoreOn(entry, ATTEMPT)?.score ?? 0) - 1;
      it(`${entry.key} ${status} with ${failing}: a retake to book, dated or not`, () => {
        const undated = planFor(withExam(entry, { key: entry.key, status, score: failing }));
        const dated = planFor(withExam(entry, { key: entry.key, status, score: failing, date: ATTEMPT }));
        for (const result of [undated, dated]) {
          expect(step(result, entry.key)?.urgency).toBe("urgent");
          expect(JSON.stringify(result)).not.toMatch(ASKED);
          expect(codes(result)).toContain("SCORE_BELOW_PASSING");
          expect(codes(result)).not.toContain("SCHEDULED_DATE_PASSED");
        }
        expect(step(dated, entry.key)).toEqual(step(undated, entry.key));
        expect(dated.reminders).toEqual(undated.reminders);
      });
    }
});
