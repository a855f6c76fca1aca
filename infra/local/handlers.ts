import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
} from "aws-lambda";
import { LOCAL_REGION } from "./dynamodb-local.ts";
import { lambdaContext } from "./lambda-context.ts";

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type PlannerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;
type EventHandler = (event: unknown, context: Context) => Promise<unknown>;
/** The templated Input of a wake-up schedule, as EventBridge Scheduler fills it. */
export interface ReminderEvent {
  applicantId: string;
  plannedFor?: string;
  attempt?: number;
  scheduledTime?: string;
}
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

/**
 * Loads the very handler modules the cloud bundles. They read their configuration once, at cold
 * start, so `environment` is set first; POWERTOOLS_LOG_LEVEL only when the caller's environment
 * sets none.
 */
export async function loadHandlers(
  environment: Record<string, string>,
  logLevel?: string,
): Promise<LocalHandlers> {
  Object.assign(process.env, environment);
  if (logLevel) process.env.POWERTOOLS_LOG_LEVEL ??= logLevel;
  const httpApi = (await import("../../functions/http-api/handler.ts")).handler as HttpHandler;
  const consoleApi = (await import("../../functions/console/handler.ts")).handler as HttpHandler;
  const planner = (await import("../../functions/planner/handler.ts")).handler as PlannerHandler;
  const reminder = (await import("../../functions/reminder/handler.ts")).handler as ReminderHandler;
  const sesEvents = (await import("../../functions/ses-events/handler.ts")).handler as EventHandler;
  const sweeper = (await import("../../functions/sweeper/handler.ts")).handler as EventHandler;
  const context = (name: string, timeoutMs?: number) =>
    lambdaContext(`matchpath-${name}`, { region: LOCAL_REGION, ...(timeoutMs ? { timeoutMs } : {}) });
  return {
    httpApi: (event) => httpApi(event, context("http-api")),
    console: (event) => consoleApi(event, context("console")),
    planner: (event) => planner(event, context("planner")),
    reminder: (event) => reminder(event, context("reminder")),
    sesEvents: (event) => sesEvents(event, context("ses-events")),
    sweeper: (event) => sweeper(event, context("sweeper", 900_000)),
  };
}
