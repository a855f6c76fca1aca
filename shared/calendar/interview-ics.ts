import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { DateTime } from "luxon";
import type { SentInvite } from "#domain/interview-cancellations.ts";
import type { Interview } from "#domain/snapshot.ts";
import { type ApplicantFeedInput, renderApplicantFeed } from "./applicant-feed.ts";
import { INTERVIEW_MINUTES, PRODUCT_ID, sequenceOf, uid, vtimezone } from "./feed-parts.ts";
import { organizerOf } from "./organizer.ts";

/**
 * An interview's own calendar files, attached to its emails: the invite (METHOD:PUBLISH) and the
 * file cancelling it (METHOD:CANCEL), each with the UID the applicant's feed gives the interview.
 */

/**
 * One interview as its own .ics (attached to interview emails), sharing the feed's UID: the plan's
 * steps (next, overdue and waiting) are left out so the attachment holds that interview alone, and
 * the feed's calendar-level properties with them (oneOff).
 */
export function renderInterviewInvite(
  input: Omit<ApplicantFeedInput, "interviews"> & { interview: Interview },
) {
  return renderApplicantFeed({
    ...input,
    plan: { ...input.plan, nextSteps: [], overdue: [], blocked: [] },
    interviews: [input.interview],
    oneOff: true,
  });
}

/** What the cancelling file of an interview's calendar file needs. */
export interface InterviewCancellationInput {
  applicantId: string;
  /** The interview as the last file sent gave it (the ledger's SentInvite). */
  invite: SentInvite;
  /**
   * When the record last changed (ApplicantState.changedAt), after the cancellation: the DTSTAMP,
   * and with `invite.lastSentAt` the SEQUENCE (cancellationSequence).
   */
  updatedAt: string;
  /**
   * The address Matchpath's emails come from: the ORGANIZER, who alone may cancel (RFC 5546 §3.2.5).
   * The reminder function always has it (SENDER_ADDRESS); absent only where a test's wiring has no
   * sender, and then the object has no ORGANIZER.
   */
  organizer?: string;
  /** The applicant's address: the ATTENDEE the cancellation is for (RFC 5546 §3.2.5). */
  attendee: string;
}

/**
 * The iCalendar object that cancels an interview's calendar file (RFC 5546 §3.2.5, METHOD:CANCEL):
 * the same UID as the file and the feed, a SEQUENCE above every file sent (cancellationSequence),
 * STATUS:CANCELLED, the ORGANIZER and the ATTENDEE the method requires, and the interview's time
 * in its own zone (its VTIMEZONE included), so a calendar app finds and removes the event the
 * applicant added from the earlier email. Pure: the same input gives the same bytes.
 */
export function renderInterviewCancellation(input: InterviewCancellationInput): string {
  const { invite } = input;
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.CANCEL,
    timezone: { name: null, generator: (zone) => vtimezone(zone) },
  });
  const start = DateTime.fromISO(invite.startsAt, { setZone: true }).setZone(invite.timezone);
  calendar.createEvent({
    id: uid(input.applicantId, `interview-${invite.interviewId}`, "interview"),
    start,
    end: start.plus({ minutes: INTERVIEW_MINUTES }),
    timezone: invite.timezone,
    stamp: new Date(input.updatedAt),
    sequence: cancellationSequence(input.updatedAt, invite.lastSentAt),
    status: ICalEventStatus.CANCELLED,
    summary: `Cancelled: Interview: ${invite.program}`,
    description: `This interview is cancelled: Matchpath no longer has it in your record. Reference: ${invite.interviewId}.`,
    ...(input.organizer ? { organizer: organizerOf(input.organizer) } : {}),
    attendees: [
      {
        email: input.attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

/**
 * The cancelling object's SEQUENCE: above that of every file sent for the interview. A file's
 * SEQUENCE is sequenceOf the record's last change before its email went out, so at most
 * sequenceOf(lastSentAt); the record's change since (the cancellation) usually gives more already.
 */
export function cancellationSequence(updatedAt: string, lastSentAt: string): number {
  return Math.max(sequenceOf(new Date(updatedAt)), sequenceOf(new Date(lastSentAt)) + 1);
}
