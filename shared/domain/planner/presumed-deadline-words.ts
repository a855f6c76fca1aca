import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { dayBy, dayByPassed } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";

/**
 * How the question names a presumed step and what to do by its deadline if it is not done: the
 * Pathway is asked about as the application the applicant submits, an
 * exam as the sitting (its due date is the last sitting day), an ERAS document as what goes in.
 */
const QUESTIONS: Partial<Record<MilestoneKey, { name?: string; ask: string }>> = {
  ecfmg_application: { ask: "if you have not submitted it, do it by" },
  usmle_step1: { ask: "if you have not taken it, sit it by" },
  usmle_step2ck: { ask: "if you have not taken it, sit it by" },
  oet_medicine: { ask: "if you have not taken it, sit it by" },
  ecfmg_pathway: { name: "ECFMG Pathway application", ask: "if you have not submitted it, do it by" },
  lors: { ask: "if they are not uploaded, have them uploaded by" },
  eras_token: { ask: "if you have not got it, get it by" },
  eras_application: { ask: "if you have not submitted it, do it by" },
};

const DEFAULT_ASK = "if it is not ready, finish it by";

/**
 * The presumed steps (catalog indices, `presumed`) whose own hard deadline (`dates.dueAt`, for the
 * Match the plan's steps are laid for) is still ahead, each named with that day as a question:
 * "ECFMG Pathway application: if you have not
 * submitted it, do it by Sat 26 Dec 2026 (projected)", joined by "; ". The day is dayBy's (the
 * earlier of the applicant's and the ET day), marked "(projected)" when the date is. A presumed step
 * is never called "not submitted": the applicant never said. Empty when no deadline is ahead.
 */
export function presumedDeadlineQuestions(
  context: PlanContext,
  dates: PlanDates,
  presumed: readonly number[],
): string {
  const questions: string[] = [];
  for (const index of presumed) {
    const due = dates.dueAt(index);
    if (due === null || dayByPassed(context, due.at)) continue;
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    const question = QUESTIONS[entry.key];
    const mark = basisMark(due);
    questions.push(
      `${question?.name ?? entry.advisorName}: ${question?.ask ?? DEFAULT_ASK} ${dayBy(context, due.at)}${mark}`,
    );
  }
  return questions.join("; ");
}
