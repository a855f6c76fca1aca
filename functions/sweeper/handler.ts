import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { createEventBridgeClient } from "#adapters/eventbridge/eventbridge-client.ts";
import { createSchedulerClient } from "#adapters/scheduler/scheduler-client.ts";
import { setupSweeper } from "./setup.ts";

/**
 * The Lambda entry: the sweeper function built once per cold start (setup.ts), with the AWS clients
 * it uses (SES on first use).
 */
export const handler = setupSweeper({
  documents: createDynamoDocumentClient,
  eventBridge: createEventBridgeClient,
  scheduler: createSchedulerClient,
  // Loaded on the first advisor escalation: most invocations send none, so no cold start evaluates SES.
  escalationSes: async () => (await import("#adapters/ses/ses-client.ts")).createSesClient,
});
