import type { Context } from "aws-lambda";
import { createDynamoDocumentClient, createEventBridgeClient } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { DynamoSweepIndex } from "#adapters/dynamodb/sweep-index.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { escalationFor } from "#adapters/ses/escalation-for.ts";
import { loadSweeperConfig } from "#config/env.ts";
import { currentCalendarVersions } from "#domain/seasons/version.ts";
import { TransientError } from "#errors";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { type SweepReport, sweep } from "#usecases/sweep.ts";
import { parseScheduledEvent } from "./scheduled-event.ts";

// Composition root: built once per cold start.
const config = loadSweeperConfig();
const logger = createLogger("sweeper");
const documents = createDynamoDocumentClient(config);
const store = new DynamoApplicantStore({ client: documents, tableName: config.tableName });
const escalation = escalationFor(config, store);
const deps = {
  store,
  index: new DynamoSweepIndex({ client: documents, tableName: config.tableName }),
  wakeUps: wakeUpSchedulerFor(config, documents),
  events: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
  clock: clockFor(config.clock),
  planning: domainPlanning,
  ...(escalation ? { escalation } : {}),
  calendarVersions: currentCalendarVersions,
};

/** Leaves time to save the walk's cursor and return before Lambda's timeout. */
const RESERVE_MS = 60_000;

export async function handler(event: unknown, context: Context): Promise<SweepReport> {
  logger.addContext(context);
  const { scheduledAt } = parseScheduledEvent(event);
  const report = await sweep(deps, {
    graceMs: config.graceMs,
    budget: {
      maxApplicants: config.maxApplicants,
      timeLeftMs: () => context.getRemainingTimeInMillis(),
      reserveMs: RESERVE_MS,
    },
  });
  logger.info("sweep done", { scheduledAt: scheduledAt.toISOString(), ...report });
  const failures = report.late.failed.length + report.calendar.failed.length;
  // Fail the invocation so the error alarm sees it and EventBridge's async retry runs the (idempotent) sweep again.
  if (failures > 0) throw new TransientError(`${failures} applicant(s) could not be re-planned`);
  return report;
}
