import type { ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import { dateBasis } from "#domain/date-basis.ts";
import { reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Deadline, Plan, Reminder } from "#domain/plan.ts";
import { ET_ZONE } from "#domain/time.ts";
import { alarmsFor, allDay, bothZones, dateBasisNote, lines, notes, uid } from "./feed-parts.ts";

/**
 * The rungs of the countdown to the last day that keeps the Match (reminder-ladders.json
 * "last-day", planner/match-year-last-day-countdown.ts), and a critical risk's notice: the emails
 * whose date can be a day no step of the plan is due by.
 */
const LAST_DAY_RUNGS: ReadonlySet<string> = new Set([
  "critical-risk",
  "last-day-in-14d",
  "last-day-in-3d",
  "last-day-in-1d",
  "last-day-today",
]);

/** A deadline event is the last half hour before the cut-off: it ends exactly when the door closes. */
export const DEADLINE_MINUTES = 30;

/**
 * When a deadline's event falls: a day (post-Match advice dates, catalog `due.asDay`) all day on
 * that day in the applicant's zone, as its description and the timeline give it; any other
 * deadline, a cut-off at a time of day (NRMP 11:59 PM ET is the next morning in Lagos), the half
 * hour before it in US Eastern, so no all-day box hides the hour; `news` (an NRMP release, news
 * arriving at its hour) the half hour from it.
 */
export function deadlineTimes(deadline: Deadline, zone: string, news = false) {
  const cutOff = DateTime.fromISO(deadline.at, { zone: "utc" }).setZone(ET_ZONE);
  if (deadline.precision === "day" && deadline.day) return allDay(DateTime.fromISO(deadline.day, { zone }));
  return news
    ? { start: cutOff, end: cutOff.plus({ minutes: DEADLINE_MINUTES }), timezone: ET_ZONE }
    : { start: cutOff.minus({ minutes: DEADLINE_MINUTES }), end: cutOff, timezone: ET_ZONE };
}

/** The days the feed's other events stand on, per step: `<step> <ISO instant>`. */
export type CoveredDays = ReadonlySet<string>;

/** The key of a step's day in CoveredDays. */
export const coveredDay = (milestone: string, at: string): string => `${milestone} ${Date.parse(at)}`;

/**
 * The last days the emails count down to that no other event of their step stands on (`covered`),
 * each as its own event on that day, carrying the reminders that count down to it as alarms: the
 * J-1 file that "must be complete by about Mon 3 May", told by a notice riding on the Statement of
 * Need due 5 Apr, stood in no event, nor did the Pathway's "act by Wed 3 Feb" while its row was due
 * on the projected deadline: a subscriber who reads the calendar instead of the email must see the
 * day the emails call the last one. A day still ahead only; a notice sent at the plan's instant
 * counts (its email went, its day is still to come). `told` keeps each reminder placed here, so
 * the step's own event does not carry its alarm too.
 */
export function lastDayEvents(
  input: { applicantId: string; timezone: string; plan: Plan },
  remindersAhead: readonly Reminder[],
  covered: CoveredDays,
  told: Set<Reminder>,
  event: { stamp: Date; sequence: number; open: (text: string) => string },
): ICalEventData[] {
  const days = new Map<string, Reminder[]>();
  const now = Date.parse(input.plan.now);
  for (const reminder of input.plan.reminders) {
    if (!LAST_DAY_RUNGS.has(reminder.rung) || reminder.interviewId !== undefined) continue;
    // A notice laid against residency's start (SOAP_OUTCOME_UNREPORTED's) has no date of its own:
    // the email says "no date", so the feed shows none (it read "Due by residency's start").
    if (reminder.overdueSince !== undefined || reminder.onWaitingStep === true) continue;
    if (reminder.laidAgainst !== undefined) continue;
    const shown = reminderShownDate(reminder);
    if (Date.parse(shown.at) <= now || covered.has(coveredDay(reminder.milestone, shown.at))) continue;
    const key = coveredDay(reminder.milestone, shown.at);
    days.set(key, [...(days.get(key) ?? []), reminder]);
  }
  const events: ICalEventData[] = [];
  for (const group of days.values()) {
    const first = group[0] as Reminder;
    const shown = reminderShownDate(first);
    for (const each of group) told.add(each);
    const basis = dateBasis(shown);
    const basisNote = basis === "projected" ? "projected" : basis === "advice" ? "our advice" : undefined;
    events.push({
      // Named by its step and its own day, so a day passing leaves the others' UIDs as they were (a
      // count per step renamed each later one).
      id: uid(input.applicantId, first.milestone, `last-day-${dayOf(shown, input.timezone)}`),
      ...deadlineTimes(shown, input.timezone),
      stamp: event.stamp,
      sequence: event.sequence,
      summary: `${calendarTitle(first.title)}${notes([basisNote])}`,
      description: event.open(
        lines(`${reminderDateLabel(first).label} ${bothZones(shown)}.`, ...dateBasisNote(shown), first.why),
      ),
      alarms: alarmsFor(
        remindersAhead,
        first.milestone,
        undefined,
        !(shown.precision === "day" && shown.day),
        (reminder) => group.includes(reminder),
      ),
    });
  }
  return events;
}

/** A date's day as YYYYMMDD (a UID part): a whole day's own, else the day its instant falls on in `zone`. */
function dayOf(date: Deadline, zone: string): string {
  if (date.precision === "day" && date.day) return date.day.replaceAll("-", "");
  return DateTime.fromISO(date.at, { zone: "utc" }).setZone(zone).toFormat("yyyyMMdd");
}

/**
 * A notice's title as an event's: the email's "act by the day below" points under the subject to
 * the email's date line, which a calendar shows as the event's own day.
 */
function calendarTitle(title: string): string {
  return title.replaceAll("the day below", "this day");
}
