import type { Reminder } from "#domain/plan.ts";

const NONE: readonly Reminder[] = [];

/**
 * The reminders `reminders` carry (Reminder.folded: the NRMP question whose words ride in the rank
 * list's reminder of the same slot) that are neither in `sent` nor in `reminders`
 * themselves, each once. The caller claims them and marks them sent with the email that said them,
 * as it does an item's alsoFor: left unmarked, the question would come back at a later wake-up as a
 * missed rung re-timed to it, be folded again into the rank list's (already sent) reminder, and its
 * spacing would swallow the next NRMP question. Pure; most emails carry
 * none (one property read per reminder).
 */
export function carriedBy(reminders: readonly Reminder[], sent: ReadonlySet<string>): readonly Reminder[] {
  let carried: Reminder[] | undefined;
  for (const reminder of reminders) {
    if (reminder.folded === undefined) continue;
    for (const each of reminder.folded) {
      if (sent.has(each.id) || reminders.some((other) => other.id === each.id)) continue;
      if (carried?.some((other) => other.id === each.id)) continue;
      carried ??= [];
      carried.push(each);
    }
  }
  return carried ?? NONE;
}
