import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { createEventBridgeClient } from "#adapters/eventbridge/eventbridge-client.ts";
import { setupSesEvents } from "./setup.ts";

/**
 * The Lambda entry: the ses-events function built once per cold start (setup.ts), with the AWS clients
 * it uses (naming only those lets esbuild leave the SES and Scheduler clients out).
 */
export const handler = setupSesEvents({
  documents: createDynamoDocumentClient,
  eventBridge: createEventBridgeClient,
});
