import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { localDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { passingScoreOn } from "./failed-score.ts";

const OET = indexedStep("oet_medicine");
const OET_ENTRY = catalogEntry("oet_medicine");
const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * OET_SUB_TESTS_UNCLEAR (warning): the OET reported done with one score at or above the lowest
 * sub-test minimum in force on its day (Writing's, the catalog's `passingScores`) but below the one
 * the other sub-tests need (`others`), while the Pathway it supports still needs ECFMG's acceptance.
 * One number cannot tell which sub-test it is, so the plan keeps the OET as passed (no guess, nothing
 * blocked) and asks the applicant to check each sub-test, with the last sitting day for a retake.
 */
export function oetSubTestsUnclearRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const oet = context.entries.at(OET.index);
  if (oet?.score === undefined || oet.status !== "done" || context.applicable[OET.index] !== true) return [];
  if (isFinished(statusAt(context, PATHWAY.index))) return [];
  const mark = passingScoreOn(OET_ENTRY, oet.date ?? localDate(context.zone, context.now));
  if (mark?.others === undefined || oet.score < mark.score || oet.score >= mark.others) return [];
  const due = dates.due(OET.key);
  const retake =
    due === null || due.at <= context.now
      ? "all four must be taken again: tell your advisor now"
      : `all four must be taken again, in a sitting by ${dueDay(context, due)}${basisMark(due)} for this Match's Pathway: tell us and book it`;
  return [
    {
      code: "OET_SUB_TESTS_UNCLEAR",
      severity: "warning",
      message: `You reported one OET Medicine score, ${oet.score}: it meets the Writing minimum, ${mark.score}, but not the ${mark.others} Listening, Reading and Speaking each need, and one number cannot tell which sub-test it is. Check each sub-test on your OET results. ${OET_ENTRY.why.text} If all four reached them, nothing changes; if any fell short, ${retake}.`,
      milestones: [OET.key],
      sources: [mark.source],
    },
  ];
}
