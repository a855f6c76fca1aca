import { renderInterviewInvite } from "#calendar/applicant-feed.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { interviewIdOf } from "#domain/planner/interviews.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { TransientError } from "#errors";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { EventPublisher } from "#ports/event-publisher.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { PlanRepository, StoredPlanSummary } from "#ports/plans.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";
import {
  cohortSummary,
  overdueEvents,
  type Planning,
  sentReminderIds,
  storedPlanSummary,
} from "./planning.ts";

/**
 * A claim older than this is taken to belong to a crashed send and may be claimed again. Longer
 * than a reminder invocation can run (Lambda's limit is 15 minutes).
 */
export const CLAIM_STALE_AFTER_MS = 15 * 60_000;

/**
 * How late a wake-up may run and still be planned as of its scheduled time: Lambda keeps an
 * asynchronous event up to 6 hours (its default maximum event age), which is how long a wake-up may
 * wait behind the reminder function's concurrency bound when a whole delivery slot fires at once.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
export const LATE_FIRE_TOLERANCE_MS = 6 * 60 * 60_000;

/** Send attempts per wake-up before a failure is left to the platform's retries and dead-letter queue. */
export const MAX_SEND_ATTEMPTS = 12;

/** A retry wake-up comes at least this late (Scheduler needs a minute's lead) ... */
export const SEND_RETRY_MIN_DELAY_MS = 60_000;
/** ... plus a jitter of up to 30 s doubled per attempt, at most this much. */
export const SEND_RETRY_MAX_JITTER_MS = 15 * 60_000;
/**
 * ... and never later than this before the earliest deadline among the reminders it retries:
 * Scheduler fires within the minute and the send takes seconds, so the email still precedes it.
 */
export const SEND_RETRY_DEADLINE_MARGIN_MS = 3 * 60_000;

/**
 * When to retry a send that failed transiently (SES throttling or a 5xx), or undefined when no
 * retry wake-up fits: attempts used up, or no room left before the earliest deadline. The delay is
 * jittered (`random` in [0, 1)), so the wake-ups of one throttled slot spread out instead of
 * meeting SES again in the same second.
 */
export function sendRetryAt(
  reminders: readonly Pick<Reminder, "deadline">[],
  clockNow: Date,
  attempt: number,
  random: number,
): Date | undefined {
  if (attempt + 1 >= MAX_SEND_ATTEMPTS) return undefined;
  const jitter = Math.min(SEND_RETRY_MAX_JITTER_MS, 30_000 * 2 ** attempt) * random;
  const wanted = clockNow.getTime() + SEND_RETRY_MIN_DELAY_MS + jitter;
  const latest =
    Math.min(...reminders.map((reminder) => Date.parse(reminder.deadline))) - SEND_RETRY_DEADLINE_MARGIN_MS;
  const at = Math.min(wanted, latest);
  return at < clockNow.getTime() + SEND_RETRY_MIN_DELAY_MS
    ? undefined
    : new Date(Math.floor(at / 1000) * 1000);
}

/** A retry of reminders held by another invocation fires this long after that claim goes stale. */
export const CLAIM_RETRY_MARGIN_MS = 1_000;

/**
 * The instant a wake-up plans at. On time (Scheduler fires within seconds; its retries within the
 * tolerance), plan as of the scheduled time: the planner keeps a rung only while its slot is not
 * past, so a plan made a second after the slot would already have moved it to the next day. Much
 * later (an outage, the local clock jumping 30 days), plan at the clock's now: the planner then
 * keeps only the most recent missed rung of each deadline, re-timed to the next delivery slot, so
 * the applicant gets one catch-up digest instead of one email per missed slot.
 */
export function planningInstant(firedAt: Date | undefined, clockNow: Date, attempt = 0): Date {
  if (firedAt === undefined) return clockNow;
  // A send retry plans at the instant its wake-up was planned for: it was armed before the deadline.
  if (attempt > 0) return firedAt;
  return clockNow.getTime() - firedAt.getTime() <= LATE_FIRE_TOLERANCE_MS ? firedAt : clockNow;
}

export interface SendDueRemindersDeps {
  store: ApplicantRepository &
    Pick<PlanRepository, "savePlan"> &
    ReminderLedger &
    Pick<SuppressionList, "isSuppressed">;
  wakeUps: WakeUpScheduler;
  events: EventPublisher;
  mailer: Mailer;
  clock: Clock;
  planning: Planning;
  /** The one-click unsubscribe URL for an applicant (signed token inside). */
  unsubscribeUrl(applicantId: string): Promise<string>;
  /** Uniform in [0, 1): the jitter of send retries (Math.random unless a test fixes it). */
  random?: () => number;
  /** The applicant's signed links (actions, timeline, calendar, preferences); absent: the email has none. */
  applicantLinks?(profile: ApplicantState["profile"]): Promise<ApplicantLinks>;
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
  const state = await deps.store.loadApplicant(applicantId);
  if (!state) return { applicantId, outcome: "unknown", reminderIds: [] };

  const attempt = options.attempt ?? 0;
  const clockNow = deps.clock.now();
  const now = planningInstant(firedAt, clockNow, attempt);
  const plan = deps.planning.plan(state, now);
  const sent = sentReminderIds(state);
  // A late delivery (Scheduler and Lambda retries) never announces a deadline already gone.
  const ahead = (reminder: Reminder) =>
    !sent.has(reminder.id) && Date.parse(reminder.deadline) > clockNow.getTime();
  const dueNow = deps.planning.dueReminders(plan, now, sent).filter(ahead);
  const recovered = recoverStaleClaims(state, dueNow, clockNow, deps).filter(({ reminder }) =>
    ahead(reminder),
  );
  const due = [...dueNow, ...recovered.map(({ reminder }) => reminder)];

  if (due.length === 0) {
    const next = await rearm(applicantId, state, plan, { now, firing: firedAt ?? now }, sent, deps);
    return { applicantId, outcome: "nothing-due", reminderIds: [], ...next };
  }

  const paused = state.profile.remindersPausedAt !== undefined;
  if (
    paused ||
    state.profile.unsubscribedAt !== undefined ||
    (await deps.store.isSuppressed(state.profile.email))
  ) {
    // Treat what is due now as handled so the next wake-up moves on instead of firing again at once.
    // A resume writes the profile, so the planner re-plans and arms whatever is still ahead.
    const handled = new Set([...sent, ...due.map((reminder) => reminder.id)]);
    const next = await rearm(applicantId, state, plan, { now, firing: firedAt ?? now }, handled, deps);
    return { applicantId, outcome: paused ? "paused" : "suppressed", reminderIds: [], ...next };
  }

  const claimedIds = new Set(await claimDue(applicantId, dueNow, recovered, now, clockNow, deps));
  const claimed = due.filter((reminder) => claimedIds.has(reminder.id));
  const heldElsewhere = due.filter((reminder) => !claimedIds.has(reminder.id));
  // A reminder claimed by another invocation is its business; come back just after that claim
  // goes stale, in case that invocation died (the stale claim is then recovered at its slot).
  const retryHeldAt = retryAfterClaims(state, heldElsewhere, claimedIds, clockNow);
  const handled = new Set([...sent, ...due.map((reminder) => reminder.id)]);

  if (claimed.length === 0) {
    const next = await rearm(
      applicantId,
      state,
      plan,
      { now, firing: firedAt ?? now },
      handled,
      deps,
      retryHeldAt,
    );
    return { applicantId, outcome: "claimed-elsewhere", reminderIds: [], ...next };
  }

  const reminderIds = claimed.map((reminder) => reminder.id);
  const outcome = await send(applicantId, state, plan, claimed, deps);
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
  const next = nextWakeUpAfter(plan, now, handled, deps, retryHeldAt);
  const sentAt = deps.clock.now();
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
      })),
    ],
  };
  await deps.store.markRemindersSent(applicantId, reminderIds, messageId, sentAt, {
    plan,
    summary: planSummary(afterSend, plan, now, next, deps),
  });
  await armOrDisarm(applicantId, state, firedAt ?? now, next, deps);
  await deps.events.publish([
    ...overdueEvents(state, plan, now),
    {
      type: "ReminderSent",
      applicantId,
      at: deps.clock.now().toISOString(),
      detail: {
        messageId,
        reminderIds,
        milestones: [...new Set(claimed.map((reminder) => reminder.milestone))],
      },
    },
  ]);
  return {
    applicantId,
    outcome: "sent",
    reminderIds,
    messageId,
    ...(next ? { nextWakeUpAt: next.toISOString() } : {}),
  };
}

/** A reminder whose claim was left stale by a sender that died, as planned at the claim's slot. */
interface RecoveredReminder {
  reminder: Reminder;
  slotAt: Date;
}

/**
 * The reminders of stale claims (claimed more than CLAIM_STALE_AFTER_MS ago and never marked sent)
 * that are not due now anyway, re-planned as of the slot each claim was made for: the plan made at
 * that instant had them due, so it gives them back with their text and deadline. A claim without a
 * slot (made before slots were recorded) is planned at its claim time. Pure computation: one plan
 * per distinct slot, no request.
 */
function recoverStaleClaims(
  state: ApplicantState,
  dueNow: readonly Reminder[],
  clockNow: Date,
  deps: SendDueRemindersDeps,
): RecoveredReminder[] {
  const already = new Set(dueNow.map((reminder) => reminder.id));
  const staleBefore = clockNow.getTime() - CLAIM_STALE_AFTER_MS;
  const bySlot = new Map<string, Set<string>>();
  for (const entry of state.ledger) {
    if (entry.status !== "claimed" || already.has(entry.reminderId)) continue;
    if (Date.parse(entry.claimedAt) >= staleBefore) continue;
    const slot = entry.slotAt ?? entry.claimedAt;
    bySlot.set(slot, (bySlot.get(slot) ?? new Set()).add(entry.reminderId));
  }
  const recovered: RecoveredReminder[] = [];
  const sent = sentReminderIds(state);
  for (const [slot, ids] of bySlot) {
    const slotAt = new Date(slot);
    if (Number.isNaN(slotAt.getTime())) continue;
    const planAtSlot = deps.planning.plan(state, slotAt);
    for (const reminder of deps.planning.dueReminders(planAtSlot, slotAt, sent)) {
      if (ids.has(reminder.id) && !already.has(reminder.id)) {
        already.add(reminder.id);
        recovered.push({ reminder, slotAt });
      }
    }
  }
  return recovered;
}

/**
 * Claims what is due now for this wake-up's slot and each recovered reminder for its own slot, so a
 * second death still recovers at the first slot. One request in the usual case (nothing recovered).
 */
async function claimDue(
  applicantId: string,
  dueNow: readonly Reminder[],
  recovered: readonly RecoveredReminder[],
  now: Date,
  clockNow: Date,
  deps: SendDueRemindersDeps,
): Promise<string[]> {
  const claim = (ids: string[], slotAt: Date) =>
    ids.length === 0
      ? Promise.resolve([])
      : deps.store.claimReminders(applicantId, ids, clockNow, CLAIM_STALE_AFTER_MS, slotAt);
  const bySlot = new Map<number, string[]>();
  for (const { reminder, slotAt } of recovered) {
    bySlot.set(slotAt.getTime(), [...(bySlot.get(slotAt.getTime()) ?? []), reminder.id]);
  }
  const claimed = await claim(
    dueNow.map((reminder) => reminder.id),
    now,
  );
  for (const [slot, ids] of bySlot) claimed.push(...(await claim(ids, new Date(slot))));
  return claimed;
}

/**
 * When to come back for reminders another invocation holds: the due ones it claimed before us, and
 * any live claim in the ledger (a claim this plan no longer has due, say because the rung moved,
 * is still that invocation's to finish or to leave stale). Just after the latest of those claims
 * goes stale; a claim made after the ledger was read is at most as old as now. Undefined: none.
 */
function retryAfterClaims(
  state: ApplicantState,
  heldElsewhere: readonly Reminder[],
  claimedHere: ReadonlySet<string>,
  clockNow: Date,
): Date | undefined {
  const staleBefore = clockNow.getTime() - CLAIM_STALE_AFTER_MS;
  const claimedAt = new Map(state.ledger.map((entry) => [entry.reminderId, Date.parse(entry.claimedAt)]));
  const times = heldElsewhere.map((reminder) => {
    const at = claimedAt.get(reminder.id);
    return at === undefined || Number.isNaN(at) ? clockNow.getTime() : at;
  });
  for (const entry of state.ledger) {
    const at = Date.parse(entry.claimedAt);
    if (entry.status === "claimed" && !claimedHere.has(entry.reminderId) && at >= staleBefore) times.push(at);
  }
  if (times.length === 0) return undefined;
  const latest = Math.min(Math.max(...times), clockNow.getTime());
  return new Date(latest + CLAIM_STALE_AFTER_MS + CLAIM_RETRY_MARGIN_MS);
}

async function send(
  applicantId: string,
  state: ApplicantState,
  plan: Plan,
  claimed: Reminder[],
  deps: SendDueRemindersDeps,
): Promise<{ messageId: string } | { failure: unknown }> {
  const reminderIds = claimed.map((reminder) => reminder.id);
  try {
    const email = renderReminderEmail({
      recipientName: state.profile.fullName,
      reminders: claimed,
      plan,
      unsubscribeUrl: await deps.unsubscribeUrl(applicantId),
      ...(deps.applicantLinks ? { links: await deps.applicantLinks(state.profile) } : {}),
    });
    const invites = interviewInvites(state, plan, claimed);
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
      await deps.store.releaseClaims(applicantId, reminderIds);
    } catch (releaseError) {
      // The claims will go stale and be retried anyway; report both failures, lose neither.
      throw new TransientError("Sending failed and the claims could not be released", {
        cause: new AggregateError([sendError, releaseError]),
      });
    }
    return { failure: sendError };
  }
}

/**
 * One .ics per interview the email is about, with the same UID as the applicant's calendar feed,
 * so adding it and subscribing to the feed show one event, not two.
 */
function interviewInvites(state: ApplicantState, plan: Plan, claimed: readonly Reminder[]) {
  const ids = new Set(claimed.flatMap((reminder) => (reminder.interviewId ? [reminder.interviewId] : [])));
  return state.interviews
    .filter((interview) => ids.has(interviewIdOf(interview)))
    .map((interview) => ({
      filename: `interview-${interviewIdOf(interview)}.ics`,
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      content: renderInterviewInvite({
        applicantId: state.profile.applicantId,
        timezone: state.profile.timezone,
        plan,
        interview,
        updatedAt: state.profile.updatedAt,
      }),
    }));
}

/** The next wake-up: the plan's next reminder, or sooner a retry of reminders held elsewhere. */
function nextWakeUpAfter(
  plan: Plan,
  now: Date,
  handled: ReadonlySet<string>,
  deps: SendDueRemindersDeps,
  retryAt?: Date,
): Date | undefined {
  const planned = deps.planning.nextWakeUp(plan, now, handled);
  return retryAt && (!planned || retryAt.getTime() < planned.getTime()) ? retryAt : planned;
}

/**
 * Always arms the next wake-up when there is one: the schedule that just fired deletes itself. The
 * stored wake-up, when it is not the one firing (the planner moved it meanwhile), is replaced.
 */
async function armOrDisarm(
  applicantId: string,
  state: ApplicantState,
  firing: Date,
  next: Date | undefined,
  deps: SendDueRemindersDeps,
): Promise<void> {
  const stored = state.storedPlan?.wakeUpAt === undefined ? undefined : new Date(state.storedPlan.wakeUpAt);
  const other = stored && stored.getTime() !== firing.getTime() ? stored : undefined;
  if (next) await deps.wakeUps.arm(applicantId, next, other ? { replacing: other } : {});
  else if (other) await deps.wakeUps.disarm(applicantId, other);
}

function planSummary(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  next: Date | undefined,
  deps: SendDueRemindersDeps,
): StoredPlanSummary {
  return {
    ...storedPlanSummary({
      plan,
      planHash: deps.planning.planHash(plan),
      computedAt: now,
      wakeUpAt: next?.toISOString(),
      calendarVersion: deps.planning.calendarVersion?.(state),
    }),
    ...cohortSummary(state, plan),
  };
}

/**
 * Arms the next wake-up and stores the plan as of the fire time with that instant, so the
 * planner's next comparison starts from the truth (the paths that sent nothing).
 */
async function rearm(
  applicantId: string,
  state: ApplicantState,
  plan: Plan,
  instants: { now: Date; firing: Date },
  handled: ReadonlySet<string>,
  deps: SendDueRemindersDeps,
  retryAt?: Date,
): Promise<{ nextWakeUpAt?: string }> {
  const { now, firing } = instants;
  const next = nextWakeUpAfter(plan, now, handled, deps, retryAt);
  await armOrDisarm(applicantId, state, firing, next, deps);
  const overdue = overdueEvents(state, plan, now);
  if (overdue.length > 0) await deps.events.publish(overdue);
  await deps.store.savePlan(applicantId, plan, planSummary(state, plan, now, next, deps));
  return next ? { nextWakeUpAt: next.toISOString() } : {};
}
