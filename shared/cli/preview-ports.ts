import { randomBytes } from "node:crypto";
import type { Reminder } from "#domain/plan.ts";
import { recipientLinks } from "#email/recipient-links.ts";
import type { LinkKeyring } from "#links/link-token.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { OutgoingEmail } from "#ports/mailer.ts";
import type { LedgerEntry, LedgerSubject } from "#ports/reminder-ledger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import type { SendDueRemindersDeps } from "#usecases/send-due-reminders.ts";

/**
 * The reminder function's ports held in memory for `npm run plan -- --emails`: one applicant whose
 * ledger and stored plan change as the real sender (sendDueReminders) claims, sends and re-arms, a
 * mailer that keeps each message, and a clock the preview moves from wake-up to wake-up. Nothing
 * leaves the process.
 */

/** Where the preview's links point: no server answers there (RFC 2606 reserves `.example`). */
export const PREVIEW_ORIGIN = "https://matchpath.example";

/** The one applicant of a preview. */
export const PREVIEW_APPLICANT_ID = "preview";

export interface PreviewWorld {
  deps: SendDueRemindersDeps;
  /** The messages the sender sent, in order. */
  sent: OutgoingEmail[];
  /** The reminders the last wake-up found due (the sender's own dueReminders, before its claims). */
  lastDue(): readonly Reminder[];
  /** What the ledger says a reminder was about (its step and rung), once claimed. */
  subjectOf(reminderId: string): LedgerSubject | undefined;
  /** The wake-up the sender armed last (undefined: none armed, or disarmed). */
  armed(): Date | undefined;
  /**
   * A wake-up fires, its clock reading `clockNow`: the schedule that fired deletes itself (the
   * sender arms the next one), as EventBridge Scheduler's one-time schedules do.
   */
  fire(clockNow: Date): void;
}

/**
 * A throwaway keyring, new for each run: the links look as the applicant's do, and are refused by
 * any server (no deployment holds this key).
 */
function throwawayKeyring(): LinkKeyring {
  return { keys: [{ id: "preview", secret: randomBytes(32).toString("base64url") }] };
}

export function previewWorld(initial: ApplicantState, start: Date): PreviewWorld {
  let state = initial;
  let clock = start;
  let armedAt: Date | undefined;
  const sent: OutgoingEmail[] = [];
  let lastDue: readonly Reminder[] = [];
  const keyring = throwawayKeyring();
  const setLedger = (change: (ledger: LedgerEntry[]) => LedgerEntry[]) => {
    state = { ...state, ledger: change(state.ledger) };
  };
  const withSubject = (subjects: ReadonlyMap<string, LedgerSubject> | undefined, id: string) => {
    const subject = subjects?.get(id);
    return subject === undefined ? {} : { subject };
  };
  const clockPort = { now: () => clock };
  const deps: SendDueRemindersDeps = {
    applicants: { loadApplicant: async () => state, storedReminders: () => [] },
    ledger: {
      claimReminders: async (_id, reminderIds, now, _staleAfterMs, slotAt, subjects) => {
        const taken = new Set(state.ledger.map((entry) => entry.reminderId));
        const claimed = reminderIds.filter((reminderId) => !taken.has(reminderId));
        setLedger((ledger) => [
          ...ledger,
          ...claimed.map((reminderId) => ({
            reminderId,
            status: "claimed" as const,
            claimedAt: now.toISOString(),
            slotAt: (slotAt ?? now).toISOString(),
            ...withSubject(subjects, reminderId),
          })),
        ]);
        return claimed;
      },
      markRemindersSent: async (_id, reminderIds, messageId, sentAt, stored, subjects) => {
        const marked = new Set(reminderIds);
        setLedger((ledger) => [
          ...ledger.filter((entry) => !marked.has(entry.reminderId)),
          ...reminderIds.map((reminderId) => ({
            reminderId,
            status: "sent" as const,
            claimedAt: sentAt.toISOString(),
            sentAt: sentAt.toISOString(),
            messageId,
            ...withSubject(subjects, reminderId),
          })),
        ]);
        if (stored !== undefined) state = { ...state, storedPlan: stored.summary };
      },
      markRemindersWithheld: async () => {},
      releaseClaims: async (_id, reminderIds) => {
        const released = new Set(reminderIds);
        setLedger((ledger) =>
          ledger.filter((entry) => entry.status !== "claimed" || !released.has(entry.reminderId)),
        );
      },
    },
    suppression: { isSuppressed: async () => false },
    clock: clockPort,
    mailer: {
      send: async (email) => {
        sent.push(email);
        return { messageId: `preview-${sent.length}` };
      },
    },
    plans: {
      savePlan: async (_id, _plan, summary) => {
        state = { ...state, storedPlan: summary };
      },
    },
    wakeUps: {
      arm: async (_id, at) => {
        armedAt = at;
      },
      disarm: async (_id, at) => {
        if (at === undefined || at.getTime() === armedAt?.getTime()) armedAt = undefined;
      },
    },
    events: { publish: async () => {} },
    planning: {
      ...domainPlanning,
      dueReminders: (plan, now, alreadySent) => {
        const due = domainPlanning.dueReminders(plan, now, alreadySent);
        lastDue = due;
        return due;
      },
    },
    ...recipientLinks({ publicBaseUrl: PREVIEW_ORIGIN, linkKeyring: async () => keyring, clock: clockPort }),
    // No jitter: a preview made twice is the same preview.
    random: () => 0,
  };
  return {
    deps,
    sent,
    lastDue: () => lastDue,
    subjectOf: (reminderId) => state.ledger.find((entry) => entry.reminderId === reminderId)?.subject,
    armed: () => armedAt,
    fire: (clockNow) => {
      clock = clockNow;
      armedAt = undefined;
    },
  };
}
