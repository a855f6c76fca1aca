import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { createDynamoDocumentClient } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { loadHttpApiConfig } from "#config/env.ts";
import { keyringSource, secretSource } from "#config/secrets.ts";
import { createLogger } from "#observability/logger.ts";
import { createHttpApi } from "./app.ts";
import { formIntakeFromFolder } from "./form-mappings.ts";

// Composition root: built once per cold start.
const config = loadHttpApiConfig();
const logger = createLogger("http-api");
const store = new DynamoApplicantStore({
  client: createDynamoDocumentClient(config),
  tableName: config.tableName,
});
const keyring = keyringSource(config.linkSigningKeys);

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

const api = createHttpApi({
  store,
  clock: clockFor(config.clock),
  webhookSecret: secretSource(config.webhookSecret),
  unsubscribeSecret: secretSource(config.unsubscribeSecret),
  logger,
  forms: formIntakeFromFolder(
    Object.fromEntries(
      Object.entries(config.formSecrets).map(([provider, setting]) => [provider, secretSource(setting)]),
    ),
    config.formMappingsDir,
  ),
  applicantPages: once(async () => ({
    settings: store,
    // The planner is imported on the first applicant page, not at cold start.
    planning: (await import("#usecases/domain-planning.ts")).domainPlanning,
    keyring,
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
  })),
});

export async function handler(
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  return api(event);
}
