import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { createDynamoDocumentClient } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import { loadHttpApiConfig } from "#config/env.ts";
import { keyringSource, secretSource } from "#config/secrets.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "./app.ts";
import { formIntakeFromFolder } from "./form-routes.ts";

// Composition root: built once per cold start.
const config = loadHttpApiConfig();
const logger = createLogger("http-api");
const store = new DynamoApplicantStore({
  client: createDynamoDocumentClient(config),
  tableName: config.tableName,
});
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
  applicantPages: {
    settings: store,
    planning: domainPlanning,
    keyring: keyringSource(config.linkSigningKeys),
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
  },
});

export async function handler(
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  return api(event);
}
