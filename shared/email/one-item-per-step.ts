import { noticeDayLabel } from "#domain/act-by-day-labels.ts";
import { basisMark } from "#domain/date-basis.ts";
import {
  deadlineWords,
  REMINDER_DATE_LABELS,
  reminderDateLabel,
  reminderShownDate,
  yourTimeSuffix,
} from "#domain/date-words.ts";
import type { Reminder } from "#domain/plan.ts";
import { type Item, isProjected } from "./reminder-items.ts";

// One item per step is the domain's rule, shared with the views (timeline, CLI).
export { oneReminderPerStep, type StepReminders } from "#domain/planner/one-reminder-per-step.ts";

/**
 * The item of a kept reminder, with the dates of the reminders it stands for that it does not say
 * already (its own date, and the deadline its note names), on its one date line: the first thing
 * to do with its date, then each later date with what it is ("Apply for your B-1/B-2 visitor visa
 * by: Mon 11 Jan 2027; due Fri 19 Mar 2027"), never a second "Due" line. `planned`: the plan's
 * reminders, whose rungs say what a notice's date is (withActByLabel).
 */
export function withOtherDates(
  item: Item,
  kept: Reminder,
  alsoFor: readonly Reminder[],
  planned: readonly Reminder[],
): Item {
  return withLaterDates(withActByLabel(item, kept, [...alsoFor, ...planned]), kept, alsoFor);
}

/** A notice dated by a day to act by, labelled as that day's rungs are (noticeDayLabel). */
function withActByLabel(item: Item, kept: Reminder, others: readonly Reminder[]): Item {
  const label = noticeDayLabel(kept, others);
  return label === undefined ? item : { ...item, dateLabel: label.label, inlineLabel: label.inline };
}

function withLaterDates(item: Item, kept: Reminder, alsoFor: readonly Reminder[]): Item {
  const said = new Set([kept.deadline]);
  // A day said once: two instants of one whole day ("Due: Tue 12 Jan 2027" twice).
  const days = new Set([dueLine(kept)]);
  const phrases: string[] = [];
  let projected = item.deadlineNoteProjected;
  for (const other of alsoFor) {
    if (said.has(other.deadline) || startOfAnotherStep(other, kept)) continue;
    said.add(other.deadline);
    if (other.deadlineDetail.precision === "day" && days.has(dueLine(other))) continue;
    days.add(dueLine(other));
    const shown = reminderShownDate(other);
    const words = deadlineWords(shown);
    // An own date or target's note names the step's deadline already ("The deadline is …").
    if (item.deadlineNote?.includes(words.local)) continue;
    const deadline = other.countsDownTo === undefined;
    const et = deadline && words.et !== undefined ? ` / ${words.et}` : "";
    phrases.push(
      `${laterLabel(other)} ${words.local}${yourTimeSuffix(shown)}${et}${deadline ? basisMark(shown) : ""}`,
    );
    projected ||= deadline && isProjected(other.deadlineDetail);
  }
  if (phrases.length === 0) return item;
  return { ...item, laterDates: phrases.join("; "), deadlineNoteProjected: projected };
}

/**
 * A risk's notice laid against residency's start riding a step dated earlier (the H-1B-out-of-reach
 * notice before ranking, on the rank order list), still showing it (Reminder.laidAgainst, no step
 * date of its own): the start is only the day the notice stops being sent, not a date of this
 * step, so the step's line does not add it ("Due: Thu 25 Feb 2027 …; due
 * by residency's start, Thu 1 Jul 2027" read as a list due in July). Its own words name its dates.
 */
function startOfAnotherStep(other: Reminder, kept: Reminder): boolean {
  return (
    other.laidAgainst === "residency-start" &&
    other.overdueSince === undefined &&
    other.stepDate === undefined &&
    other.deadline > kept.deadline
  );
}

/**
 * What a later date on an item's date line is, in its reminder's words ("your date", "sit it by"),
 * but a start-by rung's "start now" is for the date the line leads with, so a later date says only
 * what it is ("due …").
 */
function laterLabel(reminder: Reminder): string {
  const { label } =
    reminder.rung === "start-by"
      ? REMINDER_DATE_LABELS[reminder.countsDownTo ?? "deadline"]
      : reminderDateLabel(reminder);
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** "Due: Tue 12 Jan 2027": a reminder's label and its deadline's words in the applicant's zone. */
function dueLine(reminder: Reminder): string {
  return `${reminderDateLabel(reminder).label}: ${deadlineWords(reminderShownDate(reminder)).local}`;
}
