import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { createEventBridgeClient } from "#adapters/eventbridge/eventbridge-client.ts";
import { createSchedulerClient } from "#adapters/scheduler/scheduler-client.ts";
import { createSesClient } from "#adapters/ses/ses-client.ts";
import { setupSweeper } from "./setup.ts";

/**
 * The Lambda entry: the sweeper function built once per cold start (setup.ts), with the AWS clients
 * it uses.
 */
export const handler = setupSweeper({
  documents: createDynamoDocumentClient,
  ses: createSesClient,
  eventBridge: createEventBridgeClient,
  scheduler: createSchedulerClient,
});
