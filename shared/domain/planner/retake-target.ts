import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { sittingDueWords } from "./last-sitting-day.ts";
import { retakeTargetWords } from "./retake-target-words.ts";
import { fill } from "./step-text.ts";

/**
 * The card of a retake not booked (a failed result reported done, in progress or not started: read as
 * in progress, failed-score.ts) while its target is ahead: the catalog's `statusActions.retakeTarget`, the
 * target first and the last sitting day ({due}) as the last day that still counts. Null otherwise: the
 * retake's own words (`retake`, the last sitting day) stand.
 */
export function retakeTargetAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  target: DueDate | null,
  dates: PlanDates,
  due: DueDate | null,
): string | null {
  const text = entry.statusActions?.retakeTarget;
  if (
    text === undefined ||
    status !== "in_progress" ||
    due === null ||
    !context.failedScores.some((failed) => failed.key === entry.key)
  )
    return null;
  const words = retakeTargetWords(context, entry, target, dates);
  if (words === null) return null;
  const year = String(dates.calendar.matchYear);
  return fill(
    context,
    text
      .replace("{target}", () => words.target)
      .replace("{review}", () => words.review)
      .replace("{year}", () => year),
    entry,
    context.entries.get(entry.key),
    due,
  );
}

/**
 * A booked retake's card in every status says it is the retake:
 * "Your retake is on …" when it is booked too late, "Your retake was on …" once its day has passed,
 * as `scheduledRetake` says it on time. `text` unchanged for a step that is no retake.
 */
export function retakeNamed(context: PlanContext, entry: CatalogEntry, text: string): string {
  // Most applicants have no failed score: asked first, since startsWith flattens a text built by
  // concatenation (a copy the plan's later concatenations make again; about 1 % of the bench).
  if (context.failedScores.length === 0 || !text.startsWith(YOUR_EXAM)) return text;
  if (!context.failedScores.some((failed) => failed.key === entry.key)) return text;
  return `Your retake ${text.slice(YOUR_EXAM.length)}`;
}
const YOUR_EXAM = "Your exam ";

/**
 * The follow-ups of a retake whose target has passed: the retake's words, not the first attempt's "your
 * target date has passed", at the same cadence to the last sitting day, `due`; SCORE_BELOW_PASSING's critical
 * notice is the first message, so the caller sends no target-passed notice. Null for a step that is no
 * retake.
 */
export function retakeFollowUpTexts(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate,
): { title: string; why: string } | null {
  if (context.failedScores.length === 0) return null;
  if (!context.failedScores.some((failed) => failed.key === entry.key)) return null;
  const projected = basisMark(due);
  return {
    title: `${entry.title}: book your retake`,
    why: `Your last result was below the passing score, and the day that got a pass to programs before they start review has passed. Book your retake with FSMB now and sit it ${sittingDueWords(context, due)}${projected}, the last day that still counts for the ${context.calendar.matchYear} Match; tell us the date once it is booked.`,
  };
}
