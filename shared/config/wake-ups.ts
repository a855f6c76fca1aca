import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createSchedulerClient } from "#adapters/aws-clients.ts";
import { EventBridgeWakeUpScheduler } from "#adapters/scheduler/eventbridge-scheduler.ts";
import { TableWakeUpScheduler } from "#adapters/scheduler/table-wake-ups.ts";
import type { PlannerConfig } from "./env.ts";

/**
 * The configured wake-up scheduler: EventBridge Scheduler in the cloud, the table locally. The
 * reminder function passes `"reminder"`: its schedule has just fired and deleted itself, so
 * re-arming creates first (one Scheduler call per email instead of two).
 */
export function wakeUpSchedulerFor(
  config: PlannerConfig,
  documents: DynamoDBDocumentClient,
  caller: "planner" | "reminder" = "planner",
): EventBridgeWakeUpScheduler | TableWakeUpScheduler {
  const settings = config.wakeUps;
  if (settings.kind === "table")
    return new TableWakeUpScheduler({ client: documents, tableName: config.tableName });
  const { kind: _eventbridge, ...options } = settings;
  return new EventBridgeWakeUpScheduler(createSchedulerClient(config), {
    ...options,
    ...(caller === "reminder" ? { createFirst: true } : {}),
  });
}
