import type { SchedulerClient } from "@aws-sdk/client-scheduler";
import type { SESv2Client } from "@aws-sdk/client-sesv2";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { EventBridgeWakeUpScheduler } from "#adapters/scheduler/eventbridge-scheduler.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { CallCounter } from "#test/bench/support/call-counter.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { type PlanApplicantsDeps, planApplicants } from "#usecases/plan-applicants.ts";
import type { Planning } from "#usecases/planning.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import {
  type SendDueRemindersDeps,
  type SendResult,
  sendDueReminders,
} from "#usecases/send-due-reminders.ts";
import { FakeEventBridge, type FakeSchedule, FakeScheduler, FakeSes } from "../../bench/support/fake-aws.ts";
import { MemoryTable } from "../../bench/support/memory-table.ts";

/**
 * A whole Matchpath in memory for fault tests: the real use cases on the real adapters, whose
 * AWS clients are the bench's behaving in-memory services (DynamoDB with conditions and
 * transactions, EventBridge Scheduler whose fired one-time schedules delete themselves, SES,
 * PutEvents), every call counted. Faults are injected at the client (`table.failNext`,
 * `scheduler.failNext`, `ses.failNext`) exactly where AWS would raise them.
 */

export interface World {
  clock: { at: number; now(): Date };
  table: MemoryTable;
  scheduler: FakeScheduler;
  ses: FakeSes;
  counter: CallCounter;
  calendar: { current: SeasonCalendar };
  planDeps: PlanApplicantsDeps;
  reminderDeps: SendDueRemindersDeps;
  intake(snapshot: unknown): Promise<string>;
  /** The stream → planner step for one applicant (what the event-source mapping does). */
  planOne(applicantId: string): Promise<void>;
  /** Scheduler firing the applicant's schedule: it deletes itself, then the reminder runs. */
  fire(applicantId: string, options?: { at?: number }): Promise<SendResult>;
  /** A (re)delivery of a wake-up fired at `firedAt`, without touching the schedule. */
  deliver(applicantId: string, firedAt: number, attempt?: number): Promise<SendResult>;
  /** Reminder ids of every email the reminder function reported sent, in order. */
  emails: string[][];
  /**
   * Reminder ids of every email SES accepted, whether or not the function lived to record it (the
   * claimed ids at the moment the mailer returned): the ground truth for "lost" and "sent twice".
   */
  accepted: { applicantId: string; reminderIds: string[] }[];
  scheduledAt(applicantId: string): number | undefined;
  sentLedger(applicantId: string): { reminderId: string; messageId: string; sentAt: string }[];
}

export function createWorld(options: {
  start: string;
  sesClient?: SESv2Client;
  /** Another Scheduler behind the adapters (the deploy test's stand-in); `world.fire` needs the fake. */
  schedulerClient?: SchedulerClient;
  /** Told about every schedule the fake Scheduler creates or moves (the drain bench fires them). */
  onScheduleArmed?: (name: string, schedule: FakeSchedule) => void;
}): World {
  const counter = new CallCounter();
  const clock = { at: Date.parse(options.start), now: () => new Date(clock.at) };
  const table = new MemoryTable({ counter });
  const scheduler = new FakeScheduler(counter, options.onScheduleArmed);
  const ses = new FakeSes(counter, true);
  const bus = new FakeEventBridge(counter);
  const calendar = { current: seasonCalendar(2027) };
  const planning: Planning = {
    plan: (state, now) =>
      plan(
        { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
        calendar.current,
        now,
      ),
    planHash,
    dueReminders,
    nextWakeUp,
  };
  const schedulerOptions = {
    groupName: "matchpath",
    roleArn: "arn:aws:iam::000000000000:role/scheduler",
    reminderFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:reminder",
    deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:dlq",
    maxRetryAttempts: 185,
    maxEventAgeSeconds: 86_400,
  };
  const store = (scope: string) => dynamoRepositories({ client: table.client(scope), tableName: "faults" });
  const planDeps: PlanApplicantsDeps = {
    ...store("planner"),
    wakeUps: new EventBridgeWakeUpScheduler(
      options.schedulerClient ?? scheduler.client("planner"),
      schedulerOptions,
      clock.now,
    ),
    events: new EventBridgePublisher(bus.client("planner"), "matchpath"),
    clock,
    planning,
  };
  const reminderDeps: SendDueRemindersDeps = {
    ...store("reminder"),
    wakeUps: new EventBridgeWakeUpScheduler(
      options.schedulerClient ?? scheduler.client("reminder"),
      schedulerOptions,
      clock.now,
    ),
    events: new EventBridgePublisher(bus.client("reminder"), "matchpath"),
    mailer: new SesMailer(options.sesClient ?? ses.client("reminder"), { from: "Matchpath <r@example.org>" }),
    clock,
    planning,
    unsubscribeUrl: async (applicantId) => `https://matchpath.example/unsubscribe?token=${applicantId}`,
  };
  // Observe what SES accepted: the ids claimed by the run in progress when the mailer returns.
  let claimed: { applicantId: string; reminderIds: string[] } = { applicantId: "", reminderIds: [] };
  let runs = 0;
  let claimedRun = -1;
  const reminderStore = reminderDeps.ledger;
  const claimReminders = reminderStore.claimReminders.bind(reminderStore);
  reminderStore.claimReminders = async (applicantId, ids, now, staleAfterMs, slotAt) => {
    const got = await claimReminders(applicantId, ids, now, staleAfterMs, slotAt);
    // One run may claim twice (what is due now, then stale claims recovered at their slot).
    claimed =
      claimed.applicantId === applicantId && claimedRun === runs
        ? { applicantId, reminderIds: [...claimed.reminderIds, ...got] }
        : { applicantId, reminderIds: got };
    claimedRun = runs;
    return got;
  };
  const mailer = reminderDeps.mailer;
  reminderDeps.mailer = {
    send: async (email) => {
      const result = await mailer.send(email);
      world.accepted.push(claimed);
      return result;
    },
  };
  const world: World = {
    clock,
    table,
    scheduler,
    ses,
    counter,
    calendar,
    planDeps,
    reminderDeps,
    async intake(snapshot) {
      const result = await receiveSubmission(snapshot, "webhook", {
        intake: store("http-api").intake,
        clock,
      });
      return result.applicantId;
    },
    async planOne(applicantId) {
      const [result] = await planApplicants([applicantId], planDeps);
      if (result && !result.ok) throw result.error;
    },
    async fire(applicantId, fireOptions = {}) {
      const pending = scheduler.pendingFor(applicantId);
      const at = fireOptions.at ?? pending?.schedule.at;
      if (at === undefined) throw new Error(`no schedule armed for ${applicantId}`);
      if (pending) scheduler.fired(pending.name);
      // The reminder plans at the instant the wake-up was planned for (the event's plannedFor).
      const plannedFor = fireOptions.at === undefined ? pending?.schedule.event.plannedFor : undefined;
      const attempt = fireOptions.at === undefined ? pending?.schedule.event.attempt : undefined;
      return world.deliver(applicantId, plannedFor ? Date.parse(plannedFor) : at, attempt);
    },
    async deliver(applicantId, firedAt, attempt) {
      runs++;
      const result = await sendDueReminders(
        applicantId,
        new Date(firedAt),
        reminderDeps,
        attempt ? { attempt } : {},
      );
      if (result.outcome === "sent") world.emails.push(result.reminderIds);
      return result;
    },
    emails: [],
    accepted: [],
    scheduledAt(applicantId) {
      return scheduler.pendingFor(applicantId)?.schedule.at;
    },
    sentLedger(applicantId) {
      return table
        .partitionItems(keys.applicantPk(applicantId))
        .filter((item) => item.entity === "reminder" && item.status === "sent")
        .map((item) => ({
          reminderId: String(item.reminderId),
          messageId: String(item.messageId),
          sentAt: String(item.sentAt),
        }));
    },
  };
  return world;
}

/** An applicant early in the season with most of the ERAS path open: many reminders ahead. */
export function openApplicant(externalId: string): ApplicantSnapshot {
  return {
    type: "applicant.snapshot",
    submissionId: `${externalId}-intake`,
    applicant: {
      externalId,
      email: `${externalId}@example.org`,
      fullName: "Ngozi Adeyemi",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2023-06-30",
      medicalSchool: { name: "University of Ibadan", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 90,
    },
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2023-07-01" },
      { key: "ecfmg_application", status: "done", date: "2023-08-01" },
      { key: "usmle_step1", status: "done", date: "2024-03-01" },
      { key: "usmle_step2ck", status: "done", date: "2025-05-01" },
      { key: "oet_medicine", status: "done", date: "2025-01-10" },
      { key: "lors", status: "in_progress" },
      { key: "personal_statement", status: "not_started" },
      { key: "cv", status: "not_started" },
      { key: "program_list", status: "not_started" },
      { key: "eras_token", status: "not_started" },
      { key: "eras_application", status: "not_started" },
      { key: "nrmp_registration", status: "not_started" },
    ],
    interviews: [],
  };
}

export { applicantIdFor };
