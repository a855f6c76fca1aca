import { randomUUID } from "node:crypto";
import type { DueRunReport } from "./clock-control.ts";

/**
 * The sweeper's daily EventBridge schedule rule, on the local clock: a clock move that crosses
 * midnight UTC runs the sweeper there, with the Scheduled Event envelope the rule delivers
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html). The move
 * is cut at that midnight: wake-ups due before it fire first, then the sweep runs at midnight,
 * then the move goes on, so a wake-up the sweep re-arms fires in the same move, at its own time.
 *
 * One sweep per move, at the LAST midnight it crosses: a move of many days is the local stand-in
 * for time passing unwatched, and the sweep at its last midnight sees every wake-up lost on the
 * way (late by then too), at the cost of one sweep instead of one per day (each sweep and each cut
 * costs about 35 DynamoDB Local requests; one per day made a two-month jump take ~10 s). What
 * differs from the cloud: a wake-up lost early in a long jump is repaired at its end, not the next
 * morning, so the reminders it missed on the way arrive as one catch-up digest.
 *
 * The cloud rule should fire at the same time: `cron(0 0 * * ? *)` (daily, 00:00 UTC).
 */
export const SWEEP_RULE_NAME = "matchpath-daily-sweep";
const DAY_MS = 86_400_000;

export interface ScheduledEvent {
  version: "0";
  id: string;
  "detail-type": "Scheduled Event";
  source: "aws.events";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, never>;
}

export function scheduledEvent(at: Date, context: { region: string; account?: string }): ScheduledEvent {
  const account = context.account ?? "000000000000";
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account,
    time: `${at.toISOString().slice(0, 19)}Z`,
    region: context.region,
    resources: [`arn:aws:events:${context.region}:${account}:rule/${SWEEP_RULE_NAME}`],
    detail: {},
  };
}

/** Every midnight UTC after `from` and at or before `to`, in order. */
export function midnightsBetween(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let at = Math.floor(from.getTime() / DAY_MS) * DAY_MS + DAY_MS; at <= to.getTime(); at += DAY_MS) {
    out.push(new Date(at));
  }
  return out;
}

export interface SweepRun {
  /** The midnight the sweep ran at (ISO UTC). */
  at: string;
  /** What the sweeper returned, or its error. */
  result?: unknown;
  error?: string;
}

export type ClockMoveReport = DueRunReport & { sweeps: SweepRun[]; digests: SweepRun[] };

/**
 * The advisors' daily digest schedule on the local clock (the cloud's is an EventBridge Scheduler
 * recurring schedule, `cron(0 <hour> * * ? *)` in UTC, targeting the sweeper with its Input): a move
 * that crosses `hourUtc` runs it there, once per move at the last such instant, like the sweep.
 */
export interface LocalDigestSchedule {
  hourUtc: number;
  /** Invokes the sweeper with the digest schedule's Input, its scheduled time filled in. */
  invoke(scheduledAt: Date): Promise<unknown>;
}

export interface DailySweeperParts {
  clock: { now(): Date };
  /** The local stack's due runner: moves the clock to the instant, firing what falls due. */
  fireDue(target?: Date): Promise<DueRunReport>;
  /** Invokes the sweeper handler with the Scheduled Event. */
  invokeSweeper(event: ScheduledEvent): Promise<unknown>;
  region: string;
  digest?: LocalDigestSchedule;
}

/** A clock mover that runs the daily sweep at every midnight it crosses. Moves are serialised. */
export function createDailySweeper(parts: DailySweeperParts): (target: Date) => Promise<ClockMoveReport> {
  let queue: Promise<unknown> = Promise.resolve();
  return (target) => {
    const run = queue.then(() => move(parts, target));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function move(parts: DailySweeperParts, target: Date): Promise<ClockMoveReport> {
  const from = parts.clock.now();
  const reports: DueRunReport[] = [];
  const sweeps: SweepRun[] = [];
  const digests: SweepRun[] = [];
  const jobs: { at: Date; runs: SweepRun[]; invoke(at: Date): Promise<unknown> }[] = [];
  for (const midnight of midnightsBetween(from, target).slice(-1)) {
    jobs.push({
      at: midnight,
      runs: sweeps,
      invoke: (at) => parts.invokeSweeper(scheduledEvent(at, { region: parts.region })),
    });
  }
  const digest = parts.digest;
  if (digest !== undefined) {
    const hour = digest.hourUtc * 3_600_000;
    const hours = midnightsBetween(new Date(from.getTime() - hour), new Date(target.getTime() - hour));
    for (const midnight of hours.slice(-1)) {
      jobs.push({
        at: new Date(midnight.getTime() + hour),
        runs: digests,
        invoke: (at) => digest.invoke(at),
      });
    }
  }
  for (const job of jobs.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    reports.push(await parts.fireDue(job.at));
    const run: SweepRun = { at: job.at.toISOString() };
    try {
      run.result = await job.invoke(job.at);
    } catch (error) {
      // The target failed: EventBridge would retry it; locally the next day's run does the same work.
      run.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    job.runs.push(run);
  }
  reports.push(await parts.fireDue(target));
  const last = reports[reports.length - 1] as DueRunReport;
  return {
    from: reports[0]?.from ?? from.toISOString(),
    to: last.to,
    woken: reports.flatMap((report) => report.woken),
    emailsSent: reports.reduce((sum, report) => sum + report.emailsSent, 0),
    sweeps,
    digests,
  };
}
