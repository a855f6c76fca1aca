import { actionsFor } from "./applicant-choices.ts";
import type { BlockedStep, Plan, Reminder } from "./plan.ts";
import { PETITION_ROUTE_RUNG } from "./planner/h1b-in-us.ts";
import { INTERVIEW_ASKED_RUNG } from "./planner/visa-interview-asked.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";
import type { StepAction } from "./step-actions.ts";

/**
 * The one-tap actions a step offers while it waits for another (the timeline's "Waiting on
 * something"): none, but for the H-1B visa stamping's "Not for me" where actionsFor offers it (a US
 * zone: a change of status is an in-US route). The program chooses change of status or consular
 * notification on the petition itself, so the answer can come while the petition is pending, and the
 * plan drops the stamping step and its reminders on it at once. Every other waiting step stays
 * without buttons: its prerequisites are not done. Pure.
 */
export function actionsWhileWaiting(
  step: Pick<BlockedStep, "milestone">,
  plan: Plan,
  zone: string,
  recorded: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
): StepAction[] {
  if (step.milestone !== "visa_h1b_stamping") return [];
  return actionsFor(step, plan, zone, recorded).filter((action) => action === "waive");
}

/**
 * The waiting step whose action answers a reminder riding on another step's card: the route
 * question on the H-1B petition's card is answered by the stamping's Not for me (a change of
 * status), so its email item offers that (actionsWhileWaiting) rather than the petition's Done,
 * which would mark the petition approved. Undefined for every other reminder.
 */
export function answeredOn(reminder: Pick<Reminder, "rung">): MilestoneKey | undefined {
  return reminder.rung === PETITION_ROUTE_RUNG ? "visa_h1b_stamping" : undefined;
}

/**
 * Whether a reminder asks only for the day a step was booked ("have you booked your interview? Tell
 * us the date": the visa interview's check): its item offers Scheduled for… (and Snooze), never the
 * step's Done, which on a visa step records the visa issued (answerOnly). Pure.
 */
export function asksBookedDate(reminder: Pick<Reminder, "rung">): boolean {
  return reminder.rung === INTERVIEW_ASKED_RUNG;
}

/** The actions that answer a question asking for a booked day (asksBookedDate): all but Done. */
export function bookedDateAnswers(actions: readonly StepAction[]): StepAction[] {
  return actions.filter((action) => action !== "done");
}

/** A one-tap action on another step than the card it is offered on. */
export interface ActionElsewhere {
  milestone: MilestoneKey;
  action: StepAction;
}

/**
 * The answers a step's card offers on other steps, after its own actions: Match Week's card asks
 * "matched or not?", and its own Done answers only "matched", so it also offers SOAP's "start"
 * ("Not matched: I'm in SOAP") where actionsFor offers it, and the plan turns to SOAP at once.
 * None on any other card. Pure.
 */
export function answersBeside(
  step: Pick<BlockedStep, "milestone">,
  plan: Plan,
  zone: string,
  recorded: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
): ActionElsewhere[] {
  if (step.milestone !== "match_week") return [];
  return actionsFor({ milestone: "soap" }, plan, zone, recorded)
    .filter((action) => action === "start")
    .map((action) => ({ milestone: "soap", action }));
}

/**
 * MATCH_WEEK_SOAP_CONFLICT over an accepted SOAP offer (Match Week done beside SOAP done): SOAP,
 * done, is no card, so the conflict's notice (laid on SOAP) and the timeline's risk offer SOAP's two
 * answers as the ways out, where actionsFor offers them: “I accepted a SOAP offer” (did not match:
 * it records Match Week not started, conflictWayOut) and “Not for me” (matched). None otherwise:
 * beside SOAP in progress, SOAP's own card offers its way out. Pure.
 */
export function conflictWayOutActions(
  plan: Plan,
  zone: string,
  recorded: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
): StepAction[] {
  if (!plan.risks.some((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT")) return [];
  const soap = recorded.find((entry) => entry.key === "soap")?.status;
  const matched = recorded.some((entry) => entry.key === "match_week" && entry.status === "done");
  if (soap !== "done" || !matched) return [];
  return actionsFor({ milestone: "soap" }, plan, zone, recorded).filter(
    (action) => action === "done" || action === "waive",
  );
}
