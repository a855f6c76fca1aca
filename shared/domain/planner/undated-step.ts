import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { nothingOutstanding } from "./earliest-certification.ts";
import { matchOverUnreported } from "./match-day-risk.ts";
import { pathwayAwaitsAnswer } from "./pathway-answer-words.ts";
import { pathwayAnswerAfterMatchDay } from "./pathway-review.ts";

/**
 * Whether a step's card asks a question instead of setting a date, so it is shown with no due date
 * (never overdue, ordered with the steps that have none):
 * - the certificate with nothing outstanding, once the Match is over with its result never told:
 *   whose orientation it is needed for depends on that result (the next season's
 *   orientation date and its reminders; CERTIFICATION_AFTER_START asks instead);
 * - the Pathway whose answer is asked after the rank order list deadline (pathwayAwaitsAnswer): it
 *   went in before its deadline on the benefit of the doubt, and what is left is ECFMG's answer, so
 *   after Match Day it reads after "tell us where you matched";
 * - the Pathway submitted in time, dated, beside a certified list, once Match Day has come with its
 *   result untold (pathwayAnswerAfterMatchDay, it led as overdue above Match Day).
 */
export function undatedStep(context: PlanContext, entry: CatalogEntry, stepDates: PlanDates): boolean {
  if (entry.key === "ecfmg_certification") return matchOverUnreported(context) && nothingOutstanding(context);
  // Dated for a later Match (the plan moved on), the step keeps that Match's Pathway deadline.
  return (
    entry.key === "ecfmg_pathway" &&
    stepDates.calendar === context.calendar &&
    (pathwayAwaitsAnswer(context) || pathwayAnswerAfterMatchDay(context, entry, stepDates.calendar))
  );
}
