import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoPlanRepository } from "#adapters/dynamodb/plan-repository.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { failureReserveMs } from "#adapters/failure-reserve.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { escalationFor, type SesLoader } from "#adapters/ses/escalation-for.ts";
import { loadPlannerConfig } from "#config/planner.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { logRejectedEscalations } from "#usecases/escalation-send.ts";
import { createPlanBatch } from "./plan-batch.ts";

/**
 * The planner function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (only those it uses; the benchmarks pass counting ones), and the
 * handler over them. handler.ts is the Lambda entry that calls it. SES, used only for advisor
 * escalations, comes as a loader (`escalationSes`) resolved on the first escalation sent.
 */
export function setupPlanner(
  clients: Pick<AwsClientFactory, "documents" | "eventBridge" | "scheduler"> & { escalationSes: SesLoader },
) {
  const config = loadPlannerConfig();
  const logger = createLogger("planner");
  const documents = clients.documents(config, "planner");
  const table = new DynamoTable({ client: documents, tableName: config.tableName });
  const escalation = escalationFor(
    config,
    "planner",
    { ledger: new DynamoReminderLedger(table), suppression: new DynamoSuppressionList(table) },
    clients.escalationSes,
  );
  const planBatch = createPlanBatch(
    {
      applicants: new DynamoApplicantRepository(table),
      plans: new DynamoPlanRepository(table),
      wakeUps: wakeUpSchedulerFor(config, documents, "planner", clients, "planner"),
      // The bus only: the events' copies in the applicant's partition ride in the plan's own write.
      events: new EventBridgePublisher(clients.eventBridge(config, "planner"), config.eventBusName),
      clock: clockFor(config.clock),
      planning: domainPlanning,
      ...(escalation ? { escalation: { ...escalation, onRejected: logRejectedEscalations(logger) } } : {}),
    },
    logger,
  );

  return async function handler(
    event: DynamoDBStreamEvent,
    context: Context,
  ): Promise<DynamoDBBatchResponse> {
    logger.addContext(context);
    return planBatch(event, {
      timeLeftMs: () => context.getRemainingTimeInMillis(),
      reserveMs: failureReserveMs("planner"),
    });
  };
}
