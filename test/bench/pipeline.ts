import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";
import { startLocalStack } from "#local/stack.ts";
import { CallCounter, countingClients, localWakeUpClassifier } from "#test/bench/support/call-counter.ts";
import { type BenchSuite, below, type Figure } from "./lib/report.ts";
import {
  firstSnapshots,
  milestoneUpdates,
  type PipelineRun,
  reminderEmails,
  sustainedIntake,
} from "./support/pipeline-phases.ts";
import { intakeCpuMs, round } from "./support/pipeline-traffic.ts";

/**
 * The pipeline on the local stack (DynamoDB Local with its stream, the SES emulator, the handlers
 * in-process, the stream poller, the table-kept wake-ups), every AWS SDK client the handlers build
 * carrying the call-counting middleware (installed before the handlers are imported; DynamoDB asked
 * for ReturnConsumedCapacity TOTAL, bench mode only). Local wake-ups are WAKEUP items; the counter
 * files their calls under `scheduler-local`, one per arm/disarm as EventBridge Scheduler would be.
 */

export const pipelineSuite: BenchSuite = {
  name: "pipeline",
  description:
    "The local stack as `npm start` runs it (DynamoDB Local 3.3 in memory with real Streams, the SES v2 emulator, the handlers in-process behind the API Gateway payload 2.0 server, the stream poller at 50 ms, table-kept wake-ups). **Latency**: a signed snapshot POSTed to /intake/webhook, then the applicant's WAKEUP item polled every 5 ms until the planner has armed it; one submission at a time, 500 (100 with `--quick`). **Intake CPU**: the http-api route in-process (verify the Standard Webhooks signature, parse, validate with zod, map) with a store that resolves at once, `process.cpuUsage` over 2,000 submissions (500 quick). **Sustained rate**: new snapshots POSTed by 8 concurrent clients for 15 s (5 s quick) while the planner drains the stream, beside the same writes (the store's Query + TransactWriteItems) sent straight to DynamoDB Local by 8 clients in the same run. **Calls**: the counting middleware on every client the handlers built: per intake (http-api), per planned applicant (planner), per milestone update (planner), per reminder email (reminder function, after a clock move fired the due wake-ups).",
  notes:
    "Findings. **Per reminder email, DynamoDB requests were about 5.3 against 4, then 4.0:** the reminder function made 1 Query (the applicant), 1 GetItem (suppression list), 1 conditional PutItem per reminder it claimed (1.26 reminders per email over a season), 1 TransactWriteItems (marked sent) and 1 PutItem (the plan with the next wake-up). Now the claims are one request (a conditional PutItem for one reminder, one TransactWriteItems with the condition on each for several; one PutItem per reminder only when a concurrent claim cancels the transaction) and the plan rides in the sent-marks transaction (marks written alone, then the plan, only if that transaction fails transiently): Query + GetItem + claim + TransactWriteItems. **It rose to 5.12 (and 3 per planned applicant) when the console's copy of each domain event (EVENT# items) was written with one PutItem per event**; measured per call site, that PutItem was the whole +1 in both places. The copies now ride in the write that stores the plan (a first plan's transaction; the reminder's sent-marks transaction), so an email that goes out costs exactly Query + GetItem + claim + TransactWriteItems again. **Write units per planned applicant rose from 6.1 to 24.3 with issue 15's erase safety** (a write into an applicant's partition holds only while the profile exists): the plan, the event copy and a ConditionCheck of the profile became one TransactWriteItems, which bills every item twice, and the plan itself grew (about 4 KB compressed to about 7.7 KB: more reminders and risks, the budget, the console's gzipped cohort row, which GSI2 writes again). Per item by AWS's rules (`npm run simulate`, 'write units by item written'): plan 15.5, event copy 2.2, profile check 2 per transactional plan write. **A re-plan without events writes the plan alone** with a PutItem conditioned on the stored plan existing (an erase deletes it by key after the profile, so a write after the erase fails its condition): the plan is billed once, the copies keep their transaction with the profile check: about 12.8 WCU per re-plan written, from 19.7, (with events this was one more request, calls.per_milestone_update, until the item became small: below). **A first plan is written the same way since the intake transaction of a new applicant writes an empty PLAN item (the plan slot)**: the plan replaces it with the conditional PutItem, the copies keep their transaction with the profile check (24.5 to 13.3 WCU per planned applicant, for one more request: 2 to 3, calls.per_planned_applicant; the slot adds about 2 WRU to a new applicant's intake by AWS's rules, which DynamoDB Local does not show). **The PLAN item no longer holds the plan** (issue 11, cost12): every reader re-plans from the applicant's state, and the one reader of the stored plan was the next planner run, for the reminders it cancels, so the item keeps the plan's summary, the cohort row and the reminders still to go (`remindersBr`, 0.6-1 KB): the sent-marks transaction bills about 4 WCU for it instead of about 16 (calls.per_reminder_email.dynamodb_wcu about 15.6, from about 30), and a re-plan with events is one transaction again (its separate PutItem saved only about 2 WCU once the item was small, for one more request: calls.per_milestone_update back to about 4). **Wake-ups that send nothing** (calls.reminder_wake_ups_without_email) were a risk change whose notice goes out at the next delivery slot: the wake-up came at the change, found nothing due and re-armed (Query + PutItem + a Scheduler call, divided over the others' emails); the wake-up is now armed for the instant the notice goes out (issue 11, cost12), 16 → 0 in the quick run. **The cohort row is gzipped** (2.3 KB of JSON to about 0.55 KB; it is written in the item and again in GSI2 on every plan write). **What the PLAN item stores is compressed** (first the plan gzipped, `planGz`, about a seventh of its JSON: write units per planned applicant fell from 29.6 to 6.1 here; then brotli, `planBr`; now only the reminders still to go, `remindersBr`). **SES, Scheduler and PutEvents are one call each per email**; the local stack's wake-ups are table items (`scheduler-local`); the cloud adapter's count is measured in the season suite, where re-arming after an email cost two Scheduler calls (UpdateSchedule → ResourceNotFound → CreateSchedule, because a fired one-time schedule deletes itself) until the reminder function was changed to create first (commit 'Reminder re-arm costs one Scheduler call'). **Milestone updates** arm the wake-up only when its instant changes: 0 calls for these updates (finishing a milestone whose reminders are not next), at most 1. **Capacity units here are DynamoDB Local's**: it reports transactions below what AWS bills (measured: one transaction of three 3 KB puts reports 6 units; AWS bills 2 per KB per item, 18) and reports 0 for a Query that finds nothing (AWS bills a minimum); the season simulation computes units by AWS's rules from item sizes. **Sustained rate**: DynamoDB Local is one JVM on a 2-core machine shared with other work; the stack's rate includes the planner reading the stream and writing plans on the same JVM meanwhile, which the direct run does not, so the ratio is the cost of planning concurrently, not of the HTTP layer (intake CPU is about 0.3 ms). It measured 0.79-0.92 across runs on this shared machine: at the 0.8 target, within noise.",
  timeoutMinutes: { quick: 10, full: 45 },
  async run({ quick, progress = () => undefined, signal }) {
    const figures: Figure[] = [];
    progress("intake handler CPU, in-process");
    const cpu = await intakeCpuMs(quick ? 500 : 2000);
    figures.push(
      below("pipeline.intake_handler_cpu_per_submission", round(cpu, 3), "ms", 2, "in-process; I/O excluded"),
    );

    progress("starting the local stack (DynamoDB Local, SES emulator, handlers)");
    const counter = new CallCounter(localWakeUpClassifier);
    const stack = await startLocalStack({
      ports: { api: 0, ses: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
      clockStart: new Date("2026-06-01T00:00:00Z"),
      log: () => undefined,
      handlerLogLevel: "ERROR",
      clientsFor: (scope) => countingClients(counter, { scope, returnConsumedCapacity: true }),
    });
    // Stopped by the watchdog: stopping the stack fails whatever request is waiting on it.
    const stopOnAbort = () => void stack.stop().catch(() => undefined);
    signal?.addEventListener("abort", stopOnAbort, { once: true });
    const direct = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: stack.urls.dynamodb,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    const run: PipelineRun = { stack, counter, direct, quick, progress };
    try {
      progress("first snapshots: intake to armed wake-up, calls per intake and per plan");
      figures.push(...(await firstSnapshots(run)));
      progress("milestone updates: calls per update");
      figures.push(...(await milestoneUpdates(run)));
      progress("clock move: calls per reminder email");
      figures.push(...(await reminderEmails(run)));
      progress("sustained intake rate, then the same writes straight to DynamoDB Local");
      figures.push(...(await sustainedIntake(run)));
    } finally {
      signal?.removeEventListener("abort", stopOnAbort);
      direct.destroy();
      await stack.stop();
    }
    return figures;
  },
};
