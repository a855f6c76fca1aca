import { SCHOOL_CHECK } from "../catalog/index.ts";
import type { Reminder } from "../plan.ts";
import { isRiskNoticeRung, OUT_OF_REACH_RUNG } from "./critical-notice-id.ts";
import { mayCarry } from "./notice-carrier.ts";
import { reminderWith } from "./reminder-record.ts";

/** A reminder kept for an email, with the reminders of the same step it stands for. */
export interface StepReminders {
  reminder: Reminder;
  alsoFor: Reminder[];
}

const isNotice = (reminder: Reminder) => isRiskNoticeRung(reminder.rung);

/**
 * One email's reminders, one per step (a milestone, or one interview), in the order given (the
 * email's reading order, most urgent first). A step with its own date or a target beside a deadline
 * has two ladders; when rungs of both are due in one email, the first in that order speaks for the
 * step (the Pathway came twice, "Your date" and "Due", in one email), except
 * that a risk's notice (critical, or a warning's that opted in) is never the one left out (its words say why the step is critical):
 * a second notice on the same step adds its title and words to the first's `why` when the first
 * is due no later (mayCarry), else it is an item of its own. The one exception: the out-of-reach
 * notice riding the WDOMS check (only while the sponsor note is unknown: with no note that notice is
 * not sent, with one the check is done) follows the check's own rung, after "Also:", since the
 * look-up decides whether any Match can be planned and the Match year's change waits on it.
 * The others are kept in `alsoFor`: every one is still claimed and marked sent by the caller, so
 * none comes again later; the item says their dates (withOtherDates). Pure; returns a new array.
 */
export function oneReminderPerStep(ordered: readonly Reminder[]): StepReminders[] {
  const kept: StepReminders[] = [];
  const byStep = new Map<string, StepReminders>();
  for (const reminder of ordered) {
    const step = `${reminder.milestone}|${reminder.interviewId ?? ""}`;
    const known = byStep.get(step);
    if (known === undefined) {
      const entry = { reminder, alsoFor: [] };
      byStep.set(step, entry);
      kept.push(entry);
    } else if (
      followsCheck(reminder) &&
      !isNotice(known.reminder) &&
      mayCarry(due(known.reminder), due(reminder))
    ) {
      known.reminder = carrying(known.reminder, reminder);
      known.alsoFor.push(reminder);
    } else if (
      followsCheck(known.reminder) &&
      !isNotice(reminder) &&
      mayCarry(due(reminder), due(known.reminder))
    ) {
      // The notice came first in the reading order: the check's rung takes the lead all the same.
      known.alsoFor.push(known.reminder);
      known.reminder = carrying(reminder, known.reminder);
    } else if (isNotice(reminder) && !isNotice(known.reminder)) {
      known.alsoFor.push(known.reminder);
      known.reminder = reminder;
    } else if (isNotice(reminder) && !mayCarry(due(known.reminder), due(reminder))) {
      // A notice due before the step's item: never hidden under the later date.
      kept.push({ reminder, alsoFor: [] });
    } else {
      // A second notice on the step: the item says its words too, as placeNotice joins two notices
      // of one instant and deadline; kept in alsoFor, only its date was said.
      if (isNotice(reminder) && isNotice(known.reminder)) known.reminder = withAlso(known.reminder, reminder);
      known.alsoFor.push(reminder);
    }
  }
  return kept;
}

const due = (reminder: Reminder) => Date.parse(reminder.deadline);

/** The out-of-reach notice on the WDOMS check: the check's own rung keeps the lead (see above). */
const followsCheck = (reminder: Reminder) =>
  reminder.rung === OUT_OF_REACH_RUNG && reminder.milestone === SCHOOL_CHECK.key;

/** `lead` with the notice's title and words after its own, carrying it (Reminder.folded) as placeNotice does. */
function carrying(lead: Reminder, notice: Reminder): Reminder {
  return reminderWith(lead, {
    why: `${lead.why} Also: ${notice.title}. ${notice.why}`,
    folded: [...(lead.folded ?? []), notice],
  });
}

/** `first` with `also`'s title and words after its own: one item, both notices' words. */
function withAlso(first: Reminder, also: Reminder): Reminder {
  return reminderWith(first, { why: `${first.why} Also: ${also.title}. ${also.why}` });
}
