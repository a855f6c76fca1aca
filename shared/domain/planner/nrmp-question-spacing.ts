import { DAY_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import type { TimedReminder } from "./reminders.ts";

/** How close after an NRMP question a later one folds into it (lead's ruling 3 on tester t9t F14; advice). */
const FOLD_MS = 3 * DAY_MS;

/**
 * The NRMP question ("Registered with NRMP?", nrmpRegistrationAsked) is not sent on consecutive
 * days (tester t9t F14, lead's ruling 3, session 25): a rung of nrmp_registration within 3 days
 * after an earlier one kept (the critical-risk notice counts, and is never dropped) folds into it,
 * removed from `reminders`; the weekly question follows. The deadline's own last 3 days keep their
 * rungs (the countdown to the late registration deadline). Dropping keeps every other id as it
 * was: deterministic. Only plans that ask the question get past the first check.
 */
export function spaceNrmpQuestion(context: PlanContext, reminders: TimedReminder[]): void {
  if (!nrmpRegistrationAsked(context)) return;
  const asked = reminders
    .filter((timed) => timed.reminder.milestone === "nrmp_registration")
    .sort((a, b) => a.sendAt - b.sendAt || (b.notice === true ? 1 : 0) - (a.notice === true ? 1 : 0));
  let last = Number.NEGATIVE_INFINITY;
  const folded = new Set<TimedReminder>();
  for (const timed of asked) {
    const countdown = timed.sendAt >= timed.deadline - FOLD_MS;
    if (timed.notice !== true && !countdown && timed.sendAt <= last + FOLD_MS) folded.add(timed);
    else last = timed.sendAt;
  }
  if (folded.size === 0) return;
  let kept = 0;
  for (const timed of reminders) if (!folded.has(timed)) reminders[kept++] = timed;
  reminders.length = kept;
}
