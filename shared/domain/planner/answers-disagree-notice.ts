import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { stillOverridden } from "./answers-disagree-words.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { QUESTION_NAMES } from "./step-question-names.ts";

/**
 * DONE_DATES_OUT_OF_ORDER's notice (warning-risk-notice.ts), only where an answer "not done" is
 * counted done beside a later step reported done (answers-overridden.ts): that answer silences its
 * whole chain (no step, reminder or fee for it), so an applicant who reads only the emails would
 * never see the question. Sent once, at the next delivery slot. It is a question about the
 * applicant's own answers, with no deadline of its own (isUndatedNotice): the residency start only
 * retires it. It sits on the card of the step answered not done, whose Done is one answer to it.
 */
export const ANSWERS_DISAGREE_NOTICE = {
  title: (context: PlanContext): string => {
    const step = firstOverridden(context);
    const name = step === undefined ? "a step" : (QUESTION_NAMES[step] as string);
    return `Your answers disagree: is ${name} done? Until you tell us, your plan counts it done`;
  },
  asks: (context: PlanContext): boolean => firstOverridden(context) !== undefined,
  on: {
    card: (context: PlanContext): MilestoneKey | undefined => {
      const step = firstOverridden(context);
      return step === undefined ? undefined : MILESTONE_CATALOG[step]?.key;
    },
  },
  dueBy: (dates: PlanDates): DueDate => residencyStartDue(dates.calendar),
  againDaysBefore: null,
} as const;

/** The catalog index of the first answer still counted done against what it says (undefined: none). */
function firstOverridden(context: PlanContext): number | undefined {
  for (const each of context.answersOverridden ?? []) if (stillOverridden(context, each)) return each.step;
  return undefined;
}
