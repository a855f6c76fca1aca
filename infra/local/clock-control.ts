import { DateTime, Duration } from "luxon";
import * as z from "zod";

/**
 * The local-only clock control: where `POST /local/clock` moves the clock, and the loop that then
 * fires every wake-up that falls due, in time order, stepping the clock to each due instant so each
 * reminder is delivered at its own time (a reminder whose deadline has passed by the time it is
 * delivered is rightly skipped, so jumping straight to the end would lose most of a season).
 */

export const ClockCommandSchema = z.union([
  z
    .object({
      now: z.iso.datetime({
        offset: true,
        message: "must be an ISO 8601 date-time with a UTC offset, e.g. 2026-09-01T09:00:00Z",
      }),
    })
    .strict(),
  z
    .object({
      advance: z.string().refine((value) => isPositiveDuration(value), {
        message: "must be a positive ISO 8601 duration, e.g. P7D, PT12H or P1M",
      }),
    })
    .strict(),
]);
export type ClockCommand = z.infer<typeof ClockCommandSchema>;

function isPositiveDuration(value: string): boolean {
  const duration = Duration.fromISO(value);
  return duration.isValid && duration.toMillis() > 0;
}

/**
 * The instant a clock command asks for. Durations are calendar-aware in UTC: from 31 January,
 * "P1M" lands on 28 February (or 29th), as luxon and ISO 8601 define it.
 */
export function clockTarget(command: ClockCommand, now: Date): Date {
  if ("now" in command) return new Date(command.now);
  return DateTime.fromJSDate(now, { zone: "utc" }).plus(Duration.fromISO(command.advance)).toJSDate();
}

export interface DueWakeUp {
  applicantId: string;
  at: Date;
}

export interface ControllableClock {
  now(): Date;
  set(instant: Date): void;
}

export interface DueRunnerParts {
  clock: ControllableClock;
  /** Wake-ups due at or before the instant, any order. */
  listDue(now: Date): Promise<DueWakeUp[]>;
  /** Invokes the reminder function as EventBridge Scheduler would for this wake-up; resolves with its result. */
  invokeReminder(wakeUp: DueWakeUp): Promise<unknown>;
  /** Resolves when every stream record written so far reached the planner. */
  drainStream(): Promise<void>;
  /** Emails the SES emulator stored so far (the delta is what a run sent). */
  countEmails(): Promise<number>;
}

export interface FiredWakeUp {
  applicantId: string;
  /** The instant the wake-up was armed for (ISO UTC). */
  at: string;
  /** The clock's reading when the reminder function ran (ISO UTC). */
  firedAt: string;
  /** What the reminder function reported (its `outcome`, e.g. "sent" or "nothing-due"), if it said. */
  outcome?: string;
  /** The next wake-up it armed (ISO UTC), if it said. */
  nextWakeUpAt?: string;
  /** Present when the reminder function threw: Scheduler would retry; locally it waits for the next run. */
  error?: string;
}

export interface DueRunReport {
  from: string;
  to: string;
  woken: FiredWakeUp[];
  emailsSent: number;
}

/** A run stops after this many wake-ups: a reminder that keeps re-arming in the past is a bug, not a season. */
const MAX_WAKE_UPS_PER_RUN = 5_000;

/**
 * Moves the clock to `target`, firing everything due on the way. Runs are serialised: two clock
 * requests never interleave. A wake-up that is still due after its reminder ran (e.g. the function
 * failed) is not fired again in the same run, so the loop always ends.
 */
export function createDueRunner(parts: DueRunnerParts): (target?: Date) => Promise<DueRunReport> {
  let queue: Promise<unknown> = Promise.resolve();
  return (target) => {
    const run = queue.then(() => runUntil(parts, target));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function runUntil(parts: DueRunnerParts, requested: Date | undefined): Promise<DueRunReport> {
  const { clock } = parts;
  const from = clock.now();
  const target = requested ?? from;
  // Backwards (or to the present): set first, then fire what is due at the new reading.
  if (target.getTime() <= from.getTime()) clock.set(target);
  const emailsBefore = await parts.countEmails();
  const woken: FiredWakeUp[] = [];
  const fired = new Set<string>();

  await parts.drainStream();
  for (;;) {
    const horizon = target.getTime() > clock.now().getTime() ? target : clock.now();
    const due = (await parts.listDue(horizon))
      .map((wakeUp) => ({ applicantId: wakeUp.applicantId, at: new Date(wakeUp.at) }))
      .filter((wakeUp) => !fired.has(firedKey(wakeUp)))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.applicantId.localeCompare(b.applicantId));
    const earliest = due[0];
    if (earliest === undefined) break;
    if (earliest.at.getTime() > clock.now().getTime()) clock.set(earliest.at);
    const reading = clock.now().getTime();
    for (const wakeUp of due.filter((candidate) => candidate.at.getTime() <= reading)) {
      fired.add(firedKey(wakeUp));
      const record: FiredWakeUp = {
        applicantId: wakeUp.applicantId,
        at: wakeUp.at.toISOString(),
        firedAt: clock.now().toISOString(),
      };
      try {
        const result = await parts.invokeReminder(wakeUp);
        if (typeof result === "object" && result !== null) {
          const { outcome, nextWakeUpAt } = result as { outcome?: unknown; nextWakeUpAt?: unknown };
          if (typeof outcome === "string") record.outcome = outcome;
          if (typeof nextWakeUpAt === "string") record.nextWakeUpAt = nextWakeUpAt;
        }
      } catch (error) {
        record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      woken.push(record);
    }
    if (woken.length >= MAX_WAKE_UPS_PER_RUN) {
      throw new Error(
        `more than ${MAX_WAKE_UPS_PER_RUN} wake-ups in one clock move: is a wake-up re-arming itself?`,
      );
    }
    await parts.drainStream();
  }
  if (target.getTime() > clock.now().getTime()) clock.set(target);
  return {
    from: from.toISOString(),
    to: clock.now().toISOString(),
    woken,
    emailsSent: (await parts.countEmails()) - emailsBefore,
  };
}

function firedKey(wakeUp: DueWakeUp): string {
  return `${wakeUp.applicantId}@${wakeUp.at.getTime()}`;
}
