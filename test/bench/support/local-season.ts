import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import { queryDueWakeUps } from "#adapters/dynamodb/wake-up-index.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";
import { startLocalStack } from "#local/stack.ts";
import { CallCounter, countingClients, localWakeUpClassifier } from "#test/bench/support/call-counter.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import type { SimulateOptions } from "../simulate.ts";
import type { SeasonReport } from "./memory-season.ts";
import { SEASON, type SimApplicant, simApplicant } from "./season.ts";
import { emptyTotals, PlanObserver, scoreApplicant } from "./season-metrics.ts";

/**
 * The season on the local stack: the same seeded applicants, their forms POSTed signed to the
 * local HTTP API, the planner fed by the real DynamoDB Local stream, and the local clock moved a
 * day at a time through the season (`fireDue`, which fires every wake-up in time order, each at its
 * own instant). A day's submissions are sent at the start of that day. The handlers' SDK clients
 * carry the counting middleware; plans are observed through the domain planning object the
 * handlers share with this process, so notices can be matched to the deadlines they announced.
 */

const DAY = 86_400_000;

export async function simulateOnLocalStack(options: SimulateOptions): Promise<SeasonReport> {
  const started = Date.now();
  const counter = new CallCounter(localWakeUpClassifier);
  const observer = new PlanObserver();
  const originalPlan = domainPlanning.plan;
  domainPlanning.plan = (state, now) =>
    observer.seen(state.profile.applicantId, originalPlan(state, now), now);
  const stack = await startLocalStack({
    ports: { api: 0, ses: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
    clockStart: new Date(SEASON.start),
    log: (line) => process.stderr.write(`[local stack] ${line}\n`),
    handlerLogLevel: "ERROR",
    clientsFor: (scope) => countingClients(counter, { scope, returnConsumedCapacity: true }),
  });
  const direct = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.urls.dynamodb,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  try {
    const run = `l${options.seed}`;
    const applicants: SimApplicant[] = Array.from({ length: options.applicants }, (_, index) =>
      simApplicant(options.seed, index, run),
    );
    const events = applicants
      .flatMap((applicant) => applicant.events)
      .filter((event) => event.at <= SEASON.end)
      .sort((a, b) => a.at - b.at);
    let next = 0;
    let wakeUps = 0;
    let failures = 0;
    let peakSchedules = 0;
    for (let day = SEASON.start; day <= SEASON.end; day += DAY) {
      const morning = await stack.fireDue(new Date(day));
      wakeUps += morning.woken.length;
      for (; next < events.length && (events[next]?.at ?? Number.POSITIVE_INFINITY) < day + DAY; next++) {
        const event = events[next];
        if (!event) continue;
        const body = JSON.stringify(event.submission);
        const response = await fetch(`${stack.urls.api}/intake/webhook`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...signedHeaders(stack.webhookSecret, `msg_${event.submission.submissionId}`, body),
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 202) failures++;
      }
      const report = await stack.fireDue(new Date(day + DAY - 1));
      wakeUps += report.woken.length;
      failures += report.woken.filter((woken) => woken.error !== undefined).length;
      const pending = await queryDueWakeUps(
        direct,
        stack.tableName,
        "local",
        new Date(SEASON.end + 365 * DAY),
      );
      peakSchedules = Math.max(peakSchedules, pending.length);
      // The emulator keeps every message; the ledger is what the metrics read, so keep it small.
      await fetch(`${stack.urls.inbox}/clear-store`, { method: "POST" });
      if ((day - SEASON.start) % (30 * DAY) === 0) {
        process.stderr.write(`  ${new Date(day).toISOString().slice(0, 10)}: ${wakeUps} wake-ups so far\n`);
      }
    }
    await stack.drain();

    const store = dynamoRepositories({ client: direct, tableName: stack.tableName });
    const totals = emptyTotals();
    for (const applicant of applicants) {
      const applicantId = applicantIdFor(applicant.externalId);
      const state = await store.applicants.loadApplicant(applicantId);
      const sent = (state?.ledger ?? [])
        .filter((entry) => entry.status === "sent" && entry.messageId && entry.sentAt)
        .map((entry) => ({
          reminderId: entry.reminderId,
          messageId: entry.messageId as string,
          sentAt: Date.parse(entry.sentAt as string),
        }));
      scoreApplicant(totals, applicant, applicantId, sent, observer, SEASON.end);
    }
    const tallies = counter.snapshot();
    const plannerRuns = tallies
      .filter((tally) => tally.service === "planner:dynamodb" && tally.operation === "Query")
      .reduce((sum, tally) => sum + tally.requests, 0);
    if (failures > 0)
      process.stderr.write(`  ${failures} intake or wake-up failures (see the local stack log)\n`);
    return {
      tallies,
      intakes: next,
      plannerRuns,
      wakeUps,
      schedulerInvocations: wakeUps,
      eventEntries: stack.events().length,
      // Handlers run in-process between real I/O here: compute is not separable, so the cost
      // model's Lambda time is its per-request latency alone.
      computeMs: { intake: 0, planner: 0, reminder: 0 },
      peakSchedules,
      applicants: options.applicants,
      totals,
      runMs: Date.now() - started,
      store: "local",
    };
  } finally {
    domainPlanning.plan = originalPlan;
    direct.destroy();
    await stack.stop();
  }
}
