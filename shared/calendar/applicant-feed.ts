import ical, { ICalCalendarMethod, type ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import { waitingForTitle } from "#domain/catalog/index.ts";
import { DATE_TAGS, dateBasis, dateTag } from "#domain/date-basis.ts";
import { isNrmpEvent, REMINDER_DATE_LABELS, stepDateLabel } from "#domain/date-words.ts";
import type { Deadline, Plan, Reminder, StepSubject } from "#domain/plan.ts";
import type { Interview } from "#domain/snapshot.ts";
import { shownStartByDay } from "#domain/start-by-day.ts";
import { waitingDateLabel } from "#domain/waiting-step-date.ts";
import {
  alarmsFor,
  allDay,
  bothZones,
  dateBasisNote,
  examDay,
  lines,
  localDay,
  notes,
  PRODUCT_ID,
  sequenceOf,
  targetNote,
  uid,
  vtimezone,
  withUtcTriggers,
} from "./feed-parts.ts";
import { interviewEvents } from "./interview-events.ts";
import { coveredDay, deadlineTimes, lastDayEvents } from "./last-day-events.ts";

const DUE_LABEL = REMINDER_DATE_LABELS.deadline;

/**
 * An applicant's private iCalendar feed (RFC 5545), from the same plan the emails come from:
 *
 * - every deadline (next, overdue, and steps still waiting for another step) as a timed event in
 *   US Eastern (the authorities' zone) ending at the cut-off, with the instant in both zones (theirs
 *   and US Eastern) in the description, "(projected)" in the title of a date the authority has not
 *   published yet, and "waiting for …" in the title of a step that cannot start yet (its UID is the
 *   same once it can, so the calendar updates that event);
 * - the applicant's own date for a step (the exam day they booked) as its own all-day event on
 *   their local date (`<step>.own-date`), beside the deadline, which keeps its event and UID;
 * - the start-by day of a step not begun while it is ahead (shownStartByDay: the day its card and
 *   the CLI name; passed, the step is pressed now) as an all-day "Start:" event;
 * - every competitive target date as an all-day "Aim to finish:" event on the applicant's local
 *   date (`<step>.target`): for a step with no deadline (US clinical experience, research, budget)
 *   always, carrying that step's reminders as alarms; for a step with a deadline while the target
 *   is ahead, carrying the reminders that count down to the target (the deadline event keeps the
 *   others);
 * - a last day the emails count down to that no step's own event stands on (`<step>.last-day`,
 *   last-day-events.ts);
 * - every interview as a timed event in the interview's own zone (a VTIMEZONE is included);
 * - one display alarm per reminder the plan holds for that step, at the reminder's send time, so
 *   the calendar nudges when the email ladder does.
 *
 * UIDs are stable per applicant and step (`<applicantId>.<step>.<kind>@matchpath`), so a calendar
 * app updates an event when a date moves instead of adding a second one.
 */
export interface ApplicantFeedInput {
  applicantId: string;
  /** The applicant's IANA zone: all-day events fall on their local date. */
  timezone: string;
  plan: Plan;
  interviews: readonly Interview[];
  /**
   * When anything the feed shows last changed (ISO 8601; `ApplicantState.changedAt`): every event's
   * DTSTAMP, and its SEQUENCE in seconds since 2026 (sequenceOf), so the feed reads the same
   * on every refresh until something changes, and then a calendar app that imported the file (or an
   * interview attachment) takes the new copy as the newer revision (RFC 5546 §2.1.5: a higher
   * SEQUENCE wins).
   */
  updatedAt: string;
  /**
   * The address Matchpath's emails come from, as the interviews' ORGANIZER: an interview's own
   * file (METHOD:PUBLISH, which requires one, RFC 5546 §3.2.1) names the organizer its cancelling
   * file names (renderInterviewCancellation). Absent (the subscribed feed): no ORGANIZER.
   */
  organizer?: string;
  /**
   * A one-off file (an interview email's attachment) rather than the subscribed feed: without the
   * calendar-level name, description and refresh interval (X-WR-CALNAME, X-WR-CALDESC,
   * REFRESH-INTERVAL, X-PUBLISHED-TTL), which describe a subscription and can make a calendar app
   * offer a separate "Matchpath" calendar for one event.
   */
  oneOff?: boolean;
}

/**
 * Where to act, as plain text: a feed outlives the emails and is shared with calendar apps and
 * whoever sees the calendar, so it carries no signed link (a timeline or action link would grant
 * control that revoking the feed could not take back). In words true of every email: only a reminder about a step carries that step's
 * buttons, but every email links the timeline, which has them all. Interviews: interview-events.ts.
 */
const WHERE_TO_ACT =
  "To mark it done, scheduled or snoozed, open See my whole timeline in any recent Matchpath email.";

const countsDownToTarget = (reminder: Reminder) => reminder.countsDownTo === "target";

/**
 * NRMP's events (isNrmpEvent) carry the title alone and "On …". Match Week's Monday announcement
 * and Match Day's release are news arriving at their hour, so their events start then rather than
 * ending there; SOAP's rounds keep the half hour before their date.
 */
const NEWS_AT_ITS_HOUR: ReadonlySet<StepSubject> = new Set(["match_week", "match_day"]);

/** The feed as iCalendar text (CRLF lines). Pure: the same plan and record give the same bytes. */
export function renderApplicantFeed(input: ApplicantFeedInput): string {
  // Alarms only where an email is still to come: a reminder planned at the plan's own instant (a
  // critical notice or late arrival "at once") goes by email now, and as an alarm it would move to
  // each refresh's instant on a past event.
  const remindersAhead = input.plan.reminders.filter(
    (reminder) => Date.parse(reminder.sendAt) > Date.parse(input.plan.now),
  );
  const calendar = ical({
    ...(input.oneOff
      ? {}
      : {
          name: "Matchpath: your residency application",
          description: "Deadlines, target dates and interviews from your Matchpath plan",
          // Calendar apps re-read a subscription at their own pace; this asks for about twice a day.
          ttl: 12 * 60 * 60,
        }),
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => vtimezone(zone) },
  });
  const stamp = new Date(input.updatedAt);
  const sequence = sequenceOf(stamp);
  const open = (text: string) => `${text}\n${WHERE_TO_ACT}`;
  const events: ICalEventData[] = [];

  const deadlineSteps: {
    milestone: StepSubject;
    title: string;
    deadline?: Deadline;
    target?: Deadline;
    ownDate?: Deadline;
    waitingFor?: string[];
  }[] = [
    ...input.plan.nextSteps.filter((step) => step.milestone !== "interview"),
    ...input.plan.overdue.filter((step) => step.milestone !== "interview"),
    // Steps waiting for another step: the applicant's whole road, marked as not startable yet.
    ...input.plan.blocked.filter((step) => step.milestone !== "interview"),
  ];
  // The last days the emails count down to that no step's own event stands on (last-day-events.ts).
  const covered = new Set<string>();
  for (const step of deadlineSteps)
    for (const date of [step.deadline, step.target, step.ownDate])
      if (date !== undefined) covered.add(coveredDay(step.milestone, date.at));
  const told = new Set<Reminder>();
  events.push(...lastDayEvents(input, remindersAhead, covered, told, { stamp, sequence, open }));
  const seen = new Set<string>();
  for (const step of deadlineSteps) {
    const { deadline, target } = step;
    if ((!deadline && !target) || seen.has(step.milestone)) continue;
    seen.add(step.milestone);
    const next = input.plan.nextSteps.find((candidate) => candidate.milestone === step.milestone);
    const blocked = input.plan.blocked.find((candidate) => candidate.milestone === step.milestone);
    const waiting =
      blocked && next === undefined ? blocked.waitingFor.map(waitingForTitle).join(", ") : undefined;
    const waitingNote = waiting && `Waiting for ${waiting}: this step can start once that is done.`;
    // The competitive target while it is ahead: an all-day event on its day, carrying the reminders
    // that count down to it. Alone when no authority sets a deadline (those
    // emails had no alarm and no event); beside the deadline event otherwise
    // (the OET target of 11 Aug was only a line in the November deadline's event).
    const targetAhead =
      target !== undefined && (!deadline || Date.parse(target.at) > Date.parse(input.plan.now));
    if (target && targetAhead) {
      const day = target.day
        ? DateTime.fromISO(target.day, { zone: input.timezone })
        : localDay(target.at, input.timezone);
      events.push({
        id: uid(input.applicantId, step.milestone, "target"),
        ...allDay(day),
        stamp,
        sequence,
        summary: `Aim to finish: ${step.title}${notes([waiting && `waiting for ${waiting}`])}`,
        description: open(
          lines(
            `Aim to finish by ${bothZones(target)}: a ${DATE_TAGS.target}.${deadline ? "" : " No authority sets a deadline for this step."}`,
            deadline && `The deadline: ${bothZones(deadline)}${dateTagged(deadline)}.`,
            waitingNote,
            (next ?? blocked)?.why,
            next && `Next: ${next.action}`,
          ),
        ),
        alarms: deadline
          ? alarmsFor(remindersAhead, step.milestone, undefined, false, countsDownToTarget)
          : alarmsFor(remindersAhead, step.milestone),
      });
    }
    if (!deadline) continue;
    const ownDate = step.ownDate;
    const sitting = ownDate && examDay(ownDate, input.timezone);
    // A booked visa interview is the step's one date (its row's too): one event, the interview's.
    const oneDate = sitting !== undefined && ownDate?.at === deadline.at;
    // Who sets the date (dateBasis): NRMP's projected date, or our advice.
    const basis = dateBasis(deadline);
    const basisNote = basis === "projected" ? "projected" : basis === "advice" ? "our advice" : undefined;
    // A cut-off in the authority's zone, or a day that is a day ("Due Thu 30 Mar 2028" sat on Fri
    // 31 Mar in Lagos, at the raw instant in New York): deadlineTimes.
    const event = isNrmpEvent(step.milestone);
    const when = deadlineTimes(deadline, input.timezone, NEWS_AT_ITS_HOUR.has(step.milestone));
    // A waiting step's passed date is planned, never due (waitingDateLabel), as on the timeline.
    const dueWords = waiting === undefined ? DUE_LABEL : waitingDateLabel(deadline, input.plan.now);
    const summaryWord = dueWords === DUE_LABEL ? "Due" : "Planned";
    if (!oneDate)
      events.push({
        id: uid(input.applicantId, step.milestone, "deadline"),
        ...when,
        stamp,
        sequence,
        summary: `${event ? "" : `${summaryWord}: `}${step.title}${notes([basisNote, waiting && `waiting for ${waiting}`])}`,
        description: open(
          lines(
            `${stepDateLabel(step, dueWords).label} ${bothZones(deadline)}.`,
            targetNote(step.target, input.plan.now),
            sitting &&
              `Your date: ${sitting.toFormat("ccc d LLL yyyy")}${ownDate.at > deadline.at ? ", after this deadline: move it earlier" : ""}.`,
            waitingNote,
            ...dateBasisNote(deadline),
            (next ?? blocked)?.why,
            next && `Next: ${next.action}`,
          ),
        ),
        alarms: alarmsFor(
          remindersAhead,
          step.milestone,
          undefined,
          true,
          // The target's reminders ride on the target event while it is ahead (above); a last
          // day's, on that day's own event.
          (reminder) =>
            reminder.deadlineDetail.status !== "applicant" &&
            !(targetAhead && countsDownToTarget(reminder)) &&
            !told.has(reminder),
        ),
      });
    if (sitting) {
      // The applicant's own date without a time (their exam day): its own all-day event beside the
      // deadline, on their local date, worded as the sitting, with the reminders counting down to it.
      events.push({
        id: uid(input.applicantId, step.milestone, "own-date"),
        ...allDay(sitting),
        stamp,
        sequence,
        summary: `${step.title.startsWith("Pass ") ? `${step.title.slice(5)} exam` : `${step.title} (your date)`}${waiting ? ` (waiting for ${waiting})` : ""}`,
        description: open(
          lines(
            `Your date: ${sitting.toFormat("ccc d LLL yyyy")}.`,
            oneDate ? undefined : `The deadline: ${bothZones(deadline)}.`,
            waitingNote,
            (next ?? blocked)?.why,
          ),
        ),
        alarms: alarmsFor(
          remindersAhead,
          step.milestone,
          undefined,
          false,
          (reminder) => oneDate || reminder.deadlineDetail.status === "applicant",
        ),
      });
    }
  }

  for (const step of input.plan.nextSteps) {
    // The day the CLI and the card name, only for a step not begun whose start is still ahead (shownStartByDay).
    const day =
      step.milestone === "interview" ? undefined : shownStartByDay(step, input.plan.now, input.timezone);
    if (day === undefined) continue;
    const startDay = DateTime.fromISO(day, { zone: input.timezone });
    events.push({
      id: uid(input.applicantId, step.milestone, "start"),
      ...allDay(startDay),
      stamp,
      sequence,
      summary: `Start: ${step.title}`,
      description: open(
        lines(
          `Start by ${startDay.toFormat("ccc d LLL yyyy")} (your time) to finish in time: Matchpath's advice.`,
          step.deadline && `Due ${bothZones(step.deadline)}.`,
          targetNote(step.target, input.plan.now),
          ...(step.deadline ? dateBasisNote(step.deadline) : []),
          step.action,
        ),
      ),
    });
  }

  events.push(...interviewEvents(input, remindersAhead, stamp, sequence));

  for (const data of events) calendar.createEvent(data);
  return withUtcTriggers(calendar.toString());
}

/** " (projected date)" or " (our advice: no authority sets this date)" after a date, by who sets it (dateTag). */
function dateTagged(deadline: Deadline): string {
  const tag = dateTag(deadline);
  return tag === undefined ? "" : ` (${tag})`;
}
