import { actByDayLabel } from "#domain/act-by-day-labels.ts";
import { deadlineWords, reminderDateLabel, reminderShownDate, yourTimeSuffix } from "#domain/date-words.ts";
import type { Reminder } from "#domain/plan.ts";
import { type Item, isProjected } from "./reminder-items.ts";

// One item per step is the domain's rule, shared with the views (timeline, CLI).
export { oneReminderPerStep, type StepReminders } from "#domain/planner/one-reminder-per-step.ts";

/**
 * The item of a kept reminder, with the dates of the reminders it stands for that it does not say
 * already (its own date, and the deadline its note names): "Your date: Sun 27 Dec 2026." beside a
 * deadline leading on the same day, so the one item says both dates.
 */
export function withOtherDates(item: Item, kept: Reminder, alsoFor: readonly Reminder[]): Item {
  return withOtherDateLines(withActByLabel(item, kept, alsoFor), kept, alsoFor);
}

/**
 * A notice dated by a day to act by (a risk's notice carrying Step 3's day to apply to FSMB by) is
 * labelled as that day's own rung is ("Apply to FSMB by"), never "Due" beside the step's deadline:
 * one item, one due.
 */
function withActByLabel(item: Item, kept: Reminder, alsoFor: readonly Reminder[]): Item {
  // An overdue notice shows the day it missed, not the deadline it shares with the rungs.
  if (kept.risk === undefined || kept.overdueSince !== undefined) return item;
  for (const other of alsoFor) {
    if (other.deadline !== kept.deadline) continue;
    const label = actByDayLabel(other);
    if (label !== undefined) return { ...item, dateLabel: label.label, inlineLabel: label.inline };
  }
  return item;
}

function withOtherDateLines(item: Item, kept: Reminder, alsoFor: readonly Reminder[]): Item {
  const said = new Set([kept.deadline]);
  // A day said once: two instants of one whole day ("Due: Tue 12 Jan 2027" twice).
  const days = new Set([dueLine(kept)]);
  const lines: string[] = [];
  let projected = item.deadlineNoteProjected;
  for (const other of alsoFor) {
    if (said.has(other.deadline)) continue;
    said.add(other.deadline);
    if (other.deadlineDetail.precision === "day" && days.has(dueLine(other))) continue;
    days.add(dueLine(other));
    const words = deadlineWords(reminderShownDate(other));
    // An own date or target's note names the step's deadline already ("The deadline is …").
    if (item.deadlineNote?.includes(words.local)) continue;
    const et = other.countsDownTo === undefined && words.et !== undefined ? ` / ${words.et}` : "";
    lines.push(
      `${reminderDateLabel(other).label}: ${words.local}${yourTimeSuffix(reminderShownDate(other))}${et}.`,
    );
    projected ||= other.countsDownTo === undefined && isProjected(other.deadlineDetail);
  }
  if (lines.length === 0) return item;
  const deadlineNote = [item.deadlineNote, ...lines].filter((line) => line !== undefined).join(" ");
  return { ...item, deadlineNote, deadlineNoteProjected: projected };
}

/** "Due: Tue 12 Jan 2027": a reminder's label and its deadline's words in the applicant's zone. */
function dueLine(reminder: Reminder): string {
  return `${reminderDateLabel(reminder).label}: ${deadlineWords(reminderShownDate(reminder)).local}`;
}
