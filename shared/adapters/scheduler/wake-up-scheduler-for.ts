import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AwsClientFactory, AwsClientSettings, MatchpathFunction } from "#adapters/aws-clients.ts";
import { type EventBridgeWakeUpOptions, EventBridgeWakeUpScheduler } from "./eventbridge-scheduler.ts";
import { TableWakeUpScheduler } from "./table-wake-ups.ts";

/** The table (local stack) or EventBridge Scheduler with the adapter's own options (cloud). */
export type WakeUpSettings =
  | { kind: "table" }
  | ({ kind: "eventbridge" } & Omit<EventBridgeWakeUpOptions, "createFirst">);

/**
 * The configured wake-up scheduler: EventBridge Scheduler in the cloud, the table locally. The
 * reminder function passes `"reminder"`: its schedule has just fired and deleted itself, so
 * re-arming creates first (one Scheduler call per email instead of two). The Scheduler client is
 * timed for `fn`, the function arming (the sweeper arms as the planner does).
 */
export function wakeUpSchedulerFor(
  settings: AwsClientSettings & { wakeUps: WakeUpSettings; tableName: string },
  documents: DynamoDBDocumentClient,
  caller: "planner" | "reminder",
  clients: Pick<AwsClientFactory, "scheduler">,
  fn: MatchpathFunction,
): EventBridgeWakeUpScheduler | TableWakeUpScheduler {
  const wakeUps = settings.wakeUps;
  if (wakeUps.kind === "table")
    return new TableWakeUpScheduler({ client: documents, tableName: settings.tableName });
  const { kind: _eventbridge, ...options } = wakeUps;
  return new EventBridgeWakeUpScheduler(clients.scheduler(settings, fn), {
    ...options,
    ...(caller === "reminder" ? { createFirst: true } : {}),
  });
}
