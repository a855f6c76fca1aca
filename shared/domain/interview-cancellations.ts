import type { Plan, Reminder } from "./plan.ts";
import { interviewStartDetail } from "./planner/date-math.ts";
import { interviewIdOf } from "./planner/interviews.ts";
import { reminderId } from "./planner/reminder-id.ts";
import type { Interview } from "./snapshot.ts";
import { isoInZone, isoUtc } from "./time.ts";

/**
 * An interview whose calendar file (.ics, METHOD:PUBLISH) went out in at least one email: the
 * reminder ledger's sent marks keep the interview each interview reminder was about (its subject),
 * so this survives the interview's removal from the record, which a cancellation is.
 */
export interface SentInvite {
  interviewId: string;
  program: string;
  /** The start as the last email's file gave it (ISO 8601 with offset). */
  startsAt: string;
  /** The program's IANA zone, the file's TZID. */
  timezone: string;
  format?: Interview["format"];
  /** When the last email carrying the file went out (ISO UTC): the cancellation is due from then. */
  lastSentAt: string;
}

/** The rung of the one reminder that cancels an interview's calendar file (reminder ids, ledger, email). */
export const INTERVIEW_CANCELLED_RUNG = "interview-cancelled";

// The attached file's note (reminder-items.ts) says what the file does; these say what happened.
const CANCELLED_WHY = "Your interview record no longer has this interview: it was cancelled.";
const MOVED_WHY =
  "Your interview record has this program at another time now, so the interview at this time is cancelled. Our next email about the interview carries the new time.";

/**
 * The reminders that cancel interviews whose calendar file was sent and which are gone from
 * `interviews` (cancelled, or moved without an operator's id, which makes them another interview),
 * while they are still ahead: one per interview, due since its last file went out, so the next
 * wake-up sends it at once, and counting down to the interview's start (after it a cancellation
 * tells nothing; past interviews are cancelled to make room, not because they did not happen).
 * An interview whose file was never sent gets none. Pure: the same invites, interviews, zone and
 * `now` give the same reminders, and the id depends only on the interview and its start, so the
 * ledger sends it once.
 */
export function interviewCancellations(
  invites: readonly SentInvite[],
  interviews: readonly Interview[],
  zone: string,
  now: number,
): Reminder[] {
  if (invites.length === 0) return [];
  const current = new Set(interviews.map(interviewIdOf));
  const reminders: Reminder[] = [];
  for (const invite of invites) {
    const start = Date.parse(invite.startsAt);
    if (current.has(invite.interviewId) || Number.isNaN(start) || start <= now) continue;
    const moved = interviews.some((interview) => interview.program === invite.program);
    const sendAt = Math.min(Date.parse(invite.lastSentAt), now);
    reminders.push({
      id: reminderId("interview", invite.interviewId, INTERVIEW_CANCELLED_RUNG, start),
      milestone: "interview",
      interviewId: invite.interviewId,
      rung: INTERVIEW_CANCELLED_RUNG,
      title: moved
        ? `Your interview with ${invite.program} has moved`
        : `Your interview with ${invite.program} is cancelled`,
      deadline: isoUtc(start),
      deadlineDetail: interviewStartDetail(zone, start, "interview start from your earlier email"),
      sendAt: isoUtc(sendAt),
      sendAtLocal: isoInZone(zone, sendAt),
      why: moved ? MOVED_WHY : CANCELLED_WHY,
    });
  }
  return reminders;
}

/** `plan` with the cancellations of `interviewCancellations` added to its reminders (none: `plan` itself). */
export function withInterviewCancellations(
  plan: Plan,
  invites: readonly SentInvite[],
  interviews: readonly Interview[],
  zone: string,
): Plan {
  const cancellations = interviewCancellations(invites, interviews, zone, Date.parse(plan.now));
  return cancellations.length === 0 ? plan : { ...plan, reminders: [...plan.reminders, ...cancellations] };
}
