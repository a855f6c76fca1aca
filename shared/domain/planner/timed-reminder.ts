import type { Reminder } from "../plan.ts";
import type { TimedReminder } from "./reminders.ts";

/**
 * A TimedReminder, its flags given where they apply. One literal with every field, in one order,
 * rather than a literal per kind of reminder with only its own flags (or a flag added later): V8
 * gives objects of different fields different hidden classes, and the loops over a plan's
 * reminders (ordering, joinLateArrivals, the critical notices' place) then read them through
 * polymorphic look-ups (planner bench).
 */
export function timedReminder(
  sendAt: number,
  deadline: number,
  reminder: Reminder,
  late?: true,
  fixed?: true,
  notice?: true,
): TimedReminder {
  return { sendAt, deadline, reminder, late, fixed, notice, missedAt: undefined, ownDay: undefined };
}
