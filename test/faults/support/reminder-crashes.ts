import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import { CLAIM_RETRY_MARGIN_MS, CLAIM_STALE_AFTER_MS } from "#usecases/send-due-reminders/claims.ts";
import type { SimApplicant } from "../../bench/support/season.ts";
import { SEASON } from "../../bench/support/season.ts";
import { createWorld, type World } from "./world.ts";

/**
 * Kills the reminder function at one step of one invocation in a season, as a crash would: from
 * that instant on the dying invocation reaches nothing (no catch block releases its claims, no
 * later write happens), and the platform redelivers the same wake-up a minute later (Lambda's
 * asynchronous retry of a failed invocation carries the same event, so the same scheduled time).
 */

export const CRASH_STEPS = ["after-claim", "after-send", "after-mark", "after-arm", "after-publish"] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

/** Where a crash lands: the nth invocation (0-based, in the order the season runs them) at a step. */
export interface CrashPoint {
  invocation: number;
  step: CrashStep;
}

export interface SeasonRun {
  /** Reminder ids SES accepted, per applicant, in order: the truth, recorded or not. */
  accepted: Map<string, string[]>;
  /** Invocations run, including the crashed one and its redelivery. */
  invocations: number;
  /** Invocations that sent an email, per index: what a crash point can aim at. */
  sendingInvocations: number[];
  /** True when the crash point was reached. */
  crashed: boolean;
  /** How many reminders each accepted email held. */
  emailSizes: number[];
  /** When SES first accepted each reminder (epoch ms of the season's clock), per applicant/reminder. */
  firstAcceptedAt: Map<string, number>;
}

class Crash extends Error {
  override readonly name = "Crash";
}

/** The platform's redelivery of a failed asynchronous invocation (Lambda: about a minute, then two). */
export const REDELIVERY_DELAY_MS = 60_000;

export async function runSeason(applicants: SimApplicant[], crash?: CrashPoint): Promise<SeasonRun> {
  const world: World = createWorld({ start: new Date(SEASON.start).toISOString() });
  let invocation = -1;
  let dead = false;
  let crashed = false;
  const die = (step: CrashStep): void => {
    if (crash && !crashed && crash.invocation === invocation && crash.step === step) {
      crashed = true;
      dead = true;
      throw new Crash(`killed ${step} in invocation ${invocation}`);
    }
  };
  /** A dependency call of the reminder function: refused once dead, and the crash point after it. */
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>, after?: CrashStep) => {
    return async (...args: A): Promise<R> => {
      if (dead) throw new Crash("the process is gone");
      const result = await call(...args);
      if (after) die(after);
      return result;
    };
  };
  const deps = world.reminderDeps;
  const { ledger, plans, suppression } = deps;
  deps.applicants.loadApplicant = guard(deps.applicants.loadApplicant.bind(deps.applicants));
  ledger.claimReminders = guard(ledger.claimReminders.bind(ledger), "after-claim");
  ledger.markRemindersSent = guard(ledger.markRemindersSent.bind(ledger), "after-mark");
  ledger.releaseClaims = guard(ledger.releaseClaims.bind(ledger));
  plans.savePlan = guard(plans.savePlan.bind(plans));
  suppression.isSuppressed = guard(suppression.isSuppressed.bind(suppression));
  const mailer = deps.mailer;
  const firstAcceptedAt = new Map<string, number>();
  const send = mailer.send.bind(mailer);
  deps.mailer = {
    send: guard(async (email) => {
      const result = await send(email);
      const last = world.accepted.at(-1);
      for (const id of last?.reminderIds ?? []) {
        const key = `${last?.applicantId}/${id}`;
        if (!firstAcceptedAt.has(key)) firstAcceptedAt.set(key, world.clock.at);
      }
      return result;
    }, "after-send"),
  };
  const wakeUps = deps.wakeUps;
  deps.wakeUps = {
    arm: guard(wakeUps.arm.bind(wakeUps), "after-arm"),
    disarm: guard(wakeUps.disarm.bind(wakeUps)),
  };
  const events = deps.events;
  deps.events = { publish: guard(events.publish.bind(events), "after-publish") };

  const pending = applicants.flatMap((applicant) => applicant.events.map((event) => ({ applicant, event })));
  pending.sort((a, b) => a.event.at - b.event.at);
  const ids = applicants.map((applicant) => applicantIdFor(applicant.externalId));
  const redeliver = new Map<string, { at: number; firedAt: number }>();
  const sendingInvocations: number[] = [];

  for (let guardCount = 0; guardCount < 100_000; guardCount++) {
    const nextEvent = pending[0]?.event.at ?? Number.POSITIVE_INFINITY;
    let nextWake = Number.POSITIVE_INFINITY;
    let who: string | undefined;
    for (const id of ids) {
      const at = redeliver.get(id)?.at ?? world.scheduledAt(id);
      if (at !== undefined && at < nextWake) {
        nextWake = at;
        who = id;
      }
    }
    const at = Math.min(nextEvent, nextWake);
    if (at > SEASON.end) break;
    world.clock.at = Math.max(world.clock.at, at);
    if (nextEvent <= nextWake) {
      const item = pending.shift();
      if (!item) break;
      const applicantId = await world.intake(item.event.submission);
      await world.planOne(applicantId);
      continue;
    }
    if (!who) break;
    const retry = redeliver.get(who);
    invocation++;
    dead = false;
    const acceptedBefore = world.accepted.length;
    try {
      if (retry) {
        redeliver.delete(who);
        await world.deliver(who, retry.firedAt);
      } else {
        await world.fire(who);
      }
    } catch (error) {
      if (!(error instanceof Crash) && !dead) throw error;
      // The dead invocation's event comes back once, with the same scheduled time.
      redeliver.set(who, { at: world.clock.at + REDELIVERY_DELAY_MS, firedAt: retry?.firedAt ?? nextWake });
    } finally {
      dead = false;
    }
    if (world.accepted.length > acceptedBefore) sendingInvocations.push(invocation);
  }
  const accepted = new Map<string, string[]>();
  for (const { applicantId, reminderIds } of world.accepted)
    accepted.set(applicantId, [...(accepted.get(applicantId) ?? []), ...reminderIds]);
  const emailSizes = world.accepted.map(({ reminderIds }) => reminderIds.length);
  return { accepted, invocations: invocation + 1, sendingInvocations, crashed, emailSizes, firstAcceptedAt };
}

/**
 * How much later than in the calm season a reminder may first go out after a kill: the platform's
 * redelivery, then the claim going stale and the retry just after it. Later than this is a reminder
 * re-timed to another slot (a day late, or dropped when its deadline came first).
 */
export const RECOVERY_BOUND_MS = REDELIVERY_DELAY_MS + CLAIM_STALE_AFTER_MS + CLAIM_RETRY_MARGIN_MS;

export interface CrashComparison {
  /** Reminders the calm season sent that the crashed one never did. */
  lost: string[];
  /** Reminders sent, but first more than RECOVERY_BOUND_MS after the calm season sent them. */
  late: string[];
  /** Reminders SES accepted more than once (each extra acceptance counted). */
  duplicates: number;
}

export function compare(calm: SeasonRun, crashed: SeasonRun): CrashComparison {
  const lost: string[] = [];
  const late: string[] = [];
  let duplicates = 0;
  for (const [key, at] of calm.firstAcceptedAt) {
    const got = crashed.firstAcceptedAt.get(key);
    if (got !== undefined && got - at > RECOVERY_BOUND_MS)
      late.push(`${key} (${Math.round((got - at) / 60_000)} min late)`);
  }
  for (const [applicantId, reminders] of calm.accepted) {
    const got = crashed.accepted.get(applicantId) ?? [];
    for (const id of reminders) if (!got.includes(id)) lost.push(`${applicantId}/${id}`);
  }
  for (const got of crashed.accepted.values()) duplicates += got.length - new Set(got).size;
  return { lost, late, duplicates };
}
