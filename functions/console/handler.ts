import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { createSesClient } from "#adapters/ses/ses-client.ts";
import { setupConsole } from "./setup.ts";

/**
 * The Lambda entry: the console function built once per cold start (setup.ts), with the AWS clients
 * it uses (naming only those lets esbuild leave the Scheduler and EventBridge clients out).
 */
export const handler = setupConsole({ documents: createDynamoDocumentClient, ses: createSesClient });
