import { DAY_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import type { TimedReminder } from "./reminders.ts";
import { sentAt } from "./sent-reminders.ts";

/** How close after an NRMP question a later one folds into it (advice). */
const FOLD_MS = 3 * DAY_MS;

/**
 * The NRMP question ("Registered with NRMP?", nrmpRegistrationAsked) is not sent on consecutive
 * days: a rung of nrmp_registration within 3 days
 * after an earlier one kept (the critical-risk notice counts, and is never dropped) folds into it,
 * removed from `reminders`; the weekly question follows. The deadline's own last 3 days keep their
 * rungs (the countdown to the late registration deadline). Dropping keeps every other id as it
 * was: deterministic. Only plans that ask the question get past the first check.
 * A question the caller's ledger marks sent (sentAt) counts from when it went out and is never
 * folded itself: a missed rung is re-timed to each re-plan's next slot and the notice laid at its
 * now, so counted there, a question sent days ago folded the rung a later wake-up woke for.
 */
export function spaceNrmpQuestion(context: PlanContext, reminders: TimedReminder[]): void {
  if (!nrmpRegistrationAsked(context)) return;
  const asked: Asked[] = [];
  for (const timed of reminders) {
    if (timed.reminder.milestone !== "nrmp_registration") continue;
    const sent = sentAt(context, timed.reminder.id);
    asked.push({ timed, at: sent ?? timed.sendAt, sent: sent !== undefined });
  }
  // By `at`, a notice first on a tie, stable: an insertion sort (Array#sort with a comparator was about
  // a third of this function on the planner bench, for about 15 questions; same order, as both are stable).
  for (let index = 1; index < asked.length; index++) {
    const item = asked[index] as Asked;
    let at = index - 1;
    while (at >= 0 && comesAfter(asked[at] as Asked, item)) {
      asked[at + 1] = asked[at] as Asked;
      at--;
    }
    asked[at + 1] = item;
  }
  let last = Number.NEGATIVE_INFINITY;
  let folded: Set<TimedReminder> | undefined; // made for the first fold: most plans fold none
  for (const { timed, at, sent } of asked) {
    const countdown = timed.sendAt >= timed.deadline - FOLD_MS;
    if (!sent && timed.notice !== true && !countdown && at <= last + FOLD_MS) {
      folded ??= new Set();
      folded.add(timed);
    } else last = at; // in order of `at`
  }
  if (folded === undefined) return;
  let kept = 0;
  for (const timed of reminders) if (!folded.has(timed)) reminders[kept++] = timed;
  reminders.length = kept;
}

interface Asked {
  timed: TimedReminder;
  at: number;
  sent: boolean;
}

/** Whether `left` goes after `right`: later, or at once with `right` a notice and `left` not. */
function comesAfter(left: Asked, right: Asked): boolean {
  return (
    (left.at - right.at || (right.timed.notice === true ? 1 : 0) - (left.timed.notice === true ? 1 : 0)) > 0
  );
}
