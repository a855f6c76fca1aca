import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { forPeople } from "./for-people.ts";
import type { Item } from "./reminder-items.ts";
import { TOP_STEPS } from "./reminder-sections.ts";
import { sayOnce, whyAndNext } from "./why-and-next.ts";

/** A bullet under "Your next steps": its step, and what of the step's action the items above do not say. */
export interface StepBelow {
  step: NextStep;
  /** The step's action less the sentences an item above already says (sayOnce); "" when they say all of it. */
  action: string;
}

/**
 * The next steps listed under "Your next steps", less a step an item above already says in full
 * (saidAbove), or an interview's its own reminder above shows (interviewSaidAbove). A bullet that stays keeps
 * its title and dates but says each sentence of its action once in the email: one an item above
 * says (the step's own item beside a date of its own, or another step's item giving the same
 * advice) goes, and a bullet left with no sentence points to the item above (stepLine).
 */
export function stepsBelow(plan: Plan, items: readonly Item[], zone: string): StepBelow[] {
  const said = items.map(shownWords).join(" ");
  return listedInReadingOrder(plan, zone)
    .filter((step) =>
      step.interviewId !== undefined
        ? !items.some((item) => interviewSaidAbove(item, step))
        : !items.some((item) => item.milestone === step.milestone && saidAbove(item, step, plan)),
    )
    .slice(0, TOP_STEPS)
    .map((step) => ({
      step,
      action: step.interviewId === undefined ? sayOnce(forPeople(step.action), said) : step.action,
    }));
}

/** What an item shows of its why and its next step (whyAndNext), as one paragraph. */
function shownWords(item: Item): string {
  const { why, action } = whyAndNext(item);
  return [why, action].filter((words) => words !== undefined).join(" ");
}

/**
 * Whether an item above is the interview's own reminder, showing its title and its action (start
 * time in both zones, what to prepare): its bullet would repeat it word for word. Another interview,
 * or the same program's thank-you note, has another title and stays.
 */
function interviewSaidAbove(item: Item, step: NextStep): boolean {
  return item.title === step.title && item.action === forPeople(step.action);
}

/**
 * Whether an item of the step already says what the step's bullet would: an item counting down to
 * the applicant's own date says the step, its day and its deadline (the exam the email led with
 * came again, without its buttons, as the first bullet); any other item, when it shows the step's
 * action and names the instant of every date the bullet gives (Match Week's Monday question, whose
 * bullet would say its action again under the same deadline). A bullet that adds something stays:
 * a target or a deadline the item does not name, a passed early deadline, the Match a date is for,
 * a result pending (stepBadge).
 */
function saidAbove(item: Item, step: NextStep, plan: Plan): boolean {
  if (item.ownDate) return true;
  if (item.action !== forPeople(step.action) || step.deadline === undefined) return false;
  if (step.missedDeadline !== undefined || step.matchYears !== undefined) return false;
  if (stepBadge(step, plan.now, plan.risks) !== step.urgency) return false;
  const { target } = step;
  const ahead = target !== undefined && Date.parse(target.at) > Date.parse(plan.now) ? [target] : [];
  const said = new Set(item.datesSaid.map((at) => Date.parse(at)));
  return [step.deadline, ...ahead].every((date) => said.has(Date.parse(date.at)));
}
