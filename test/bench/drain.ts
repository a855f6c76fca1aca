import { Worker } from "node:worker_threads";
import { type SESv2Client, TooManyRequestsException } from "@aws-sdk/client-sesv2";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import type { Reminder } from "#domain/plan.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { ApiError } from "../deploy/stand-ins/api-error.ts";
import { SesStandIn } from "../deploy/stand-ins/ses.ts";
import { createWorld, openApplicant } from "../faults/support/world.ts";
import { atLeast, type BenchSuite, below, type Figure, info } from "./lib/report.ts";

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

/** A binary min-heap on `at`: the next wake-up to fire. */
class Heap<T extends { at: number }> {
  private readonly items: T[] = [];

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as T).at <= (items[i] as T).at) break;
      [items[parent], items[i]] = [items[i] as T, items[parent] as T];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && (items[left] as T).at < (items[smallest] as T).at) smallest = left;
      if (right < items.length && (items[right] as T).at < (items[smallest] as T).at) smallest = right;
      if (smallest === i) break;
      [items[smallest], items[i]] = [items[i] as T, items[smallest] as T];
      i = smallest;
    }
    return top;
  }
}

export async function runDrain(options: DrainOptions): Promise<DrainReport> {
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
  const heap = new Heap<Fire>();
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
  const claim = deps.store.claimReminders.bind(deps.store);
  deps.store.claimReminders = async (applicantId, ids, now, stale) => {
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

  for (let fire = heap.pop(); fire !== undefined; fire = heap.pop()) {
    if (fire.at > horizon) break;
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

export const drainSuite: BenchSuite = {
  name: "drain",
  description:
    "50,000 reminders due in the same minute (5,000 with --quick) against SES at 14 sends per second (a new production account's rate), with the real planner, reminder use case and adapters in memory: EventBridge Scheduler fires every wake-up within its minute, Lambda runs the reminder function asynchronously with at most `concurrency` environments at once (0.3 s per invocation), and SES answers TooManyRequestsException past its rate; each setting runs on its own worker thread. A throttled send releases its claims and arms a jittered retry wake-up before the deadline (shared/usecases/send-due-reminders/timing.ts). Two settings: reserved concurrency 4 (`reminderConcurrency`, about the rate × 0.3 s), and a new account's shared pool of 10 with no reservation. Virtual time (test/bench/drain.ts).",
  async run({ quick }) {
    const applicants = quick ? 5_000 : 50_000;
    const figures: Figure[] = [];
    const settings = [
      ["reserved4", 4],
      ["pool10", 10],
    ] as const;
    process.stdout.write(`  ${applicants} applicants, ${settings.length} settings on their own threads...\n`);
    const reports = await Promise.all(
      settings.map(([, concurrency]) =>
        drainOnThread({ applicants, concurrency, sendRate: 14, invocationMs: 300, seed: 12 }),
      ),
    );
    for (const [index, [label]] of settings.entries()) {
      const report = reports[index] as DrainReport;
      const name = `drain.${label}`;
      figures.push(
        below(`${name}.lost`, report.lost, "applicants", 1, "target 0"),
        below(`${name}.duplicated`, report.duplicated, "reminders", 1, "target 0"),
        below(`${name}.after_deadline`, report.afterDeadline, "emails", 1, "target 0"),
        below(
          `${name}.failed_invocations`,
          report.failedInvocations,
          "invocations",
          1,
          "left to Lambda retries and the DLQ; target 0",
        ),
        info(
          `${name}.drain_time`,
          round(report.drainSeconds / 60, 1),
          "minutes",
          `${applicants} emails at 14/s; ${round(report.applicants / Math.max(1, report.drainSeconds))} per s`,
        ),
        info(
          `${name}.throttled_sends`,
          report.throttled,
          "SendEmail calls",
          `retries armed ${report.retriesArmed}, highest attempt ${report.maxAttempt}`,
        ),
        atLeast(
          `${name}.applicants`,
          report.applicants,
          "applicants",
          applicants,
          `simulated in ${round(report.runMs / 1000, 0)} s`,
        ),
      );
    }
    return figures;
  },
};

/** `runDrain` on a worker thread, so the settings share the machine's cores. */
function drainOnThread(options: DrainOptions): Promise<DrainReport> {
  return new Promise((resolve, reject) => {
    // Node 20 does not hand a worker's .ts entry to tsx's loader: register it in the worker first.
    const entry = new URL("./support/drain-worker.ts", import.meta.url).href;
    const worker = new Worker(
      `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: options },
    );
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`drain worker exited with ${code}`));
    });
  });
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
