import { createDynamoDocumentClient } from "#adapters/aws-clients.ts";
import { setupHttpApi } from "./setup.ts";

/**
 * The Lambda entry: the http-api function built once per cold start (setup.ts), with the one AWS
 * client it uses (naming only it lets esbuild leave the SES, Scheduler and EventBridge clients out).
 */
export const handler = setupHttpApi({ documents: createDynamoDocumentClient });
