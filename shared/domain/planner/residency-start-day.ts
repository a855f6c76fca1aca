import type { Deadline } from "../plan.ts";
import { isoUtc, localDate, renderDate } from "../time.ts";
import type { DueDate } from "./due-date.ts";

/**
 * Residency's start as the due date of the notices and chases laid against it (critical-notice-
 * deadline.ts, residencyStartDue): the day residency starts, not a deadline with a clock. Shown as
 * "Due: Thu 1 Jul 2027, 9:30 AM GMT+5:30 (your time) / Thu 1 Jul 2027, 12:00 AM ET", it read as an
 * instant to meet, one that does not exist (programs set their own first day's hour). Its own module,
 * as step3-petition-dates.ts is, so PlanDates can render it without importing the notices' rules.
 */
const starts = new WeakSet<DueDate>();

/** The words residency's start is shown in (residencyStartDeadline). */
const START_WORDS = "by residency's start";

/**
 * Whether `due` is a season's residency start (markResidencyStart): a notice laid against it says so
 * in a field (Reminder.laidAgainst), never by its rendered words being read back.
 */
export function isResidencyStartDue(due: DueDate): boolean {
  return starts.has(due);
}

/** Records `due` as a season's residency start (the one object per calendar residencyStartDue gives). */
export function markResidencyStart(due: DueDate): void {
  starts.add(due);
}

/**
 * Residency's start once it has passed, as the day a step was needed by (visa-result-due.ts): the same
 * instant and day, shown as the plain day ("overdue since Thu 1 Jul 2027"), never "by residency's
 * start" of a start already behind. Not a residency start for isResidencyStartDue (nothing is laid
 * against it as one).
 */
const startedDays = new WeakSet<DueDate>();

/** `due`, marked as residency's start passed (startedDays): rendered as its day alone. */
export function markedStartedDay(due: DueDate): DueDate {
  startedDays.add(due);
  return due;
}

/** `due`, marked as a residency start (markResidencyStart): Match Day's answer-by dates are laid on it. */
export function markedResidencyStart(due: DueDate): DueDate {
  starts.add(due);
  return due;
}

/**
 * The deadline of a residency start `due` (markResidencyStart) as a day: "by residency's start, Thu 1
 * Jul 2027", its ET day (the rule's day: July 1 of the Match year) for every applicant, with no time
 * and no ET copy (precision "day"); `at` stays the instant counted down to. The displays add its basis
 * ("projected") as they do for every date. Undefined for any other due date (one look-up).
 */
export function residencyStartDeadline(due: DueDate): Deadline | undefined {
  const started = startedDays.has(due);
  if (!started && !starts.has(due)) return undefined;
  const day = localDate(due.zone, due.at);
  const words = started ? renderDate(day) : `${START_WORDS}, ${renderDate(day)}`;
  return {
    at: isoUtc(due.at),
    local: words,
    et: words,
    status: due.status,
    basis: due.basis,
    source: due.source,
    precision: "day",
    day,
  };
}
