import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "#adapters/aws-clients-all.ts";
import { localClock } from "#adapters/clock.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { TableWakeUpScheduler } from "#adapters/scheduler/table-wake-ups.ts";
import { FORM_PROVIDERS } from "#intake/providers/list.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { DEFAULT_DIGEST_HOUR_UTC, DIGEST_SCHEDULE_INPUT } from "../../functions/sweeper/schedule-input.ts";
import { invokeHttpHandler, type Router, startApiServer } from "./api-server.ts";
import { createDueRunner } from "./clock-control.ts";
import { LOCAL_CONSOLE_USERS, type LocalConsoleSignIn, startConsoleSignIn } from "./console-sign-in.ts";
import { createDailySweeper } from "./daily-sweeper.ts";
import { LOCAL_REGION } from "./dynamodb-local.ts";
import { type LocalHandlers, loadHandlers } from "./handlers.ts";
import { type LocalRoute, localRoutes, serveLocalRoute } from "./local-routes.ts";
import { type LocalSecrets, loadLocalSecrets } from "./local-secrets.ts";
import { startPlannerFeed } from "./planner-feed.ts";
import { DEFAULT_PORTS, startLocalServices } from "./services.ts";
import { createSesFeedback, followedByFeedback, type SesFeedback } from "./ses-feedback.ts";
import { sesMailReader } from "./ses-local.ts";
import { stampingLocalClock } from "./ses-local-time.ts";
import { createSesTagMemory } from "./ses-tags.ts";
import type { LocalStack, LocalStackOptions } from "./stack-options.ts";
import type { StreamPoller } from "./stream-poller.ts";

type LocalServices = Awaited<ReturnType<typeof startLocalServices>>;

/**
 * The whole pipeline on one machine, real parts only (DESIGN decision 9): DynamoDB Local with its
 * stream, the SES v2 emulator, a PutEvents endpoint, the very Lambda handlers the cloud runs behind
 * an HTTP server that speaks API Gateway payload 2.0, a stream poller feeding the planner, and the
 * table-kept wake-ups fired by the controllable local clock. `npm start` and the integration tests'
 * global setup both start it through this one function.
 */

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
    const secrets = await loadLocalSecrets(options);

    const services = await startLocalServices({ ...options, host, tableName, eventBusName }, stops, progress);
    const { dynamo, dynamoClient, dbDir, version, ses, eventBridge } = services;

    // The API server listens first: PUBLIC_BASE_URL (the unsubscribe links) needs its real port.
    const api = await startApiServer({ port: options.ports?.api ?? DEFAULT_PORTS.api, host, log });
    stops.push(() => api.stop());
    const consoleSignIn = await startConsoleSignIn({
      apiUrl: api.url,
      host,
      ...(options.ports?.oidc !== undefined ? { port: options.ports.oidc } : {}),
      ...(dataDir ? { dataDir } : {}),
      ...(options.consolePassword ? { password: options.consolePassword } : {}),
    });
    stops.push(() => consoleSignIn.issuer.stop());
    progress(`OpenID Connect issuer on ${consoleSignIn.issuer.issuer} (console sign-in)`);

    // SES keeps each message's tags for its events; the emulator does not, so the stack does.
    const sesTags = createSesTagMemory();
    const clientsFor = options.clientsFor ?? (() => awsClients);
    const handlers = await loadHandlers(
      handlerEnvironment({
        options,
        tableName,
        eventBusName,
        services,
        apiUrl: api.url,
        secrets,
        consoleSignIn,
      }),
      options.handlerLogLevel,
      (name) => sesTags.remembering(stampingLocalClock(clientsFor(name), localClock)),
    );
    // Mail to the SES mailbox simulator's addresses comes back as SES's EventBridge events (ses-feedback.ts).
    const sesFeedback = createSesFeedback({
      sesEndpoint: ses.endpoint,
      deliver: (event) => handlers.sesEvents(event),
      clock: localClock,
      region: LOCAL_REGION,
      tagsOf: (messageId) => sesTags.take(messageId),
      log,
    });

    const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const table = new DynamoTable({ client: documentClient, tableName });
    const wakeUps = new TableWakeUpScheduler({ client: documentClient, tableName });

    const { poller, deadLetters } = await startPlannerFeed({
      dynamodbEndpoint: dynamo.endpoint,
      tableName,
      dataDir,
      persistent: dbDir !== undefined,
      planner: followedByFeedback(handlers.planner, sesFeedback),
      apiUrl: api.url,
      log,
    });
    stops.push(() => poller.stop());
    progress("Stream poller feeding the planner (same filter as the cloud event-source mapping)");

    const { fireDue, moveClock } = clockControl({
      options,
      handlers,
      sesFeedback,
      wakeUps,
      poller,
      sesEndpoint: ses.endpoint,
    });

    const routes = localRoutes({
      clock: localClock,
      moveClock,
      fireDue,
      drain: () => poller.drain(),
      events: () => eventBridge.events(),
      deadLetters,
      applicants: new DynamoApplicantRepository(table),
      planning: domainPlanning,
      applicantLinks: (profile) =>
        applicantLinks({
          baseUrl: api.url,
          keyring: parseKeyring(secrets.linkSigningKeys),
          applicantId: profile.applicantId,
          feedGeneration: profile.feedGeneration ?? 0,
          now: localClock.now(),
        }),
    });
    api.serve(requestRouter(routes, handlers, sesFeedback, log, () => poller.wake()));
    progress(`HTTP API (API Gateway payload 2.0) on ${api.url}`);
    return {
      urls: {
        api: api.url,
        inbox: ses.endpoint,
        dynamodb: dynamo.endpoint,
        eventbridge: eventBridge.endpoint,
        console: `${api.url}/console`,
        issuer: consoleSignIn.issuer.issuer,
      },
      consoleSignIn,
      tableName,
      eventBusName,
      webhookSecret: secrets.webhookSecret,
      ...(secrets.webhookSecretFile ? { webhookSecretFile: secrets.webhookSecretFile } : {}),
      formSecrets: secrets.formSecrets,
      clock: localClock,
      fireDue,
      drain: () => poller.drain(),
      events: () => eventBridge.events(),
      deadLetters,
      startedInMs: Date.now() - started,
      dynamoDbLocalVersion: version,
      dynamoDbLocalPid: dynamo.pid,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The environment each Lambda handler reads, as the CDK stack sets it in the cloud, pointed at the local services. */
function handlerEnvironment({
  options,
  tableName,
  eventBusName,
  services,
  apiUrl,
  secrets,
  consoleSignIn,
}: {
  options: LocalStackOptions;
  tableName: string;
  eventBusName: string;
  services: LocalServices;
  apiUrl: string;
  secrets: LocalSecrets;
  consoleSignIn: LocalConsoleSignIn;
}): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    TABLE_NAME: tableName,
    CLOCK: "local",
    WAKE_UP_SCHEDULER: "table",
    MATCHPATH_DYNAMODB_ENDPOINT: services.dynamo.endpoint,
    MATCHPATH_SES_ENDPOINT: services.ses.endpoint,
    MATCHPATH_EVENTBRIDGE_ENDPOINT: services.eventBridge.endpoint,
    EVENT_BUS_NAME: eventBusName,
    SENDER_ADDRESS: options.senderAddress ?? "Matchpath <reminders@matchpath.example>",
    PUBLIC_BASE_URL: apiUrl,
    DIGEST_ADVISORS: (
      options.digestAdvisors ??
      LOCAL_CONSOLE_USERS.filter((user) => user.groups.length === 0).map((user) => user.email)
    ).join(","),
    WEBHOOK_SECRET: secrets.webhookSecret,
    ...(secrets.legacyUnsubscribeSecret ? { UNSUBSCRIBE_SECRET: secrets.legacyUnsubscribeSecret } : {}),
    LINK_SIGNING_KEYS: secrets.linkSigningKeys,
    ...consoleSignIn.environment,
    ...Object.fromEntries(
      FORM_PROVIDERS.map(({ name, secretVariable }) => [secretVariable, secrets.formSecrets[name]]),
    ),
  };
}

/**
 * The controllable clock's two moves: `fireDue` runs every wake-up due by a time, as EventBridge
 * Scheduler would; `moveClock` also runs the daily sweep and the advisors' digest it crosses.
 */
function clockControl({
  options,
  handlers,
  sesFeedback,
  wakeUps,
  poller,
  sesEndpoint,
}: {
  options: LocalStackOptions;
  handlers: LocalHandlers;
  sesFeedback: SesFeedback;
  wakeUps: TableWakeUpScheduler;
  poller: Pick<StreamPoller, "drain">;
  sesEndpoint: string;
}) {
  // Counted as they arrive rather than by reading the whole store twice per clock move.
  const newMail = sesMailReader(sesEndpoint);
  let emailsStored = 0;
  const fireDue = createDueRunner({
    clock: localClock,
    listDue: (now) => wakeUps.listDue(now),
    invokeReminder: async (wakeUp) => {
      // The schedule's templated Input, as EventBridge Scheduler fills <aws.scheduler.scheduled-time>.
      const event = await wakeUps.eventFor(wakeUp);
      if (!event) return undefined;
      const result = await followedByFeedback(handlers.reminder, sesFeedback)(event);
      // A one-time schedule is spent once it ran; a re-arm made by the reminder meanwhile stays.
      // On failure it stays armed, so the next clock move retries it (Scheduler would retry too).
      await wakeUps.disarmIfAt(wakeUp.applicantId, wakeUp.at);
      return result;
    },
    drainStream: () => poller.drain(),
    countEmails: async () => {
      emailsStored += (await newMail()).length;
      return emailsStored;
    },
  });
  // POST /local/clock runs the daily sweep at the last midnight UTC it crosses (daily-sweeper.ts).
  const moveClock = createDailySweeper({
    clock: localClock,
    fireDue,
    invokeSweeper: followedByFeedback(handlers.sweeper, sesFeedback),
    region: LOCAL_REGION,
    digest: {
      hourUtc: options.digestHourUtc ?? DEFAULT_DIGEST_HOUR_UTC,
      invoke: (at) =>
        followedByFeedback(
          handlers.sweeper,
          sesFeedback,
        )({ ...DIGEST_SCHEDULE_INPUT, scheduledAt: at.toISOString() }),
    },
  });
  return { fireDue, moveClock };
}

/** Requests as the cloud routes them: /local/* to the local routes, /console to its function, the rest to the http-api. */
function requestRouter(
  routes: LocalRoute[],
  handlers: LocalHandlers,
  sesFeedback: SesFeedback,
  log: (line: string) => void,
  wakePoller: () => void,
): Router {
  return async (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/local" || path.startsWith("/local/"))
      await serveLocalRoute(routes, request, response, path);
    // The cloud's HTTP API routes /console and below to the console function (JWT authorizer on data routes).
    else if (path === "/console" || path.startsWith("/console/"))
      await invokeHttpHandler(request, response, followedByFeedback(handlers.console, sesFeedback), log);
    else await invokeHttpHandler(request, response, handlers.httpApi, log);
    // A handler may have written (an intake, an advisor's action): the planner hears of it at once
    // even when the idle poller has slowed down.
    wakePoller();
  };
}
