import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { FieldProblem } from "../field-problems.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { passingScoreOn } from "./failed-score.ts";
import { addSource } from "./risk-sources.ts";

/**
 * What the intake and the CLI say of a passing score on an exam still `scheduled` (tester t9z F12,
 * ruling 3, session 30): a typo, or an exam sat and reported in the wrong status. The planner's
 * warning for one already stored says the same (SCORE_ON_SCHEDULED_EXAM).
 */
export const SCORE_ON_SCHEDULED = "a score is reported once the exam is done; mark it done";

/**
 * Whether `entry` is a scheduled exam reported with a score at or above the passing score in force on
 * its date (else on `today`, an ISO date). A failing score on a scheduled exam is a booked retake
 * (failed-score.ts), and an exam with no passing score in the catalog is not judged. Pure.
 */
export function passingScoreOnScheduled(
  entry: Pick<MilestoneEntry, "key" | "status" | "date" | "score">,
  today: string,
): boolean {
  if (entry.status !== "scheduled" || entry.score === undefined) return false;
  const exam = MILESTONE_CATALOG.find((one) => one.key === entry.key);
  const mark = exam === undefined ? undefined : passingScoreOn(exam, entry.date ?? today);
  return mark !== undefined && entry.score >= mark.score;
}

/** passingScoreOnScheduled for each milestone of a submission, by its path (`milestones.<index>.score`). Pure. */
export function scheduledScoreProblems(
  milestones: readonly Pick<MilestoneEntry, "key" | "status" | "date" | "score">[],
  today: string,
): FieldProblem[] {
  return milestones.flatMap((entry, index) =>
    passingScoreOnScheduled(entry, today)
      ? [{ path: `milestones.${index}.score`, message: SCORE_ON_SCHEDULED }]
      : [],
  );
}

/** The catalog's exams scored against a passing score (as failed-score.ts reads them). */
const SCORED: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) => entry.passingScores !== undefined,
);

/**
 * SCORE_ON_SCHEDULED_EXAM (warning): a stored snapshot with a passing score on an exam only scheduled
 * (tester t9z F12, ruling 3, session 30; the intake and the CLI refuse a new one). The plan keeps the
 * exam scheduled, never reading it as passed, and asks the applicant to mark it done if they sat it,
 * so the score is not dropped in silence. A failing score there is a booked retake (failed-score.ts).
 */
export function scheduledScoreRisks(context: PlanContext): Risk[] {
  const risks: Risk[] = [];
  for (const exam of SCORED) {
    const given = context.entries.get(exam.key);
    if (given?.score === undefined || !passingScoreOnScheduled(given, localDate(context.zone, context.now)))
      continue;
    const on = given.date === undefined ? "" : ` booked for ${renderDate(given.date)}`;
    const sources: string[] = [];
    const mark = passingScoreOn(exam, given.date ?? localDate(context.zone, context.now));
    if (mark !== undefined)
      addSource(sources, mark.basis === "secondary" ? `secondary: ${mark.source}` : mark.source);
    risks.push({
      code: "SCORE_ON_SCHEDULED_EXAM",
      severity: "warning",
      message: `You reported a score of ${given.score} for ${exam.advisorName}${on}, but a score is reported once the exam is done. If you sat it, mark it done with the day you sat it; if not, remove the score. Until then your plan keeps it booked and does not count it as passed.`,
      milestones: [exam.key],
      sources,
    });
  }
  return risks;
}
