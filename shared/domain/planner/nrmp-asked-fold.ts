import type { PlanContext } from "./context.ts";
import { mayCarry } from "./notice-carrier.ts";
import { nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * For an interviewing applicant asked about NRMP registration (nrmpRegistrationAsked), an NRMP
 * reminder that goes out at the same instant as a rank order list reminder is folded into it:
 * one email, the rank list's, its `why` ending "Also: Registered with
 * NRMP? If not, register in R3 now. …", as a second critical notice on a step is joined (README),
 * when the rank list's reminder is due no later than the NRMP one (mayCarry: else on the early
 * deadline's day the question would ride under a certificate check due in February); otherwise
 * both stay, each its own item.
 * The rank list's reminder keeps its id and carries the NRMP one (Reminder.folded), dropped from
 * the list: the caller marks it sent with the rank list's. In place; for any other plan one
 * map look-up (no NRMP entry reported) or nothing.
 */
export function foldNrmpAskedIntoRankList(context: PlanContext, reminders: TimedReminder[]): void {
  if (!nrmpRegistrationAsked(context)) return;
  // Made at the first fold, and no closure per NRMP reminder: most plans that ask fold none, and
  // both were garbage on each of their plans (heap sampling, fresh plans).
  let dropped: Set<TimedReminder> | undefined;
  for (let index = 0; index < reminders.length; index++) {
    const each = reminders[index] as TimedReminder;
    if (each.reminder.milestone !== "nrmp_registration") continue;
    const at = rankListCarrier(reminders, each);
    if (at === -1) continue;
    const into = reminders[at] as TimedReminder;
    const why = `${into.reminder.why} Also: ${each.reminder.title}. ${each.reminder.why}`;
    // Carried, so the question is claimed and marked sent with the email that said it: unmarked, it
    // came back re-timed as a missed rung and its spacing swallowed the next one.
    const folded = [...(into.reminder.folded ?? []), each.reminder];
    const reminder = reminderWith(into.reminder, { why, folded });
    reminders[at] = timedReminder(into.sendAt, into.deadline, reminder, into.late, into.fixed, into.notice);
    dropped ??= new Set();
    dropped.add(each);
  }
  if (dropped === undefined) return;
  let kept = 0;
  for (const each of reminders) if (!dropped.has(each)) reminders[kept++] = each;
  reminders.length = kept;
}

/** The first rank order list reminder sent with `each` that may carry it (mayCarry), else -1. */
function rankListCarrier(reminders: readonly TimedReminder[], each: TimedReminder): number {
  for (let index = 0; index < reminders.length; index++) {
    const other = reminders[index] as TimedReminder;
    if (
      other.reminder.milestone === "rank_order_list" &&
      other.sendAt === each.sendAt &&
      mayCarry(other.deadline, each.deadline)
    )
      return index;
  }
  return -1;
}
