import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { createDynamoDocumentClient, createEventBridgeClient } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { escalationFor } from "#adapters/ses/escalation-for.ts";
import { loadPlannerConfig } from "#config/env.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createPlanBatch } from "./plan-batch.ts";

// Composition root: built once per cold start.
const config = loadPlannerConfig();
const logger = createLogger("planner");
const documents = createDynamoDocumentClient(config);
const store = new DynamoApplicantStore({ client: documents, tableName: config.tableName });
const escalation = escalationFor(config, store);
const planBatch = createPlanBatch(
  {
    store,
    wakeUps: wakeUpSchedulerFor(config, documents),
    events: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
    clock: clockFor(config.clock),
    planning: domainPlanning,
    ...(escalation ? { escalation } : {}),
  },
  logger,
);

export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  logger.addContext(context);
  return planBatch(event);
}
