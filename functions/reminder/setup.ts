import type { Context } from "aws-lambda";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoPlanRepository } from "#adapters/dynamodb/plan-repository.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { EventBridgeWakeUpScheduler } from "#adapters/scheduler/eventbridge-scheduler.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { consoleApplicantUrl } from "#adapters/ses/escalation-for.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { loadReminderConfig } from "#config/reminder.ts";
import { keyringSource } from "#config/secrets.ts";
import { recipientLinks } from "#email/recipient-links.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { logRejectedEscalations } from "#usecases/escalation-send.ts";
import { type SendResult, sendDueReminders } from "#usecases/send-due-reminders.ts";
import { parseReminderEvent } from "./reminder-event.ts";

/**
 * The reminder function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (only those it uses; the benchmarks pass counting ones), and the
 * handler over them. handler.ts is the Lambda entry that calls it.
 */
export function setupReminder(clients: AwsClientFactory) {
  const config = loadReminderConfig();
  const logger = createLogger("reminder");
  const documents = clients.documents(config, "reminder");
  const clock = clockFor(config.clock);
  const linkKeyring = keyringSource(config.linkSigningKeys);
  const wakeUps = wakeUpSchedulerFor(config, documents, "reminder", clients, "reminder");
  const table = new DynamoTable({ client: documents, tableName: config.tableName });
  const ledger = new DynamoReminderLedger(table);
  const suppression = new DynamoSuppressionList(table);
  const mailer = new SesMailer(clients.ses(config, "reminder"), {
    from: config.senderAddress,
    ...(config.sesConfigurationSet ? { configurationSetName: config.sesConfigurationSet } : {}),
  });
  const deps = {
    applicants: new DynamoApplicantRepository(table),
    plans: new DynamoPlanRepository(table),
    ledger,
    suppression,
    // The bus only: the events' copies in the applicant's partition ride in the plan's own write.
    events: new EventBridgePublisher(clients.eventBridge(config, "reminder"), config.eventBusName),
    mailer,
    // The ORGANIZER of interview calendar files and of the files that cancel them.
    senderAddress: config.senderAddress,
    clock,
    planning: domainPlanning,
    // Every wake-up re-plans, so it also escalates what time alone made critical (same sender).
    escalation: {
      ledger,
      suppression,
      mailer,
      consoleUrl: (applicantId: string) => consoleApplicantUrl(config.publicBaseUrl, applicantId),
      onRejected: logRejectedEscalations(logger),
    },
    ...recipientLinks({ publicBaseUrl: config.publicBaseUrl, linkKeyring, clock }),
  };

  /**
   * Re-arming targets REMINDER_FUNCTION_ARN when set, else this function's own invoked ARN (so the
   * CDK stack need not put a function's ARN into its own environment, which is a dependency cycle).
   */
  const targetsItself = config.wakeUps.kind === "eventbridge" && !config.wakeUps.reminderFunctionArn;
  function wakeUpsFor(context: Context) {
    return targetsItself && wakeUps instanceof EventBridgeWakeUpScheduler
      ? wakeUps.withTarget(context.invokedFunctionArn)
      : wakeUps;
  }

  return async function handler(event: unknown, context: Context): Promise<SendResult> {
    logger.addContext(context);
    const { applicantId, firedAt, attempt } = parseReminderEvent(event);
    const result = await sendDueReminders(
      applicantId,
      firedAt,
      { ...deps, wakeUps: wakeUpsFor(context) },
      attempt ? { attempt } : {},
    );
    logger.info("wake-up handled", {
      applicantId,
      outcome: result.outcome,
      reminders: result.reminderIds.length,
      nextWakeUpAt: result.nextWakeUpAt,
    });
    return result;
  };
}
