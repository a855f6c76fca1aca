import type { Plan } from "#domain/plan.ts";
import { renderInZone } from "#domain/time.ts";

/**
 * Where a plan's reminder list stops, and why it is not the whole season. A plan lays the reminders
 * its answers call for now; the plan is made again as each reminder goes out (the reminder function
 * re-plans at every wake-up) and whenever an answer changes, and lays more then: the rest of
 * a hard deadline's countdown (while the step's target or the applicant's own date is ahead, only the
 * deadline's first rung is laid, the wake-up that brings the rest), and the reminders of a blocked step
 * once what it waits for is done. Saying so keeps a list that ends months before the Match from
 * reading as the whole season's.
 */
export interface RemindersEnd {
  /** The last reminder's send instant (ISO 8601, UTC); null when this plan lays none. */
  lastSendAt: string | null;
  /** The same in words, as the line under `npm run plan`'s REMINDERS table. */
  note: string;
}

const MORE_FOLLOW =
  "the plan is made again as each reminder goes out and when an answer changes, and lays more then: the rest of a hard deadline's countdown (only its first rung while the step's target or the applicant's own date is ahead) and a blocked step's reminders once what it waits for is done";

/** Where `result`'s reminders stop, the instant in the applicant's zone `timezone`. */
export function remindersEnd(result: Pick<Plan, "reminders">, timezone: string): RemindersEnd {
  let last: number | undefined;
  for (const reminder of result.reminders) {
    const at = Date.parse(reminder.sendAt);
    if (last === undefined || at > last) last = at;
  }
  if (last === undefined)
    return { lastSendAt: null, note: `this plan lays no reminders yet; ${MORE_FOLLOW}` };
  return {
    lastSendAt: new Date(last).toISOString(),
    note: `this plan's reminders end on ${renderInZone(timezone, last)} (your time); ${MORE_FOLLOW}`,
  };
}
