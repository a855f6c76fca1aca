import { catalogEntry } from "./catalog/index.ts";
import type { Plan, StepSubject } from "./plan.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";

/**
 * Whether a step whose day the applicant books can be booked now: not while a prerequisite it may
 * begin before is pending (NextStep.prerequisitePending: Step 1 and Step 2 CK before ECFMG approves
 * the Application for Certification, which FSMB registration needs), as its card then says. A
 * "Scheduled for…" then could not be true, so none is offered (actionsFor).
 */
export function bookableNow(milestone: StepSubject, plan: Plan): boolean {
  return !plan.nextSteps.some(
    (listed) => listed.milestone === milestone && listed.prerequisitePending === true,
  );
}

/**
 * The day the applicant booked for a step whose day they book (catalog `stepActions` with
 * "schedule": the USMLE and OET sittings, the visa interviews), scheduled or under way with its day,
 * while it is still after `today` (the applicant's local
 * "YYYY-MM-DD"). Done before the sitting cannot be a pass (a Done weeks
 * before Step 2 CK was stored as passed that day), so an action link records none and offers
 * Scheduled for… in case the day moved. Undefined with no day booked, or once that day has come.
 */
export function bookedDayAhead(
  milestone: MilestoneKey,
  recorded: Pick<MilestoneEntry, "status" | "date"> | undefined,
  today: string,
): string | undefined {
  if (!catalogEntry(milestone).stepActions.includes("schedule")) return undefined;
  // Under way with its day given is booked too, as the planner reads it (fees-paid.ts feeStatusOf).
  const booked = recorded?.status === "scheduled" || recorded?.status === "in_progress";
  if (!booked || recorded?.date === undefined) return undefined;
  const day = recorded.date.slice(0, 10);
  return day > today ? day : undefined;
}
