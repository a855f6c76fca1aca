import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
} from "aws-lambda";
import type { AwsClientFactory, MatchpathFunction } from "#adapters/aws-clients.ts";
import { awsClients } from "#adapters/aws-clients-all.ts";
import { sesOnFirstUse } from "#adapters/ses/escalation-for.ts";
import type { ReminderEvent } from "../../functions/reminder/reminder-event.ts";
import { functionContext } from "./function-context.ts";

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type PlannerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;
type EventHandler = (event: unknown, context: Context) => Promise<unknown>;
type ReminderHandler = (event: ReminderEvent, context: Context) => Promise<unknown>;

/** The six Lambda handlers the cloud runs, each invoked with a Lambda context of its function. */
export interface LocalHandlers {
  httpApi(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2>;
  console(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2>;
  planner(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse>;
  reminder(event: ReminderEvent): Promise<unknown>;
  sesEvents(event: unknown): Promise<unknown>;
  sweeper(event: unknown): Promise<unknown>;
}

/** The planner's and sweeper's clients: SES for escalations from the same factory. */
function withEscalationSes(clients: AwsClientFactory) {
  return { ...clients, escalationSes: sesOnFirstUse(clients) };
}

/**
 * Builds the six functions from the very composition roots the cloud's handler modules call
 * (functions/<name>/setup.ts). They read their configuration once, at cold start, so `environment`
 * is set first; POWERTOOLS_LOG_LEVEL only when the caller's environment sets none. `clientsFor`
 * gives a function its AWS clients (the benchmarks pass counting ones); default: the SDK clients
 * every Lambda builds.
 */
export async function loadHandlers(
  environment: Record<string, string>,
  logLevel?: string,
  clientsFor: (name: MatchpathFunction) => AwsClientFactory = () => awsClients,
): Promise<LocalHandlers> {
  Object.assign(process.env, environment);
  if (logLevel) process.env.POWERTOOLS_LOG_LEVEL ??= logLevel;
  const httpApiClients = clientsFor("http-api");
  const httpApi: HttpHandler = (await import("../../functions/http-api/setup.ts")).setupHttpApi({
    ...httpApiClients,
    freshLinkSes: sesOnFirstUse(httpApiClients),
  });
  const consoleClients = clientsFor("console");
  const consoleApi: HttpHandler = (await import("../../functions/console/setup.ts")).setupConsole({
    ...consoleClients,
    resendSes: sesOnFirstUse(consoleClients),
  });
  const planner: PlannerHandler = (await import("../../functions/planner/setup.ts")).setupPlanner(
    withEscalationSes(clientsFor("planner")),
  );
  const reminder = (await import("../../functions/reminder/setup.ts")).setupReminder(
    clientsFor("reminder"),
  ) as ReminderHandler;
  const sesEvents: EventHandler = (await import("../../functions/ses-events/setup.ts")).setupSesEvents(
    clientsFor("ses-events"),
  );
  const sweeper: EventHandler = (await import("../../functions/sweeper/setup.ts")).setupSweeper(
    withEscalationSes(clientsFor("sweeper")),
  );
  return {
    httpApi: (event) => httpApi(event, functionContext("http-api")),
    console: (event) => consoleApi(event, functionContext("console")),
    planner: (event) => planner(event, functionContext("planner")),
    reminder: (event) => reminder(event, functionContext("reminder")),
    sesEvents: (event) => sesEvents(event, functionContext("ses-events")),
    sweeper: (event) => sweeper(event, functionContext("sweeper")),
  };
}
