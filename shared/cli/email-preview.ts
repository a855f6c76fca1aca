import { weeklySummaryDay } from "#domain/weekly-summary.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { OutgoingEmail } from "#ports/mailer.ts";
import { wakeUpInstant } from "#usecases/planning.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { sentReminderIds } from "#usecases/sent-reminders.ts";
import { PREVIEW_APPLICANT_ID, previewWorld } from "./preview-ports.ts";

/**
 * The emails a plan would send, as the system sends them: the wake-up the intake arms
 * (wakeUpInstant), then each wake-up the reminder function arms after it. Every wake-up runs the
 * reminder function's own code (sendDueReminders) on ports held in memory (preview-ports.ts): it
 * re-plans at the fire time, gathers what is due into one email, renders it with the links it
 * carries, marks it sent in the ledger (a sent notice is then laid where it went) and arms the next.
 * Nothing about the grouping, the timing or the words is written twice here.
 */

/** One email of the preview: when it went (the wake-up's clock), the reminders it said, the message. */
export interface PreviewedEmail {
  sentAt: Date;
  reminderIds: readonly string[];
  /** Each reminder's step and rung, as the ledger keeps them, in the email's order. */
  about: readonly { milestone: string; rung: string }[];
  /** The weekday, when the email is the applicant's weekly summary (their preferences make one). */
  weeklySummary?: string;
  email: OutgoingEmail;
}

/** How far the preview runs: at most `count` emails, none sent after `until`. */
export interface PreviewBound {
  count: number;
  until?: Date | undefined;
}

/** The default and the most emails one preview writes. */
export const DEFAULT_EMAIL_COUNT = 10;
export const MAX_EMAIL_COUNT = 200;

/**
 * Wake-ups that send nothing (a risk-change instant whose re-plan holds nothing new) count against
 * this, so a plan that re-arms forever without sending still ends.
 */
const MAX_WAKE_UPS = 2_000;

/**
 * Runs the applicant's wake-ups from `now` until `bound` is reached or none is armed; `onEmail`
 * hears each email as it goes (progress). Returns the emails, and the next wake-up not run, if any.
 */
export async function previewEmails(
  state: ApplicantState,
  now: Date,
  bound: PreviewBound,
  onEmail: (email: PreviewedEmail, index: number) => void = () => {},
): Promise<{ emails: PreviewedEmail[]; nextWakeUp?: Date }> {
  const world = previewWorld(state, now);
  const { planning } = world.deps;
  let wakeAt = wakeUpInstant(planning, state, planning.plan(state, now), now, sentReminderIds(state));
  const emails: PreviewedEmail[] = [];
  for (let wakes = 0; wakeAt !== undefined && wakes < MAX_WAKE_UPS; wakes++) {
    if (emails.length >= bound.count) break;
    if (bound.until !== undefined && wakeAt.getTime() > bound.until.getTime()) break;
    // A wake-up armed at an instant already past (a reminder due at sign-up) fires at once.
    const clockNow = new Date(Math.max(wakeAt.getTime(), now.getTime()));
    world.fire(clockNow);
    const result = await sendDueReminders(PREVIEW_APPLICANT_ID, wakeAt, world.deps);
    const email = world.sent.at(-1);
    if (result.outcome === "sent" && email !== undefined) {
      const about = result.reminderIds.map((id) => {
        const { milestone = "reminder", rung = id } = world.subjectOf(id) ?? {};
        return { milestone, rung };
      });
      // The sender's own rule (weeklySummaryDay) on the reminders it claimed.
      const claimed = world.lastDue().filter((reminder) => result.reminderIds.includes(reminder.id));
      const weekly = weeklySummaryDay(state.profile.preferences, claimed);
      const previewed: PreviewedEmail = {
        sentAt: clockNow,
        reminderIds: result.reminderIds,
        about,
        email,
        ...(weekly === undefined ? {} : { weeklySummary: weekly }),
      };
      emails.push(previewed);
      onEmail(previewed, emails.length);
    }
    const next = world.armed();
    // The sender arms strictly after the instant it planned at; anything else would run forever.
    wakeAt = next !== undefined && next.getTime() > wakeAt.getTime() ? next : undefined;
  }
  return wakeAt === undefined ? { emails } : { emails, nextWakeUp: wakeAt };
}
