import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { EventBridgeWakeUpScheduler } from "#adapters/scheduler/eventbridge-scheduler.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { CallCounter, type OperationTally } from "#test/bench/support/call-counter.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { FakeEventBridge, FakeScheduler, FakeSes } from "./fake-aws.ts";
import { MemoryTable } from "./memory-table.ts";
import { MinHeap } from "./min-heap.ts";
import { SEASON, type SimApplicant, simApplicant } from "./season.ts";
import {
  emptyTotals,
  PlanObserver,
  type SeasonTotals,
  type SentReminder,
  scoreApplicant,
} from "./season-metrics.ts";

/**
 * The season in memory: the real use cases (receiveSubmission, planApplicants, sendDueReminders)
 * on the real adapters (the Dynamo repositories, EventBridgeWakeUpScheduler, SesMailer,
 * EventBridgePublisher) whose AWS clients are served in memory and counted. A simulated clock
 * stands in for time; the fake Scheduler fires each applicant's one schedule at its instant, and
 * the stream is modelled as "every accepted intake runs the planner once" (an upper bound: the
 * event-source mapping batches, and an unchanged resubmission writes nothing and wakes no one).
 *
 * Applicants are run in cohorts, each through the whole season, so memory stays bounded at
 * national scale; "peak outstanding schedules" is summed across cohorts on a minute timeline.
 */

export interface MemorySeasonOptions {
  /** Applicant indexes [first, last) of the seeded season. */
  first: number;
  last: number;
  seed: number;
  cohort?: number;
  /**
   * Called when a cohort is scored (`done` applicants so far) and, inside a cohort's season, each
   * time the simulated clock enters a new month (`simulatedAt`, ms since the epoch): the long phase
   * shows it moves.
   */
  onProgress?: (done: number, simulatedAt: number) => void;
  /** Makes the plan observer to score with, given the simulated clock (the diagnostic's keeps every plan). */
  observer?: (clockNow: () => number) => PlanObserver;
}

export interface SeasonCounts {
  /** Calls per function:service/operation, with DynamoDB capacity units. */
  tallies: OperationTally[];
  /** The same DynamoDB write units split by item written (`operation action kind`, requests = items; in-memory store only). */
  writeUnitsByItem?: OperationTally[];
  intakes: number;
  plannerRuns: number;
  wakeUps: number;
  schedulerInvocations: number;
  eventEntries: number;
  /** CPU milliseconds spent in each function's use case (compute only; I/O is in memory). */
  computeMs: { intake: number; planner: number; reminder: number };
  peakSchedules: number;
}

export interface SeasonReport extends SeasonCounts {
  applicants: number;
  totals: SeasonTotals;
  runMs: number;
  store: "memory" | "local";
}

/** One worker's share of the season, before merging (the schedule timeline still unsummed). */
export interface PartialSeason extends Omit<SeasonReport, "peakSchedules"> {
  timeline: Int32Array;
}

const MINUTE = 60_000;

type Entry =
  | { at: number; seq: number; kind: "event"; applicant: SimApplicant; index: number }
  | { at: number; seq: number; kind: "fire"; name: string; applicantId: string; version: number };

export const TIMELINE_START = SEASON.start - 400 * 86_400_000;
export const TIMELINE_MINUTES = Math.ceil((SEASON.end + 30 * 86_400_000 - TIMELINE_START) / MINUTE);

export async function runMemorySeason(options: MemorySeasonOptions): Promise<PartialSeason> {
  const started = Date.now();
  const counter = new CallCounter();
  const itemUnits = new CallCounter();
  const cohortSize = options.cohort ?? 2_000;
  const totals = emptyTotals();
  const clock = { at: SEASON.start, now: () => new Date(clockAt()) };
  const clockAt = () => clock.at;
  const observer = options.observer?.(clockAt) ?? new PlanObserver(clockAt);
  const planning = observer.wrap(domainPlanning);
  const timelineStart = TIMELINE_START;
  const timeline = new Int32Array(TIMELINE_MINUTES);
  const mark = (delta: number) => {
    const slot = Math.min(timeline.length - 1, Math.max(0, Math.floor((clock.at - timelineStart) / MINUTE)));
    timeline[slot] = (timeline[slot] ?? 0) + delta;
  };
  const counts = {
    intakes: 0,
    plannerRuns: 0,
    wakeUps: 0,
    schedulerInvocations: 0,
    computeMs: { intake: 0, planner: 0, reminder: 0 },
  };
  const ses = new FakeSes(counter);
  const events = new FakeEventBridge(counter);
  const run = `s${options.seed}`;

  for (let first = options.first; first < options.last; first += cohortSize) {
    const last = Math.min(options.last, first + cohortSize);
    const heap = new MinHeap<Entry>();
    let seq = 0;
    const table = new MemoryTable({ counter, itemUnits });
    const storeFor = (scope: string) => dynamoRepositories({ client: table.client(scope), tableName: "sim" });
    const scheduler = new FakeScheduler(
      counter,
      (name, schedule) => {
        const applicantId = schedule.event.applicantId;
        if (applicantId)
          heap.push({
            at: schedule.at,
            seq: seq++,
            kind: "fire",
            name,
            applicantId,
            version: schedule.version,
          });
      },
      mark,
    );
    const schedulerOptions = {
      groupName: "matchpath",
      roleArn: "arn:aws:iam::000000000000:role/scheduler",
      reminderFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:reminder",
      deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:dlq",
      maxRetryAttempts: 185,
      maxEventAgeSeconds: 86_400,
    };
    // Each function's composition root: the planner's and the reminder's schedulers.
    const wakeUps = new EventBridgeWakeUpScheduler(scheduler.client("planner"), schedulerOptions, clock.now);
    const reminderWakeUps = new EventBridgeWakeUpScheduler(
      scheduler.client("reminder"),
      schedulerOptions,
      clock.now,
    );
    const intakeDeps = { intake: storeFor("http-api").intake, clock };
    const planDeps = {
      ...storeFor("planner"),
      wakeUps,
      events: new EventBridgePublisher(events.client("planner"), "matchpath"),
      clock,
      planning,
    };
    const mailer = new SesMailer(ses.client("reminder"), { from: "Matchpath <reminders@example.org>" });
    const reminderDeps = {
      ...planDeps,
      ...storeFor("reminder"),
      events: new EventBridgePublisher(events.client("reminder"), "matchpath"),
      wakeUps: reminderWakeUps,
      mailer,
      unsubscribeUrl: async (applicantId: string) =>
        `https://matchpath.example/unsubscribe?token=${applicantId}`,
    };

    const cohort: SimApplicant[] = [];
    for (let index = first; index < last; index++) {
      const applicant = simApplicant(options.seed, index, run);
      cohort.push(applicant);
      applicant.events.forEach((event, position) => {
        heap.push({ at: event.at, seq: seq++, kind: "event", applicant, index: position });
      });
    }

    let nextMonth = SEASON.start;
    for (let entry = heap.pop(); entry !== undefined; entry = heap.pop()) {
      if (entry.at > SEASON.end) break;
      clock.at = Math.max(clock.at, entry.at);
      if (clock.at >= nextMonth) {
        nextMonth = monthAfter(clock.at);
        options.onProgress?.(first - options.first, clock.at);
      }
      if (entry.kind === "event") {
        const event = entry.applicant.events[entry.index];
        if (!event) continue;
        let cpu = performance.now();
        const result = await receiveSubmission(event.submission, "webhook", intakeDeps);
        counts.computeMs.intake += cpuMs(cpu);
        counts.intakes += 1;
        if (result.outcome === "duplicate") continue;
        cpu = performance.now();
        const [planned] = await planApplicants([result.applicantId], planDeps);
        counts.computeMs.planner += cpuMs(cpu);
        counts.plannerRuns += 1;
        if (planned && !planned.ok) throw planned.error;
        continue;
      }
      const current = scheduler.schedules.get(entry.name);
      if (current?.version !== entry.version) continue;
      counts.schedulerInvocations += 1;
      const { plannedFor, attempt } = current.event;
      scheduler.fired(entry.name);
      const cpu = performance.now();
      // As the reminder function reads its event: it plans at the instant the wake-up was planned for.
      await sendDueReminders(
        entry.applicantId,
        new Date(plannedFor ?? entry.at),
        reminderDeps,
        attempt ? { attempt } : {},
      );
      counts.computeMs.reminder += cpuMs(cpu);
      counts.wakeUps += 1;
    }
    clock.at = SEASON.start;
    // Schedules still pending at the season's end stay counted until then.

    for (const applicant of cohort) {
      const applicantId = applicantIdFor(applicant.externalId);
      const sent: SentReminder[] = table
        .partitionItems(keys.applicantPk(applicantId))
        .filter((item) => item.entity === "reminder" && item.status === "sent")
        .map((item) => ({
          reminderId: String(item.reminderId),
          messageId: String(item.messageId),
          sentAt: Date.parse(String(item.sentAt)),
        }));
      scoreApplicant(totals, applicant, applicantId, sent, observer, SEASON.end);
      observer.forget(applicantId);
    }
    options.onProgress?.(last - options.first, SEASON.end);
  }

  return {
    tallies: counter.snapshot(),
    writeUnitsByItem: itemUnits.snapshot(),
    ...counts,
    applicants: options.last - options.first,
    eventEntries: events.entries,
    timeline,
    totals,
    runMs: Date.now() - started,
    store: "memory",
  };
}

/** The highest number of schedules pending at once, from summed per-minute creates and deletes. */
/** The first instant of the UTC month after `at`. */
function monthAfter(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Wall time of in-memory work on one thread: compute, since nothing waits on I/O. */
function cpuMs(start: number): number {
  return performance.now() - start;
}
