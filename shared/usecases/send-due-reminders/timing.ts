import type { Reminder } from "#domain/plan.ts";

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
