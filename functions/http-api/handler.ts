import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { setupHttpApi } from "./setup.ts";

/**
 * The Lambda entry: the http-api function built once per cold start (setup.ts), with the AWS clients
 * it uses (naming only those lets esbuild leave the Scheduler and EventBridge clients out; SES on first use).
 */
export const handler = setupHttpApi({
  documents: createDynamoDocumentClient,
  // "Email me a fresh link" loads SES on its first send: most requests send nothing.
  freshLinkSes: async () => (await import("#adapters/ses/ses-client.ts")).createSesClient,
});
