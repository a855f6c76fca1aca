import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { FieldProblem } from "../field-problems.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { passingScoreOn } from "./failed-score.ts";
import { addSource } from "./risk-sources.ts";

/**
 * What the intake and the CLI say of a passing score on an exam not yet done (`scheduled`, `in_progress`
 * or `not_started`): a typo, or an exam sat
 * and reported in the wrong status. The planner's warning for one already stored says the same
 * (SCORE_ON_SCHEDULED_EXAM).
 */
export const SCORE_BEFORE_DONE = "a score is reported once the exam is done; mark it done";

/**
 * What the intake and the CLI say of a failing score on an exam `in_progress` with a date after today:
 * that date cannot be the failed attempt's, so it is a booked retake, which the planner would otherwise
 * read as the failed attempt's day and drop (failed-score.ts, retakeEntry). Said at the status.
 */
export const RETAKE_BOOKED_IN_PROGRESS =
  "a retake you have booked is reported as scheduled, with its date; the failed attempt's score stays";

/** The statuses of an exam not yet sat and reported: a score there is not a result. */
const NOT_DONE: ReadonlySet<MilestoneEntry["status"]> = new Set(["scheduled", "in_progress", "not_started"]);

type Scored = Pick<MilestoneEntry, "key" | "status" | "date" | "score">;

/** The passing score in force for `entry`'s score: on its date, else on `today` (an ISO date). */
function markFor(entry: Scored, today: string) {
  const exam = MILESTONE_CATALOG.find((one) => one.key === entry.key);
  return exam === undefined ? undefined : passingScoreOn(exam, entry.date ?? today);
}

/**
 * Whether `entry` is an exam not yet done (scheduled, in progress or not started) reported with a score
 * at or above the passing score in force on its date (else on `today`, an ISO date). A failing score
 * there is a retake (failed-score.ts), and an exam with no passing score in the catalog is not judged. Pure.
 */
export function passingScoreBeforeDone(entry: Scored, today: string): boolean {
  if (!NOT_DONE.has(entry.status) || entry.score === undefined) return false;
  const mark = markFor(entry, today);
  return mark !== undefined && entry.score >= mark.score;
}

/** Whether `entry` is a failing score `in_progress` dated after `today` (an ISO date): a booked retake. Pure. */
export function retakeBookedInProgress(entry: Scored, today: string): boolean {
  if (entry.status !== "in_progress" || entry.score === undefined) return false;
  if (entry.date === undefined || entry.date <= today) return false;
  const mark = markFor(entry, today);
  return mark !== undefined && entry.score < mark.score;
}

/**
 * The score-against-status problems of a submission, by path: a passing score on an exam not yet done
 * (`milestones.<index>.score`), a booked retake reported in progress (`milestones.<index>.status`). Pure.
 */
export function scoreStatusProblems(milestones: readonly Scored[], today: string): FieldProblem[] {
  return milestones.flatMap((entry, index) => {
    if (passingScoreBeforeDone(entry, today))
      return [{ path: `milestones.${index}.score`, message: SCORE_BEFORE_DONE }];
    if (retakeBookedInProgress(entry, today))
      return [{ path: `milestones.${index}.status`, message: RETAKE_BOOKED_IN_PROGRESS }];
    return [];
  });
}

/** The catalog's exams scored against a passing score (as failed-score.ts reads them). */
const SCORED: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) => entry.passingScores !== undefined,
);

/** How the warning names the status the exam is kept in, and the date reported with it. */
function asReported(given: MilestoneEntry): { on: string; kept: string } {
  const date = given.date === undefined ? undefined : renderDate(given.date);
  if (given.status === "scheduled")
    return { on: date === undefined ? "" : ` booked for ${date}`, kept: "keeps it booked" };
  if (given.status === "in_progress")
    return {
      on: ` marked in progress${date === undefined ? "" : ` on ${date}`}`,
      kept: "keeps it in progress",
    };
  return { on: " marked not started", kept: "keeps it to do" };
}

/**
 * SCORE_ON_SCHEDULED_EXAM (warning): a stored snapshot with a passing score on an exam not yet done
 * (scheduled, in progress or not started; the intake and the CLI
 * refuse a new one). The plan keeps the exam as reported, never reading it as passed, and asks the
 * applicant to mark it done if they sat it, so the score is not dropped in silence. A failing score
 * there is a retake (failed-score.ts). The code keeps its first name: codes are never renamed.
 */
export function scheduledScoreRisks(context: PlanContext): Risk[] {
  const risks: Risk[] = [];
  for (const exam of SCORED) {
    const given = context.entries.get(exam.key);
    const today = localDate(context.zone, context.now);
    if (given?.score === undefined || !passingScoreBeforeDone(given, today)) continue;
    const { on, kept } = asReported(given);
    const sources: string[] = [];
    const mark = passingScoreOn(exam, given.date ?? today);
    if (mark !== undefined)
      addSource(sources, mark.basis === "secondary" ? `secondary: ${mark.source}` : mark.source);
    risks.push({
      code: "SCORE_ON_SCHEDULED_EXAM",
      severity: "warning",
      message: `You reported a score of ${given.score} for ${exam.advisorName}${on}, but a score is reported once the exam is done. If you sat it, mark it done with the day you sat it; if not, remove the score. Until then your plan ${kept} and does not count it as passed.`,
      milestones: [exam.key],
      sources,
    });
  }
  return risks;
}
