import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import type { DueRunReport } from "#local/clock-control.ts";
import type { LocalStack } from "#local/stack-options.ts";
import type { CallCounter } from "#test/bench/support/call-counter.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { atLeast, below, type Figure, info, percentile } from "../lib/report.ts";
import { byOperation, per, postSigned, RUN, round, snapshotFor, sustained } from "./pipeline-traffic.ts";

/**
 * The pipeline bench's phases on one local stack, each returning its figures: first snapshots
 * (latency, calls per intake and per planned applicant), milestone updates, one clock move that
 * fires the due wake-ups (calls per reminder email), and the sustained intake rate.
 */
export interface PipelineRun {
  stack: LocalStack;
  counter: CallCounter;
  /** A client straight to DynamoDB Local, uncounted: polling for wake-ups, the direct-write rate. */
  direct: DynamoDBDocumentClient;
  quick: boolean;
  /** Names the step the run is in (the bench watchdog restarts its stall clock on each). */
  progress: (step: string) => void;
}

const DAY_MS = 86_400_000;

/** Posts `total` first snapshots one at a time, timing each until the planner armed its wake-up. */
export async function firstSnapshots({ stack, counter, direct, quick }: PipelineRun): Promise<Figure[]> {
  const total = quick ? 60 : 500;
  const latencies: number[] = [];
  let unarmed = 0;
  counter.reset();
  for (let n = 0; n < total; n++) {
    const snapshot = snapshotFor(n);
    const applicantId = applicantIdFor(snapshot.applicant.externalId);
    const started = performance.now();
    const status = await postSigned(stack.urls.api, stack.webhookSecret, snapshot, `msg_${RUN}_${n}`);
    if (status !== 202) throw new Error(`intake ${n} answered ${status}`);
    let armed = false;
    while (performance.now() - started < 5000) {
      const item = await direct.send(
        new GetCommand({ TableName: stack.tableName, Key: keys.wakeUp(applicantId) }),
      );
      if (item.Item) {
        armed = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (armed) latencies.push(performance.now() - started);
    else unarmed++;
  }
  await stack.drain();
  latencies.sort((a, b) => a - b);
  const calls = counter.snapshot();
  const intake = per(calls, "http-api", "dynamodb", total);
  const planned = per(calls, "planner", "dynamodb", total);
  return [
    info(
      "pipeline.intake_to_wakeup_p50",
      round(percentile(latencies, 0.5), 1),
      "ms",
      `${latencies.length} submissions`,
    ),
    below(
      "pipeline.intake_to_wakeup_p99",
      round(percentile(latencies, 0.99), 1),
      "ms",
      1000,
      `${unarmed} of ${total} had nothing to arm within 5 s`,
    ),
    info(
      "calls.per_intake.dynamodb_requests",
      round(intake.requests),
      "requests",
      "http-api: Query + TransactWriteItems",
    ),
    info(
      "calls.per_intake.dynamodb_wcu",
      round(intake.wcu, 1),
      "WCU",
      `first snapshot of a new applicant, in one transaction; by operation: ${byOperation(calls, "http-api", "dynamodb", total, "wcu")}`,
    ),
    info("calls.per_intake.dynamodb_rcu", round(intake.rcu, 1), "RCU"),
    info(
      "calls.per_planned_applicant.dynamodb_requests",
      round(planned.requests),
      "requests",
      `planner: Query + TransactWriteItems(plan, PlanChanged copy, profile check); measured ${byOperation(calls, "planner", "dynamodb", total)} (a second Query when a stream batch splits one intake)`,
    ),
    info(
      "calls.per_planned_applicant.dynamodb_wcu",
      round(planned.wcu, 1),
      "WCU",
      `a first plan: one transaction (2 WCU per KB of each item) of the PLAN item (the plan's summary, its scheduled reminders brotli-compressed and its gzipped cohort row: about 2 KB; the plan itself is not stored), the PlanChanged copy and the profile check, plus the PLAN item's index entries (the wake-up's keys in GSI1, the cohort row in GSI2); by operation: ${byOperation(calls, "planner", "dynamodb", total, "wcu")}`,
    ),
    info(
      "calls.per_planned_applicant.scheduler_calls",
      round(per(calls, "planner", "scheduler-local", total).requests),
      "calls",
    ),
    info(
      "calls.per_planned_applicant.putevents",
      round(per(calls, "planner", "eventbridge", total).requests),
      "calls",
    ),
  ];
}

/** Finishes a milestone whose reminders are not next, for the first `updates` applicants. */
export async function milestoneUpdates({ stack, counter, quick }: PipelineRun): Promise<Figure[]> {
  counter.reset();
  const updates = quick ? 30 : 200;
  for (let n = 0; n < updates; n++) {
    const externalId = snapshotFor(n).applicant.externalId;
    const status = await postSigned(
      stack.urls.api,
      stack.webhookSecret,
      {
        type: "milestone.update",
        submissionId: `${RUN}-upd-${n}`,
        applicant: { externalId },
        milestones: [{ key: "personal_statement", status: "done", date: "2026-06-01" }],
      },
      `msg_${RUN}_u${n}`,
    );
    if (status !== 202) throw new Error(`update ${n} answered ${status}`);
  }
  await stack.drain();
  const calls = counter.snapshot();
  return [
    below(
      "calls.per_milestone_update.scheduler_calls",
      round(per(calls, "planner", "scheduler-local", updates).requests),
      "calls",
      1.0001,
      "<= 1: arm only when the wake-up instant changed",
    ),
    info(
      "calls.per_milestone_update.dynamodb_requests",
      round(
        per(calls, "http-api", "dynamodb", updates).requests +
          per(calls, "planner", "dynamodb", updates).requests,
      ),
      "requests",
      "intake + planner",
    ),
    info(
      "calls.per_milestone_update.planner_dynamodb_wcu",
      round(per(calls, "planner", "dynamodb", updates).wcu, 1),
      "WCU",
      `a re-plan that publishes events (PlanChanged): the PLAN item, the event copies and the profile check in one transaction; one without events writes the PLAN item alone in a conditional PutItem (billed once); by operation: ${byOperation(calls, "planner", "dynamodb", updates, "wcu")} (requests: ${byOperation(calls, "planner", "dynamodb", updates)})`,
    ),
  ];
}

/** One clock move fires every due wake-up; calls are per email sent, wake-ups that sent nothing included. */
export async function reminderEmails({ stack, counter, quick, progress }: PipelineRun): Promise<Figure[]> {
  counter.reset();
  const target = Date.parse(quick ? "2026-07-01T00:00:00Z" : "2026-07-15T00:00:00Z");
  // A day at a time: the same wake-ups in the same order as one move (each fires at its own
  // instant), but a full run's 1,000-odd emails take minutes on a busy machine, and each day is
  // progress the watchdog can see.
  const fired: Pick<DueRunReport, "woken" | "emailsSent"> = { woken: [], emailsSent: 0 };
  for (let day = stack.clock.now().getTime() + DAY_MS; ; day += DAY_MS) {
    const until = new Date(Math.min(day, target));
    const part = await stack.fireDue(until);
    fired.woken.push(...part.woken);
    fired.emailsSent += part.emailsSent;
    progress(`clock move: ${until.toISOString().slice(0, 10)}, ${fired.emailsSent} emails so far`);
    if (until.getTime() >= target) break;
  }
  const emails = Math.max(1, fired.emailsSent);
  const calls = counter.snapshot();
  const dynamo = per(calls, "reminder", "dynamodb", emails);
  const silent = fired.woken.filter((wake) => wake.outcome !== "sent");
  const outcomes = [...new Set(silent.map((wake) => wake.outcome ?? wake.error ?? "?"))].join(", ");
  const silentNote =
    silent.length === 0
      ? "every wake-up sent one email"
      : `${silent.length} of ${fired.woken.length} wake-ups sent nothing (${outcomes}): each still costs Query + the PLAN item's write (a conditional PutItem, or a TransactWriteItems with the copies of events it publishes) + 1 re-arm`;
  return [
    info(
      "calls.reminder_emails_in_run",
      fired.emailsSent,
      "emails",
      `${fired.woken.length} wake-ups fired by one clock move`,
    ),
    info("calls.reminder_wake_ups_without_email", silent.length, "wake-ups", silentNote),
    below(
      "calls.per_reminder_email.ses_calls",
      round(per(calls, "reminder", "ses", emails).requests),
      "calls",
      1.0001,
      "<= 1",
    ),
    below(
      "calls.per_reminder_email.scheduler_calls",
      round(per(calls, "reminder", "scheduler-local", emails).requests),
      "calls",
      1.0001,
      "<= 1: one re-arm per wake-up; local table wake-ups (the cloud adapter: one CreateSchedule, see the season simulation)",
    ),
    below(
      "calls.per_reminder_email.dynamodb_requests",
      round(dynamo.requests),
      "requests",
      4.0001,
      `Query + GetItem(suppression) + claim + TransactWriteItems(sent marks, plan, event copies); measured ${byOperation(calls, "reminder", "dynamodb", emails)}`,
    ),
    info("calls.per_reminder_email.dynamodb_wcu", round(dynamo.wcu, 1), "WCU"),
    info("calls.per_reminder_email.dynamodb_rcu", round(dynamo.rcu, 1), "RCU"),
    info(
      "calls.per_reminder_email.putevents",
      round(per(calls, "reminder", "eventbridge", emails).requests),
      "calls",
    ),
  ];
}

/** New snapshots by 8 clients through the stack, then the same writes straight to DynamoDB Local. */
export async function sustainedIntake({ stack, direct, quick }: PipelineRun): Promise<Figure[]> {
  const seconds = quick ? 5 : 15;
  const base = 100_000;
  const viaStack = await sustained(seconds, 8, async (n) => {
    const status = await postSigned(
      stack.urls.api,
      stack.webhookSecret,
      snapshotFor(base + n),
      `msg_${RUN}_s${n}`,
    );
    return status === 202;
  });
  await stack.drain();
  const store = dynamoRepositories({ client: direct, tableName: stack.tableName });
  const viaDynamo = await sustained(seconds, 8, async (n) => {
    const snapshot = snapshotFor(base * 2 + n);
    await store.intake.applySubmission(
      snapshot,
      { provider: "webhook", submissionId: snapshot.submissionId },
      new Date(),
    );
    return true;
  });
  await stack.drain();
  const ratio = viaDynamo.rate === 0 ? 0 : viaStack.rate / viaDynamo.rate;
  return [
    info(
      "pipeline.sustained_intake_rate",
      round(viaStack.rate, 1),
      "intakes/s",
      `8 clients, ${seconds} s, ${viaStack.errors} errors; planner draining the stream meanwhile`,
    ),
    info(
      "pipeline.dynamodb_local_rate_same_writes",
      round(viaDynamo.rate, 1),
      "intakes/s",
      "Query + TransactWriteItems of the same snapshots, straight to DynamoDB Local",
    ),
    atLeast(
      "pipeline.sustained_vs_dynamodb_local",
      round(ratio, 2),
      "ratio",
      0.8,
      viaStack.errors === 0 ? "no errors" : `${viaStack.errors} errors`,
    ),
  ];
}
