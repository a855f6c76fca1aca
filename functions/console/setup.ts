import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { jwtVerifier } from "#adapters/auth/jwt-verifier.ts";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoConsoleStore } from "#adapters/dynamodb/console-store.ts";
import { DynamoIntakeStore } from "#adapters/dynamodb/intake-store.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { type SesLoader, sesMailerOnFirstSend } from "#adapters/ses/escalation-for.ts";
import { loadConsoleConfig } from "#config/console.ts";
import { keyringSource } from "#config/secrets.ts";
import { recipientLinks } from "#email/recipient-links.ts";
import { createLogger } from "#observability/logger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createConsoleApp } from "./app.ts";

/**
 * The console function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (only those it uses; the benchmarks pass counting ones), and the
 * handler over them. SES, used only by "Resend the latest notice", comes as a loader (`resendSes`)
 * resolved on the first resend. handler.ts is the Lambda entry that calls it.
 */
export function setupConsole(clients: Pick<AwsClientFactory, "documents"> & { resendSes: SesLoader }) {
  const config = loadConsoleConfig();
  const logger = createLogger("console");
  const client = clients.documents(config, "console");
  const table = new DynamoTable({ client, tableName: config.tableName });
  const clock = clockFor(config.clock);
  const linkKeyring = keyringSource(config.linkSigningKeys);

  /** The shell's static files: ours beside the handler, htmx from the bundle's copy or node_modules. */
  function asset(name: string): string {
    try {
      return readFileSync(join(config.assetsDir, name), "utf8");
    } catch (error) {
      if (name !== "htmx.min.js") throw error;
      return readFileSync(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"), "utf8");
    }
  }

  const app = createConsoleApp({
    applicants: new DynamoApplicantRepository(table),
    intake: new DynamoIntakeStore(table),
    ledger: new DynamoReminderLedger(table),
    suppression: new DynamoSuppressionList(table),
    console: new DynamoConsoleStore({
      client,
      tableName: config.tableName,
    }),
    clock,
    // "Resend the latest notice" sends through the reminders' own path, wired as the reminder function's.
    planning: domainPlanning,
    // SES is loaded on the first resend, not at cold start: most console requests send nothing.
    mailer: sesMailerOnFirstSend(config, "console", clients.resendSes, config),
    ...recipientLinks({ publicBaseUrl: config.publicBaseUrl, linkKeyring, clock }),
    verifier: jwtVerifier({
      issuer: config.issuer,
      audience: config.clientId,
      ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
    }),
    shell: {
      authorizeUrl: config.authorizeUrl,
      tokenUrl: config.tokenUrl,
      clientId: config.clientId,
      redirectUri: `${config.publicBaseUrl}/console`,
      apiBase: "",
    },
    assets: Object.fromEntries(
      ["console.css", "console.js", "htmx.min.js"].map((name) => [name, asset(name)]),
    ),
    logger,
  });

  return async function handler(
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> {
    logger.addContext(context);
    return app(event);
  };
}
