import type { AwsClientFactory } from "./aws-clients.ts";
import { createDynamoDocumentClient } from "./dynamodb/document-client.ts";
import { createEventBridgeClient } from "./eventbridge/eventbridge-client.ts";
import { createSchedulerClient } from "./scheduler/scheduler-client.ts";
import { createSesClient } from "./ses/ses-client.ts";

/**
 * Every client builder in one factory, for code that runs all six functions in one process (the
 * local stack, the benchmarks' counting clients). A Lambda's handler.ts never imports this: it
 * passes only the builders its function uses, so its bundle carries no other SDK client.
 */
export const awsClients: AwsClientFactory = {
  documents: createDynamoDocumentClient,
  ses: createSesClient,
  eventBridge: createEventBridgeClient,
  scheduler: createSchedulerClient,
};
