import type { Context } from "aws-lambda";
import { createDynamoDocumentClient, createEventBridgeClient } from "#adapters/aws-clients.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { DynamoEmailLedger } from "#adapters/dynamodb/email-ledger.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { loadSesEventsConfig } from "#config/env.ts";
import { createLogger } from "#observability/logger.ts";
import { type EmailEventResult, recordEmailEvent } from "#usecases/record-email-event.ts";
import { parseSesEvent } from "./ses-event.ts";

// Composition root: built once per cold start.
const config = loadSesEventsConfig();
const logger = createLogger("ses-events");
const documents = createDynamoDocumentClient(config);
const deps = {
  store: new DynamoApplicantStore({ client: documents, tableName: config.tableName }),
  ledger: new DynamoEmailLedger({ client: documents, tableName: config.tableName }),
  events: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
};

export async function handler(event: unknown, context: Context): Promise<EmailEventResult> {
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
}
