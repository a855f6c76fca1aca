import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import type { SchedulerClient } from "@aws-sdk/client-scheduler";
import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Where the clients connect: the Region, and a local emulator's endpoint per service when there is one. */
export interface AwsClientSettings {
  region: string;
  endpoints: { dynamodb?: string; ses?: string; eventbridge?: string; scheduler?: string };
}

/**
 * The options every client is built with. An endpoint means a local emulator (DynamoDB Local,
 * aws-ses-v2-local, the local PutEvents and Scheduler stand-ins): those get fixed dummy
 * credentials, so the local stack never needs, and never touches, real AWS credentials.
 */
export function clientOptions(settings: AwsClientSettings, endpoint: string | undefined) {
  if (endpoint === undefined) return { region: settings.region };
  return {
    region: settings.region,
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  };
}

/**
 * The six Lambda functions, by the service name each one's stack entry gives it
 * (infra/stacks/matchpath-functions.ts `service`). A function's requests are timed for it
 * (dynamodb/document-client.ts, client-timing.ts): as long as who waits on it can wait, and short
 * enough that a stopped service's failure is reported inside the function's timeout.
 */
export type MatchpathFunction = "http-api" | "console" | "planner" | "reminder" | "ses-events" | "sweeper";

/**
 * What a function's composition root builds its clients with (functions/<name>/setup.ts), once
 * per cold start. Each root asks only for the clients it uses (`Pick<AwsClientFactory, …>`), and
 * its handler.ts passes just those builders (adapters/<service>/*-client.ts, one module per
 * client), so esbuild leaves every other SDK client out of the bundle; a test reads the bundles'
 * metafiles to keep it so. The local stack and the benchmarks pass a whole factory
 * (aws-clients-all.ts, or one whose clients carry a call counter).
 *
 * This module imports no SDK at run time: only types.
 */
export interface AwsClientFactory {
  documents(settings: AwsClientSettings, fn: MatchpathFunction): DynamoDBDocumentClient;
  ses(settings: AwsClientSettings, fn: MatchpathFunction): SESv2Client;
  eventBridge(settings: AwsClientSettings, fn: MatchpathFunction): EventBridgeClient;
  scheduler(settings: AwsClientSettings, fn: MatchpathFunction): SchedulerClient;
}
