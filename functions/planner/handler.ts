import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { createDynamoDocumentClient, createEventBridgeClient } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { loadPlannerConfig } from "#config/env.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createPlanBatch } from "./plan-batch.ts";

// Composition root: built once per cold start.
const config = loadPlannerConfig();
const logger = createLogger("planner");
const documents = createDynamoDocumentClient(config);
const planBatch = createPlanBatch(
  {
    store: new DynamoApplicantStore({ client: documents, tableName: config.tableName }),
    wakeUps: wakeUpSchedulerFor(config, documents),
    events: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
    clock: clockFor(config.clock),
    planning: domainPlanning,
  },
  logger,
);

export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  logger.addContext(context);
  return planBatch(event);
}
