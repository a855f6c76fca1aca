import { createDynamoDocumentClient } from "#adapters/dynamodb/document-client.ts";
import { setupConsole } from "./setup.ts";

/**
 * The Lambda entry: the console function built once per cold start (setup.ts), with the AWS clients
 * it uses (naming only those lets esbuild leave the Scheduler and EventBridge clients out).
 */
export const handler = setupConsole({
  documents: createDynamoDocumentClient,
  // Loaded on the first resend: most console requests send nothing, so no cold start evaluates SES.
  resendSes: async () => (await import("#adapters/ses/ses-client.ts")).createSesClient,
});
