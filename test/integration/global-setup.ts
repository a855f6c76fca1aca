import type { TestProject } from "vitest/node";
import { startLocalStack } from "#local/stack.ts";
import { captureLogs, personalDataIn } from "./support/log-capture.ts";

/**
 * Starts the local stack once for the integration project, with the same code as `npm start`:
 * DynamoDB Local in memory, the SES emulator, the PutEvents endpoint, the handlers behind the
 * HTTP server, the stream poller and the local clock, all on free ports and nothing on disk.
 * Tests reach it over HTTP with the values provided here (read them with `inject`).
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** The HTTP API, e.g. http://127.0.0.1:41234 (also serves the /local/* routes). */
    apiUrl: string;
    /** The SES emulator (GET /store, POST /clear-store). */
    sesUrl: string;
    dynamodbEndpoint: string;
    eventBridgeEndpoint: string;
    tableName: string;
    eventBusName: string;
    webhookSecret: string;
    /** The secret (Jotform: URL token) of each form-provider route. */
    formSecrets: Record<"typeform" | "tally" | "jotform" | "google-forms", string>;
    /** The console's local sign-in: issuer, client and the accounts' shared password. */
    console: {
      url: string;
      issuer: string;
      clientId: string;
      password: string;
      users: { email: string; groups: string[] }[];
    };
    /** The environment the handlers were started with, for tests that invoke one in-process. */
    handlerEnv: Record<string, string>;
  }
}

const HANDLER_ENV_KEYS = [
  "AWS_REGION",
  "TABLE_NAME",
  "CLOCK",
  "WAKE_UP_SCHEDULER",
  "MATCHPATH_DYNAMODB_ENDPOINT",
  "MATCHPATH_SES_ENDPOINT",
  "MATCHPATH_EVENTBRIDGE_ENDPOINT",
  "EVENT_BUS_NAME",
  "SENDER_ADDRESS",
  "PUBLIC_BASE_URL",
  "WEBHOOK_SECRET",
  "LINK_SIGNING_KEYS",
  "POWERTOOLS_LOG_LEVEL",
] as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every log line of every handler, at every level, is kept and scanned at the end for the
  // personal data the suite sent in (DESIGN: nothing personal in logs); errors are still shown.
  const logs = captureLogs();
  const stack = await startLocalStack({
    ports: { api: 0, ses: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
    // The season the tests walk through starts here; each test sets the clock it needs.
    clockStart: new Date("2026-06-01T00:00:00Z"),
    log: (line) => logs.diagnostic(`[local stack] ${line}`),
    handlerLogLevel: "DEBUG",
    // The one advisor who opted in to the daily digest (DIGEST_ADVISORS): only advisor-digest.test.ts
    // uses it (DIGEST_ADVISOR in support/applicants.ts).
    digestAdvisors: ["digest.advisor@advisors.example"],
  });

  project.provide("apiUrl", stack.urls.api);
  project.provide("sesUrl", stack.urls.inbox);
  project.provide("dynamodbEndpoint", stack.urls.dynamodb);
  project.provide("eventBridgeEndpoint", stack.urls.eventbridge);
  project.provide("tableName", stack.tableName);
  project.provide("console", {
    url: stack.urls.console,
    issuer: stack.urls.issuer,
    clientId: stack.consoleSignIn.issuer.clientId,
    password: stack.consoleSignIn.password,
    users: stack.consoleSignIn.users.map(({ email, groups }) => ({ email, groups })),
  });
  project.provide("eventBusName", stack.eventBusName);
  project.provide("webhookSecret", stack.webhookSecret);
  project.provide("formSecrets", stack.formSecrets);
  const handlerEnv: Record<string, string> = {};
  for (const key of HANDLER_ENV_KEYS) {
    const value = process.env[key];
    if (value !== undefined) handlerEnv[key] = value;
  }
  project.provide("handlerEnv", handlerEnv);

  return async () => {
    try {
      const leaks = await personalDataIn(logs.text(), {
        dynamodbEndpoint: stack.urls.dynamodb,
        tableName: stack.tableName,
        allowedAddresses: [process.env.SENDER_ADDRESS ?? ""],
      });
      if (leaks.found.length > 0) {
        throw new Error(
          `Personal data in the handlers' logs (${leaks.found.length}):\n${leaks.found.slice(0, 20).join("\n")}`,
        );
      }
      process.stderr.write(
        `[log hygiene] ${logs.lineCount()} log lines of the integration suite scanned: no personal data of ${leaks.applicants} stored applicants, no email address\n`,
      );
    } finally {
      logs.restore();
      await stack.stop();
    }
  };
}
