import type { Context } from "aws-lambda";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { DynamoEmailLedger } from "#adapters/dynamodb/email-ledger.ts";
import { recordingPublisher } from "#adapters/dynamodb/event-log.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { loadSesEventsConfig } from "#config/ses-events.ts";
import { createLogger } from "#observability/logger.ts";
import { type EmailEventResult, recordEmailEvent } from "#usecases/record-email-event.ts";
import { parseSesEvent } from "./ses-event.ts";

/**
 * The ses-events function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (only those it uses; the benchmarks pass counting ones), and the
 * handler over them. handler.ts is the Lambda entry that calls it.
 */
export function setupSesEvents(clients: Pick<AwsClientFactory, "documents" | "eventBridge">) {
  const config = loadSesEventsConfig();
  const logger = createLogger("ses-events");
  const documents = clients.documents(config, "ses-events");
  const deps = {
    // The suppression list alone: the other repositories bring the domain's schemas and luxon
    // into this function's cold start.
    suppression: new DynamoSuppressionList(
      new DynamoTable({ client: documents, tableName: config.tableName }),
    ),
    ledger: new DynamoEmailLedger({ client: documents, tableName: config.tableName }),
    events: recordingPublisher(
      new EventBridgePublisher(clients.eventBridge(config, "ses-events"), config.eventBusName),
      {
        client: documents,
        tableName: config.tableName,
      },
    ),
  };

  return async function handler(event: unknown, context: Context): Promise<EmailEventResult> {
    logger.addContext(context);
    const feedback = parseSesEvent(event);
    const result = await recordEmailEvent(feedback, deps);
    // Identifiers and outcomes only: never the address.
    logger.info("ses event handled", {
      kind: feedback.kind === "other" ? feedback.eventType : feedback.kind,
      messageId: feedback.messageId,
      ...result,
    });
    return result;
  };
}
