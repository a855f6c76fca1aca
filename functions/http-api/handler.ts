import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { setupHttpApi } from "./setup.ts";

/**
 * The Lambda entry: the http-api function built once per cold start (setup.ts), with the AWS clients
 * it uses (naming only those lets esbuild leave the SES, Scheduler and EventBridge clients out).
 */
export const handler = setupHttpApi({ documents: createDynamoDocumentClient });
