import type { ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import type { Reminder } from "#domain/plan.ts";
import { interviewIdOf } from "#domain/planner/interviews.ts";
import type { ApplicantFeedInput } from "./applicant-feed.ts";
import { alarmsFor, INTERVIEW_MINUTES, lines, uid } from "./feed-parts.ts";
import { organizerOf } from "./organizer.ts";

/**
 * Interviews have no buttons anywhere: they change through the interview form the applicant (or
 * the advisor) sends, and only by the interview's reference (its stored id): a form without one adds
 * a second interview beside this one, so the event names the reference.
 */
const whereToChangeInterview = (reference: string) =>
  `To move or cancel this interview, send your interview form with its reference, ${reference}, or ask your advisor: without the reference, a form adds a second interview instead of moving this one. Your whole plan: open See my whole timeline in any recent Matchpath email.`;

/**
 * The feed's interviews (renderApplicantFeed): each a timed event in the interview's own zone (the
 * feed carries its VTIMEZONE), with its start in both zones and the preparation reminders of
 * `remindersAhead` as alarms; `stamp` and `sequence` are the feed's DTSTAMP and SEQUENCE. An
 * interview whose start does not parse is left out. Pure.
 */
export function interviewEvents(
  input: Pick<ApplicantFeedInput, "applicantId" | "timezone" | "interviews" | "organizer">,
  remindersAhead: readonly Reminder[],
  stamp: Date,
  sequence: number,
): ICalEventData[] {
  const events: ICalEventData[] = [];
  for (const interview of input.interviews) {
    const start = DateTime.fromISO(interview.startsAt, { setZone: true }).setZone(interview.timezone);
    if (!start.isValid) continue;
    const id = interviewIdOf(interview);
    const applicantLocal = start.setZone(input.timezone).toFormat("ccc d LLL yyyy, h:mm a ZZZZ");
    events.push({
      id: uid(input.applicantId, `interview-${id}`, "interview"),
      start,
      end: start.plus({ minutes: INTERVIEW_MINUTES }),
      timezone: interview.timezone,
      stamp,
      sequence,
      summary: `Interview: ${interview.program}`,
      description: lines(
        `Starts ${start.toFormat("ccc d LLL yyyy, h:mm a ZZZZ")} (program's time) / ${applicantLocal} (your time).`,
        interview.format === "virtual" ? "Virtual interview." : "In-person interview.",
        whereToChangeInterview(id),
      ),
      // Only the preparation reminders, worded as the start: an alarm
      // after the event's start (the thank-you note's, the day after) is one that Google Calendar,
      // for one, does not support. The thank-you note comes by email alone, the day after: it is
      // advice with its own Done button there, not a time to block in a calendar.
      alarms: alarmsFor(
        remindersAhead,
        "interview",
        id,
        true,
        (reminder) =>
          Date.parse(reminder.sendAt) < start.toMillis() &&
          Date.parse(reminder.deadline) === start.toMillis(),
        "starts",
      ),
      ...(input.organizer ? { organizer: organizerOf(input.organizer) } : {}),
    });
  }

  return events;
}
