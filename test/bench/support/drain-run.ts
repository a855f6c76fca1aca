import { type SESv2Client, TooManyRequestsException } from "@aws-sdk/client-sesv2";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import type { Reminder } from "#domain/plan.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { ApiError } from "../../deploy/stand-ins/api-error.ts";
import { SesStandIn } from "../../deploy/stand-ins/ses.ts";
import { createWorld, openApplicant } from "../../faults/support/world.ts";

import { MinHeap } from "./min-heap.ts";
/**
 * A whole delivery slot at once: N applicants whose first reminder is due in the same minute, the
 * real planner, reminder use case and adapters in memory (the fault suite's world), EventBridge
 * Scheduler firing every wake-up within its minute, the reminder function as Lambda runs it
 * asynchronously (a queue in front of at most `concurrency` environments, each invocation taking
 * `invocationMs`), and SES as an account with a sending rate (the deploy test's SES stand-in,
 * answering TooManyRequestsException past `sendRate` per second). Virtual time: an hour of drain
 * runs in seconds. Counts every SES-accepted email against the reminders it carried.
 */
export interface DrainOptions {
  applicants: number;
  concurrency: number;
  sendRate: number;
  invocationMs: number;
  seed: number;
}

export interface DrainReport {
  applicants: number;
  /** Applicants whose due reminder was never accepted by SES. */
  lost: number;
  /** Reminders SES accepted more than once. */
  duplicated: number;
  /** Emails accepted after the earliest deadline they announce. */
  afterDeadline: number;
  /** From the slot to the last accepted email, seconds. */
  drainSeconds: number;
  throttled: number;
  retriesArmed: number;
  maxAttempt: number;
  /** Invocations that threw (left to Lambda's retries and the dead-letter queue). */
  failedInvocations: number;
  runMs: number;
}

/** A small deterministic PRNG (mulberry32), so runs are repeatable. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How often (applicants stored, invocations run) the run reports progress. */
const PROGRESS_EVERY = 1_000;

/**
 * Runs one setting. `onProgress` names each step of the long run (applicants stored, invocations
 * run, emails accepted), so the bench watchdog and a person see it move.
 */
export async function runDrain(
  options: DrainOptions,
  onProgress: (step: string) => void = () => undefined,
): Promise<DrainReport> {
  const started = Date.now();
  const random = prng(options.seed);
  const violations: string[] = [];
  let world: ReturnType<typeof createWorld> | undefined;
  const ses = new SesStandIn({
    now: () => world?.clock.at ?? 0,
    identities: ["example.org"],
    configurationSets: [],
    maxSendRate: options.sendRate,
    violations: { list: violations, add: (service, message) => violations.push(`${service}: ${message}`) },
  });
  let throttled = 0;
  const sesClient = {
    send: async (command: { input: never }) => {
      try {
        return ses.sendEmail(command.input);
      } catch (error) {
        if (error instanceof ApiError && error.code === "TooManyRequestsException") {
          throttled += 1;
          throw new TooManyRequestsException({ message: error.message, $metadata: { httpStatusCode: 429 } });
        }
        throw error;
      }
    },
  } as unknown as SESv2Client;
  // The applicants are planned a day ahead; their first reminder is the same rung at the same slot.
  const plannedAt = "2026-05-04T06:00:00.000Z";
  // Scheduler fires each schedule within its minute: every schedule armed (the first wake-ups and
  // the retries) is queued as it is armed; a later version of the same name supersedes it.
  type Fire = { at: number; name: string; version: number };
  const heap = new MinHeap<Fire>();
  world = createWorld({
    start: plannedAt,
    sesClient,
    onScheduleArmed: (name, schedule) =>
      heap.push({ at: schedule.at + Math.floor(random() * 60_000), name, version: schedule.version }),
  });
  const deps = {
    ...world.reminderDeps,
    mailer: new SesMailer(sesClient, { from: "Matchpath <reminders@example.org>" }),
    random,
  };

  // Deadlines of what each email carries: observed where the use case decides what is due.
  const deadlines = new Map<string, number>();
  const dueReminders = deps.planning.dueReminders.bind(deps.planning);
  deps.planning = {
    ...deps.planning,
    dueReminders: (plan, now, sent) => {
      const due: Reminder[] = dueReminders(plan, now, sent);
      for (const reminder of due) deadlines.set(reminder.id, Date.parse(reminder.deadline));
      return due;
    },
  };
  const claimedBy = new Map<string, string[]>();
  const claim = deps.ledger.claimReminders.bind(deps.ledger);
  deps.ledger.claimReminders = async (applicantId, ids, now, stale) => {
    const got = await claim(applicantId, ids, now, stale);
    claimedBy.set(applicantId, got);
    return got;
  };

  // One applicant goes through intake and the planner; the others are its copies under their own
  // ids and addresses (the same items the intake and the planner would write for them), each with
  // its wake-up armed through the adapter, so the setup of 50,000 takes seconds, not an hour.
  const template = openApplicant(`drain-${options.seed}-template`);
  const templateId = await world.intake(template);
  await world.planOne(templateId);
  const slot = world.scheduledAt(templateId);
  if (slot === undefined) throw new Error("the template applicant has no wake-up");
  const templateItems = world.table.partitionItems(keys.applicantPk(templateId));
  const documents = world.table.client("setup");
  const ids: string[] = [templateId];
  const rename = (value: unknown, id: string, email: string): unknown => {
    if (typeof value === "string")
      return value.replaceAll(templateId, id).replaceAll(template.applicant.email, email);
    if (Array.isArray(value)) return value.map((item) => rename(item, id, email));
    if (value && typeof value === "object" && !(value instanceof Uint8Array))
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rename(item, id, email)]));
    return value;
  };
  for (let index = 1; index < options.applicants; index++) {
    const id = applicantIdFor(`drain-${options.seed}-${index}`);
    const email = `drain-${index}@example.org`;
    for (const item of templateItems)
      await documents.send(
        new PutCommand({ TableName: "faults", Item: rename(item, id, email) as Record<string, unknown> }),
      );
    await world.planDeps.wakeUps.arm(id, new Date(slot));
    ids.push(id);
    if ((index + 1) % PROGRESS_EVERY === 0)
      onProgress(`${index + 1}/${options.applicants} applicants stored`);
  }

  const workers = Array.from({ length: options.concurrency }, () => slot);
  const accepted = new Map<string, number>();
  let lastAccepted = slot;
  let afterDeadline = 0;
  let retriesArmed = 0;
  let maxAttempt = 0;
  let failedInvocations = 0;
  const sentBefore = () => ses.sent.length;
  const horizon = slot + 6 * 3_600_000;

  let invocations = 0;
  for (let fire = heap.pop(); fire !== undefined; fire = heap.pop()) {
    if (fire.at > horizon) break;
    if (++invocations % PROGRESS_EVERY === 0)
      onProgress(`${invocations} invocations, ${ses.sent.length} emails accepted`);
    const schedule = world.scheduler.schedules.get(fire.name);
    if (!schedule || schedule.version !== fire.version) continue;
    // The earliest free environment takes the next event in the queue.
    let worker = 0;
    for (let w = 1; w < workers.length; w++)
      if ((workers[w] as number) < (workers[worker] as number)) worker = w;
    const start = Math.max(fire.at, workers[worker] as number);
    workers[worker] = start + options.invocationMs;
    world.clock.at = start;
    world.scheduler.fired(fire.name);
    const { applicantId, plannedFor, attempt } = schedule.event;
    maxAttempt = Math.max(maxAttempt, attempt ?? 0);
    const before = sentBefore();
    try {
      const result = await sendDueReminders(
        applicantId,
        new Date(plannedFor ?? schedule.at),
        deps,
        attempt ? { attempt } : {},
      );
      if (result.outcome === "retry-armed") retriesArmed += 1;
      if (sentBefore() > before) {
        lastAccepted = Math.max(lastAccepted, start);
        for (const id of claimedBy.get(applicantId) ?? []) {
          const key = `${applicantId}/${id}`;
          accepted.set(key, (accepted.get(key) ?? 0) + 1);
          if (start > (deadlines.get(id) ?? Number.POSITIVE_INFINITY)) afterDeadline += 1;
        }
      }
    } catch {
      failedInvocations += 1;
    }
  }

  const reached = new Set([...accepted.keys()].map((key) => key.slice(0, key.indexOf("/"))));
  const lost = ids.filter((id) => !reached.has(id)).length;
  const duplicated = [...accepted.values()].filter((count) => count > 1).length;
  if (violations.length > 0) throw new Error(`SES refused requests: ${violations.slice(0, 3).join("; ")}`);
  return {
    applicants: options.applicants,
    lost,
    duplicated,
    afterDeadline,
    drainSeconds: Math.round((lastAccepted - slot) / 1000),
    throttled,
    retriesArmed,
    maxAttempt,
    failedInvocations,
    runMs: Date.now() - started,
  };
}
