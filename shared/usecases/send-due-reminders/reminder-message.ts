import { INTERVIEW_CANCELLED_RUNG, type SentInvite } from "#domain/interview-cancellations.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { interviewIdOf } from "#domain/planner/interviews.ts";
import type { Interview } from "#domain/snapshot.ts";
import { weeklySummaryDay } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { TransientError } from "#errors";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import { sentInvitesOf } from "../sent-invites.ts";

/** What sending one reminder email needs: the mailer, the links it carries, and the ledger to release. */
export interface ReminderMessageDeps {
  ledger: Pick<ReminderLedger, "releaseClaims">;
  mailer: Mailer;
  /** The one-click unsubscribe URL for an applicant (signed token inside). */
  unsubscribeUrl(applicantId: string): Promise<string>;
  /** The applicant's signed links (actions, timeline, calendar, preferences); absent: the email has none. */
  applicantLinks?(profile: ApplicantState["profile"]): Promise<ApplicantLinks>;
  /**
   * The address the emails come from: the ORGANIZER of the interviews' calendar files and of the
   * files that cancel them (RFC 5546). The reminder function always sets it; absent: none named.
   */
  senderAddress?: string;
}

/**
 * Renders and sends ONE email holding every claimed reminder, with an .ics per interview it is
 * about. On any failure the claims (`reminderIds`: the claimed ones' and those their words carry,
 * Reminder.folded) are released and the failure returned (the caller decides
 * whether it retries); a failure to release as well is thrown as a TransientError carrying both.
 */
export async function sendReminderMessage(
  applicantId: string,
  state: ApplicantState,
  plan: Plan,
  claimed: Reminder[],
  deps: ReminderMessageDeps,
  reminderIds: string[] = claimed.map((reminder) => reminder.id),
): Promise<{ messageId: string } | { failure: unknown }> {
  const cancelled = cancelledInvites(state, claimed);
  try {
    const email = renderReminderEmail({
      recipientName: state.profile.fullName,
      reminders: claimed,
      plan,
      timezone: state.profile.timezone,
      milestones: state.milestones,
      unsubscribeUrl: await deps.unsubscribeUrl(applicantId),
      ...(deps.applicantLinks ? { links: await deps.applicantLinks(state.profile) } : {}),
      ...weeklySummaryOf(state, claimed),
      // A cancelled interview is gone from the record; its email still gives the program's time.
      interviews: [...state.interviews, ...cancelled.map(interviewOf)],
    });
    const invites = [
      ...(await interviewInvites(state, plan, claimed, deps.senderAddress)),
      ...(await interviewCancellations(state, cancelled, deps.senderAddress)),
    ];
    const { messageId } = await deps.mailer.send({
      to: state.profile.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      ...(invites.length > 0 ? { attachments: invites } : {}),
      tags: { applicantId, kind: "reminder" },
    });
    return { messageId };
  } catch (sendError) {
    try {
      await deps.ledger.releaseClaims(applicantId, reminderIds);
    } catch (releaseError) {
      // The claims will go stale and be retried anyway; report both failures, lose neither.
      throw new TransientError("Sending failed and the claims could not be released", {
        cause: new AggregateError([sendError, releaseError]),
      });
    }
    return { failure: sendError };
  }
}

function weeklySummaryOf(state: ApplicantState, claimed: readonly Reminder[]): { weeklySummaryDay?: string } {
  const day = weeklySummaryDay(state.profile.preferences, claimed);
  return day ? { weeklySummaryDay: day } : {};
}

/**
 * One .ics per interview the email is about, with the same UID as the applicant's calendar feed,
 * so adding it and subscribing to the feed show one event, not two. The calendar code (ical-generator
 * and its zone data) is imported on the first email about an interview: most emails are about none,
 * and a cold start should not pay for it.
 *
 * The calendar module is imported once. Each dynamic import resolves the specifier again (through
 * the loader's hooks under tsx): about a fifth of an invite's CPU in the season bench.
 */
const importCalendar = () => import("#calendar/interview-ics.ts");
let calendarCode: ReturnType<typeof importCalendar> | undefined;

async function interviewInvites(
  state: ApplicantState,
  plan: Plan,
  claimed: readonly Reminder[],
  organizer: string | undefined,
) {
  const ids = new Set(claimed.flatMap((reminder) => (reminder.interviewId ? [reminder.interviewId] : [])));
  const interviews = state.interviews.filter((interview) => ids.has(interviewIdOf(interview)));
  if (interviews.length === 0) return [];
  calendarCode ??= importCalendar();
  const { renderInterviewInvite } = await calendarCode;
  return interviews.map((interview) => ({
    filename: `interview-${interviewIdOf(interview)}.ics`,
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: renderInterviewInvite({
      applicantId: state.profile.applicantId,
      timezone: state.profile.timezone,
      plan,
      interview,
      updatedAt: state.changedAt ?? state.profile.updatedAt,
      ...(organizer ? { organizer } : {}),
    }),
  }));
}

/** The sent calendar files the claimed cancellation reminders cancel (the ledger keeps what each file gave). */
function cancelledInvites(state: ApplicantState, claimed: readonly Reminder[]): SentInvite[] {
  const ids = new Set(
    claimed.flatMap((reminder) =>
      reminder.rung === INTERVIEW_CANCELLED_RUNG && reminder.interviewId ? [reminder.interviewId] : [],
    ),
  );
  if (ids.size === 0) return [];
  return sentInvitesOf(state.ledger).filter((invite) => ids.has(invite.interviewId));
}

/** A cancelled interview as the email words it: the program's zone beside the applicant's. */
function interviewOf(invite: SentInvite): Interview {
  return {
    id: invite.interviewId,
    program: invite.program,
    startsAt: invite.startsAt,
    timezone: invite.timezone,
    format: invite.format ?? "virtual",
  };
}

/**
 * One METHOD:CANCEL file per interview the email cancels, sent with the MIME type's `method`
 * parameter matching, as RFC 6047 §2.4 requires (Outlook is reported to ignore a cancellation
 * whose Content-Type lacks it).
 */
async function interviewCancellations(
  state: ApplicantState,
  cancelled: readonly SentInvite[],
  organizer: string | undefined,
) {
  if (cancelled.length === 0) return [];
  calendarCode ??= importCalendar();
  const { renderInterviewCancellation } = await calendarCode;
  return cancelled.map((invite) => ({
    filename: `interview-${invite.interviewId}-cancelled.ics`,
    contentType: "text/calendar; charset=utf-8; method=CANCEL",
    content: renderInterviewCancellation({
      applicantId: state.profile.applicantId,
      invite,
      updatedAt: state.changedAt ?? state.profile.updatedAt,
      ...(organizer ? { organizer } : {}),
      attendee: state.profile.email,
    }),
  }));
}
