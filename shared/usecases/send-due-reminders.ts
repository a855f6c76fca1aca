import type { Reminder } from "#domain/plan.ts";
import { TransientError } from "#errors";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { DomainEvent, HeldBackReason } from "#ports/event-publisher.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import type { EscalationDeps } from "./escalation-send.ts";
import { earliest } from "./escalation-timer.ts";
import { overdueEvents } from "./planning.ts";
import { tellAdvisor } from "./send-due-reminders/advisor.ts";
import { claimDue, recoverStaleClaims, retryAfterClaims, subjectOf } from "./send-due-reminders/claims.ts";
import { carriedBy } from "./send-due-reminders/folded.ts";
import { type ReminderMessageDeps, sendReminderMessage } from "./send-due-reminders/reminder-message.ts";
import { planningInstant, sendRetryAt } from "./send-due-reminders/timing.ts";
import {
  armOrDisarm,
  nextWakeUpAfter,
  planSummary,
  rearm,
  type WakeUpDeps,
} from "./send-due-reminders/wake-up.ts";
import { sentReminderIds } from "./sent-reminders.ts";

// The parts live beside this file, one concern each: timing.ts (when a wake-up plans and when a
// failed send retries), claims.ts (claiming, stale-claim recovery), reminder-message.ts (the one
// email and its invites), wake-up.ts (re-arming and storing the plan).

export interface SendDueRemindersDeps extends ReminderMessageDeps, WakeUpDeps {
  applicants: ApplicantRepository;
  ledger: ReminderLedger;
  suppression: Pick<SuppressionList, "isSuppressed">;
  clock: Clock;
  /** Uniform in [0, 1): the jitter of send retries (Math.random unless a test fixes it). */
  random?: () => number;
  /** Emails the consenting applicant's advisor what time alone made critical; absent: no escalation. */
  escalation?: EscalationDeps;
}

export type SendOutcome =
  /** One email went out holding every reminder claimed. */
  | "sent"
  /** Nothing due (or everything already sent). */
  | "nothing-due"
  /** Due reminders are being sent by a concurrent invocation; a retry is armed past its claim. */
  | "claimed-elsewhere"
  /** The applicant unsubscribed or the address is suppressed: nothing sent. */
  | "suppressed"
  /** An advisor paused this applicant's reminders in the console: nothing sent until resumed. */
  | "paused"
  /** The applicant no longer exists. */
  | "unknown"
  /** Sending failed transiently (SES throttling): the claims were released and a retry wake-up armed. */
  | "retry-armed";

export interface SendResult {
  applicantId: string;
  outcome: SendOutcome;
  reminderIds: string[];
  messageId?: string;
  /** The next wake-up armed (ISO UTC), if any. */
  nextWakeUpAt?: string;
}

/**
 * Runs one wake-up: re-plans at the fire time (the Scheduler's scheduled time; the clock's now
 * when absent) with the applicant's current data, so a finished milestone or a moved deadline is
 * seen, while the reminders armed for that instant are still in the plan; claims every due reminder,
 * sends ONE email holding all it claimed, records the message id, and re-arms the next wake-up.
 *
 * Delivering the same wake-up twice sends nothing twice (claims are conditional writes). A send
 * that fails transiently (SES throttling, a 5xx) releases the claims and arms a short, jittered
 * retry wake-up for this applicant, planned for the same instant and always before the earliest
 * deadline it announces (sendRetryAt), instead of relying on Lambda's two asynchronous retries;
 * when no retry fits, or SES refuses the message for good, the failure is rethrown. If the process
 * dies after SES accepted the message but before the ledger says "sent", the claim goes stale
 * after CLAIM_STALE_AFTER_MS and the reminder is sent again: at-least-once, never lost.
 *
 * A claim whose sender died (DESIGN decision 12) strands nothing: the wake-up that finds it live
 * re-arms just after it goes stale (CLAIM_STALE_AFTER_MS + CLAIM_RETRY_MARGIN_MS after it was
 * made), and a wake-up that finds it stale re-plans as of the slot the claim was made for
 * (`slotAt`), when the reminder was due, and sends it with whatever else is due, unless its
 * deadline has passed. A re-plan at the retry's own time would have re-timed the rung to the next
 * day's slot, after the last rung's deadline. The one duplicate possible is a death after SES
 * accepted the email and before the ledger mark: the claim goes stale and the reminder goes again.
 */
export async function sendDueReminders(
  applicantId: string,
  firedAt: Date | undefined,
  deps: SendDueRemindersDeps,
  options: { attempt?: number } = {},
): Promise<SendResult> {
  const state = await deps.applicants.loadApplicant(applicantId);
  if (!state) return { applicantId, outcome: "unknown", reminderIds: [] };

  const attempt = options.attempt ?? 0;
  const clockNow = deps.clock.now();
  const now = planningInstant(firedAt, clockNow, attempt);
  const plan = deps.planning.plan(state, now);
  const advisorAt = await tellAdvisor(state, plan, clockNow, deps);
  const sent = sentReminderIds(state);
  // A late delivery (Scheduler and Lambda retries) never announces a deadline already gone.
  const ahead = (reminder: Reminder) =>
    !sent.has(reminder.id) && Date.parse(reminder.deadline) > clockNow.getTime();
  const dueNow = deps.planning.dueReminders(plan, now, sent).filter(ahead);
  const recovered = recoverStaleClaims(state, dueNow, clockNow, deps.planning).filter(({ reminder }) =>
    ahead(reminder),
  );
  const due = [...dueNow, ...recovered.map(({ reminder }) => reminder)];
  // Every way out that sends nothing re-arms the next wake-up past what it treats as handled.
  const nothingSent = async (
    outcome: SendOutcome,
    handled: ReadonlySet<string>,
    alsoAt: Date | undefined,
    heldBack: DomainEvent[] = [],
  ): Promise<SendResult> => {
    const next = await rearm(
      applicantId,
      state,
      plan,
      { now, firing: firedAt ?? now },
      handled,
      deps,
      alsoAt,
      heldBack,
    );
    return { applicantId, outcome, reminderIds: [], ...next };
  };

  if (due.length === 0) {
    return nothingSent("nothing-due", sent, advisorAt);
  }

  const heldBackReason: HeldBackReason | undefined =
    state.profile.remindersPausedAt !== undefined
      ? "paused"
      : state.profile.unsubscribedAt !== undefined
        ? "unsubscribed"
        : (await deps.suppression.isSuppressed(state.profile.email))
          ? "suppressed"
          : undefined;
  if (heldBackReason) {
    // Treat what is due now as handled so the next wake-up moves on instead of firing again at once.
    // A resume writes the profile, so the planner re-plans and arms whatever is still ahead. The
    // event rides in the plan's write, so the console's ledger says what was held back and why.
    const handled = new Set([...sent, ...due.map((reminder) => reminder.id)]);
    const heldBack: DomainEvent = {
      type: "RemindersHeldBack",
      applicantId,
      at: clockNow.toISOString(),
      detail: {
        reason: heldBackReason,
        reminderIds: due.map((reminder) => reminder.id),
        milestones: [...new Set(due.map((reminder) => reminder.milestone))],
        reminders: due.map((reminder) => ({
          id: reminder.id,
          milestone: reminder.milestone,
          ...(reminder.interviewId ? { interviewId: reminder.interviewId } : {}),
          rung: reminder.rung,
        })),
      },
    };
    return nothingSent(heldBackReason === "paused" ? "paused" : "suppressed", handled, advisorAt, [heldBack]);
  }

  // The NRMP question a due rank-list reminder says is claimed and marked with it.
  const carried = carriedBy(due, sent);
  const claimedIds = new Set(
    await claimDue(
      applicantId,
      carried.length === 0 ? dueNow : [...dueNow, ...carried],
      recovered,
      { now, clockNow },
      deps.ledger,
      state.profile.matchYear,
      state.interviews,
    ),
  );
  const claimed = due.filter((reminder) => claimedIds.has(reminder.id));
  const heldElsewhere = due.filter((reminder) => !claimedIds.has(reminder.id));
  // A reminder claimed by another invocation is its business; come back just after that claim
  // goes stale, in case that invocation died (the stale claim is then recovered at its slot).
  const retryHeldAt = earliest(retryAfterClaims(state, heldElsewhere, claimedIds, clockNow), advisorAt);
  const handled = new Set([...sent, ...due.map((reminder) => reminder.id)]);

  if (claimed.length === 0) {
    return nothingSent("claimed-elsewhere", handled, retryHeldAt);
  }

  // Only what a claimed reminder carries and this invocation claimed: what the email says.
  const said = [...claimed, ...carriedBy(claimed, sent).filter((reminder) => claimedIds.has(reminder.id))];
  const reminderIds = said.map((reminder) => reminder.id);
  const outcome = await sendReminderMessage(applicantId, state, plan, claimed, deps, reminderIds);
  if ("failure" in outcome) {
    const retryAt =
      outcome.failure instanceof TransientError
        ? sendRetryAt(claimed, clockNow, attempt, (deps.random ?? Math.random)())
        : undefined;
    if (!retryAt) throw outcome.failure;
    await deps.wakeUps.arm(applicantId, retryAt, { plannedFor: firedAt ?? now, attempt: attempt + 1 });
    return { applicantId, outcome: "retry-armed", reminderIds: [], nextWakeUpAt: retryAt.toISOString() };
  }
  const { messageId } = outcome;
  // The sent marks and the plan with the next wake-up go in one request, then the wake-up is armed.
  // Should arming fail, the stored plan names a wake-up not armed: the retry finds nothing due and
  // arms it; failing every retry, the daily sweeper re-arms a stored wake-up that has passed.
  const sentAt = deps.clock.now();
  const subjects = new Map(
    said.map((reminder) => [reminder.id, subjectOf(reminder, state.profile.matchYear, state.interviews)]),
  );
  // The console's row names this email as the latest one.
  const afterSend: ApplicantState = {
    ...state,
    ledger: [
      ...state.ledger,
      ...reminderIds.map((reminderId) => ({
        reminderId,
        status: "sent" as const,
        claimedAt: sentAt.toISOString(),
        sentAt: sentAt.toISOString(),
        messageId,
        subject: subjects.get(reminderId),
      })),
    ],
  };
  // Looked for with this email's marks: a critical notice just sent, unmarked, was laid again and
  // took the rung it stands for (a weekly question days later) with it, so no wake-up was armed for it.
  const next = nextWakeUpAfter(afterSend, plan, now, handled, deps.planning, retryHeldAt);
  const events: DomainEvent[] = [
    ...overdueEvents(state, plan, now),
    {
      type: "ReminderSent",
      applicantId,
      at: sentAt.toISOString(),
      detail: {
        messageId,
        reminderIds,
        milestones: [...new Set(claimed.map((reminder) => reminder.milestone))],
      },
    },
  ];
  // The events' copies (the console's list) ride in the same request as the marks and the plan;
  // each mark keeps what its reminder was about, so the console names it after the step is gone.
  await deps.ledger.markRemindersSent(
    applicantId,
    reminderIds,
    messageId,
    sentAt,
    { plan, summary: planSummary(afterSend, plan, now, next, deps.planning), events },
    subjects,
  );
  await armOrDisarm(applicantId, state, firedAt ?? now, next, deps.wakeUps);
  await deps.events.publish(events);
  return {
    applicantId,
    outcome: "sent",
    reminderIds,
    messageId,
    ...(next ? { nextWakeUpAt: next.toISOString() } : {}),
  };
}
