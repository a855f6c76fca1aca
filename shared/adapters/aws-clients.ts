import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Where the clients connect: the Region, and a local emulator's endpoint per service when there is one. */
export interface AwsClientSettings {
  region: string;
  endpoints: { dynamodb?: string; ses?: string; eventbridge?: string; scheduler?: string };
}

/**
 * AWS clients, built once per cold start by a function's composition root. An endpoint in the
 * settings means a local emulator (DynamoDB Local, aws-ses-v2-local, the local PutEvents and
 * Scheduler stand-ins): those get fixed dummy credentials, so the local stack never needs, and
 * never touches, real AWS credentials.
 */
function clientOptions(settings: AwsClientSettings, endpoint: string | undefined) {
  if (endpoint === undefined) return { region: settings.region };
  return {
    region: settings.region,
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  };
}

export function createDynamoDocumentClient(settings: AwsClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient(clientOptions(settings, settings.endpoints.dynamodb));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}

function createSesClient(settings: AwsClientSettings): SESv2Client {
  return new SESv2Client(clientOptions(settings, settings.endpoints.ses));
}

function createEventBridgeClient(settings: AwsClientSettings): EventBridgeClient {
  return new EventBridgeClient(clientOptions(settings, settings.endpoints.eventbridge));
}

function createSchedulerClient(settings: AwsClientSettings): SchedulerClient {
  return new SchedulerClient(clientOptions(settings, settings.endpoints.scheduler));
}

/**
 * What a function's composition root builds its clients with (functions/<name>/setup.ts). The
 * Lambda entry uses `awsClients`; the benchmarks pass one whose clients carry a call counter.
 */
export interface AwsClientFactory {
  documents(settings: AwsClientSettings): DynamoDBDocumentClient;
  ses(settings: AwsClientSettings): SESv2Client;
  eventBridge(settings: AwsClientSettings): EventBridgeClient;
  scheduler(settings: AwsClientSettings): SchedulerClient;
}

export const awsClients: AwsClientFactory = {
  documents: createDynamoDocumentClient,
  ses: createSesClient,
  eventBridge: createEventBridgeClient,
  scheduler: createSchedulerClient,
};
