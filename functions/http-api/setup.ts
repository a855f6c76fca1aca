import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoApplicantSettings } from "#adapters/dynamodb/applicant-settings.ts";
import { DynamoIntakeStore } from "#adapters/dynamodb/intake-store.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { type SesLoader, sesMailerOnFirstSend } from "#adapters/ses/escalation-for.ts";
import { loadHttpApiConfig } from "#config/http-api.ts";
import { keyringSource, secretSource } from "#config/secrets.ts";
import { createLogger } from "#observability/logger.ts";
import { createHttpApi } from "./app.ts";
import { formIntakeFromFolders } from "./form-mappings.ts";

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/**
 * The http-api function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (the benchmarks pass counting ones), and the
 * handler over them. handler.ts is the Lambda entry that calls it. Only the DynamoDB client is
 * built at cold start; SES, used only by "Email me a fresh link", comes as a loader (`freshLinkSes`)
 * resolved on the first one sent, so no other SDK client is evaluated at cold start.
 */
export function setupHttpApi(clients: Pick<AwsClientFactory, "documents"> & { freshLinkSes: SesLoader }) {
  const config = loadHttpApiConfig();
  const logger = createLogger("http-api");
  const table = new DynamoTable({
    client: clients.documents(config, "http-api"),
    tableName: config.tableName,
  });
  const keyring = keyringSource(config.linkSigningKeys);

  const api = createHttpApi({
    intake: new DynamoIntakeStore(table),
    applicants: new DynamoApplicantRepository(table),
    suppression: new DynamoSuppressionList(table),
    clock: clockFor(config.clock),
    webhookSecret: secretSource(config.webhookSecret),
    unsubscribeKeys: {
      keyring,
      ...(config.unsubscribeSecret ? { legacySecret: secretSource(config.unsubscribeSecret) } : {}),
    },
    logger,
    forms: formIntakeFromFolders(
      Object.fromEntries(
        Object.entries(config.formSecrets).map(([provider, setting]) => [provider, secretSource(setting)]),
      ),
      config.formMappingsDirs,
    ),
    applicantPages: once(async () => ({
      settings: new DynamoApplicantSettings(table),
      // The planner is imported on the first applicant page, not at cold start.
      planning: (await import("#usecases/domain-planning.ts")).domainPlanning,
      keyring,
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    })),
    ...(config.freshLinks ? { freshLinks: freshLinksOf(config.freshLinks) } : {}),
  });

  /** The ledger (imported on the first fresh link, with the plan code it writes) and SES on first send. */
  function freshLinksOf(sender: { senderAddress: string; sesConfigurationSet?: string }) {
    const mailer = sesMailerOnFirstSend(config, "http-api", clients.freshLinkSes, sender);
    return once(async () => {
      const { DynamoReminderLedger } = await import("#adapters/dynamodb/reminder-ledger.ts");
      return { ledger: new DynamoReminderLedger(table), mailer };
    });
  }

  return async function handler(
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> {
    logger.addContext(context);
    return api(event);
  };
}
