import { join } from "node:path";
import { FORM_PROVIDERS, PROVIDERS } from "#intake/providers/list.ts";
import { parseCommandLine } from "./cli-args.ts";
import { startLocalStack } from "./stack.ts";
import type { LocalStack } from "./stack-options.ts";

/**
 * `npm start`: the whole pipeline on this machine (see stack.ts), until Ctrl-C.
 * The one place of the local stack that reads the environment.
 */

const USAGE = `Usage: npm start [-- --in-memory] [-- --help]

Runs Matchpath on this machine with real parts only:
  - DynamoDB Local (Java 17+) with the table and its stream      :8000  (data in .data/dynamodb)
  - the SES v2 emulator (aws-ses-v2-local) and its web inbox     :8005
  - a local EventBridge PutEvents endpoint (events in .data/events.jsonl)
  - the HTTP API Lambda behind a server speaking API Gateway payload 2.0   :3000
  - the advisor's console (console Lambda) at /console, signed in through a local
    OpenID Connect issuer (discovery, JWKS, sign-in form) standing in for Cognito   :8010
  - a stream poller feeding the planner Lambda, and the reminder Lambda fired by
    the table-kept wake-ups when the local clock moves

Options:
  --in-memory   keep the database in memory (secrets and events still go to .data/)
  --help        this text

Environment:
  PORT                       HTTP API port (default 3000; 0 picks a free one)
  MATCHPATH_WEBHOOK_SECRET   a whsec_ secret; default: kept in .data/webhook-secret (generated once)
  ${FORM_PROVIDERS.map((p) => `MATCHPATH_${p.secretVariable}`).join(", ")}
                             the form-provider routes' secrets; default: kept in .data/<provider>-secret
  MATCHPATH_CLOCK            the local clock's start instant, e.g. 2026-06-01T09:00:00Z (default: now)
  MATCHPATH_SES_PORT         SES emulator port (default 8005)
  MATCHPATH_DYNAMODB_PORT    DynamoDB Local port (default 8000)
  MATCHPATH_OIDC_PORT        the local OpenID Connect issuer's port (default 8010)
  MATCHPATH_CONSOLE_PASSWORD the console accounts' password; default: kept in .data/console-password
  MATCHPATH_DATA_DIR         where state is kept (default .data): the database, the secrets, and
                             link-signing-keys, the keyring every link in the emails is signed with

Routes:
  GET  /health
  POST /intake/webhook            Standard Webhooks signed applicant snapshot or milestone update
  POST /intake/${PROVIDERS.join("|")}
                                  a form provider's own webhook, mapped by shared/intake/providers/<name>/forms/*.json
  GET|POST /unsubscribe?token=    one-click unsubscribe (the link in every email)
  The applicant's pages, each reached by a signed link from every email (?applicant=<id>&token=…):
  GET  /timeline                  next steps with their buttons, blocked steps, risks, budget, next emails
  GET|POST /actions               one-tap Done / Scheduled for… / Snooze / Not for me (GET confirms, POST records)
  GET  /calendar.ics              the calendar feed (offered as webcal://)
  GET|POST /preferences           delivery time, quiet hours, weekly summary, categories
  GET  /console                   the advisor's console (every other /console/* route needs a bearer token)
  GET  /local/clock               the local clock (moves that cross midnight UTC run the daily sweeper)
  POST /local/clock               {"now":"2026-09-01T09:00:00Z"} or {"advance":"P7D"}: moves the clock
                                  and fires every reminder that falls due on the way
  GET  /local/events              published domain events
  GET  /local/dlq                 dead-lettered stream batches
  GET  /local/applicants/:id[/plan]
  GET  /local/applicants/:id/links  that applicant's timeline, preferences and calendar links, signed
                                  as an email would sign them (no need to wait for an email)

Examples:
  curl http://127.0.0.1:3000/health
  curl -X POST http://127.0.0.1:3000/local/clock -d '{"advance":"P30D"}'
  npm run demo                    posts four signed applicants and walks the clock through a season
`;

function fail(message: string): never {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
}

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535)
    fail(`${name} must be a port number, not "${value}"`);
  return parsed;
}

function clockStart(): Date | undefined {
  const value = process.env.MATCHPATH_CLOCK;
  if (value === undefined || value === "") return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) fail(`MATCHPATH_CLOCK must be an ISO 8601 instant, not "${value}"`);
  return instant;
}

/**
 * The banner's sample applicant, advised by `advisor` (one of the console's printed advisors), who
 * then finds them in their cohort; `escalateToAdvisor`: a critical risk is emailed to them too.
 */
const curlBody = (advisor: string) =>
  JSON.stringify({
    type: "applicant.snapshot",
    submissionId: "curl-1",
    applicant: {
      externalId: "curl-demo",
      email: "priya.raman@example.org",
      fullName: "Priya Raman",
      timezone: "Asia/Kolkata",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-05-31",
      medicalSchool: { name: "Madras Medical College", country: "IN", wdomsSponsorNote: true },
      programsPlanned: 80,
      advisorEmail: advisor,
      escalateToAdvisor: true,
    },
    milestones: [{ key: "usmle_step1", status: "done", date: "2025-03-10" }],
  });

/** A signed request to paste into a shell: computed there, so its timestamp is fresh (5-minute tolerance). */
function curlExample(stack: LocalStack, advisor: string): string {
  return [
    `  # the same from a shell, for other tools (needs openssl); ${advisor} finds this applicant in the console's cohort:`,
    `  SECRET='${stack.webhookSecret}'`,
    `  BODY='${curlBody(advisor)}'`,
    "  ID=msg_$(date +%s%N); TS=$(date +%s)",
    "  KEY=$(printf %s \"$SECRET\" | cut -c7- | base64 -d | od -An -tx1 | tr -d ' \\n')",
    '  SIG=$(printf %s "$ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | base64)',
    `  curl -i ${stack.urls.api}/intake/webhook -H 'content-type: application/json' \\`,
    '    -H "webhook-id: $ID" -H "webhook-timestamp: $TS" -H "webhook-signature: v1,$SIG" --data-binary "$BODY"',
  ].join("\n");
}

async function main(): Promise<void> {
  const values = parseCommandLine({ "in-memory": { type: "boolean" } }, USAGE);

  process.stdout.write("Starting Matchpath locally…\n");
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      dataDir: process.env.MATCHPATH_DATA_DIR || ".data",
      inMemory: values["in-memory"] ?? false,
      ports: {
        api: port("PORT", 3000),
        ses: port("MATCHPATH_SES_PORT", 8005),
        dynamodb: port("MATCHPATH_DYNAMODB_PORT", 8000),
        oidc: port("MATCHPATH_OIDC_PORT", 8010),
      },
      ...(process.env.MATCHPATH_WEBHOOK_SECRET
        ? { webhookSecret: process.env.MATCHPATH_WEBHOOK_SECRET }
        : {}),
      ...(clockStart() ? { clockStart: clockStart() as Date } : {}),
      onProgress: (line) => process.stdout.write(`✓ ${line}\n`),
      log: (line) => process.stderr.write(`${line}\n`),
      handlerLogLevel: process.env.POWERTOOLS_LOG_LEVEL ?? "WARN",
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  // The sample applicant's advisor: the first advisor account printed below (not the admin, who sees everyone).
  const advisor =
    stack.consoleSignIn.users.find((user) => !user.groups.includes("admin"))?.email ??
    "helen.advisor@matchpath.example";
  process.stdout.write(
    [
      "",
      `Matchpath is running (ready in ${(stack.startedInMs / 1000).toFixed(1)} s):`,
      `  API          ${stack.urls.api}   (GET /health, POST /intake/webhook, /unsubscribe)`,
      `  Inbox        ${stack.urls.inbox}   (every email sent since this start, with its headers; not kept across restarts)`,
      `  DynamoDB     ${stack.urls.dynamodb}   (table ${stack.tableName})`,
      `  EventBridge  ${stack.urls.eventbridge}   (bus ${stack.eventBusName}; GET ${stack.urls.api}/local/events)`,
      `  Console      ${stack.urls.console}   (the advisor's console; sign in below)`,
      `  Sign-in      ${stack.urls.issuer}   (local OpenID Connect issuer, standing in for Cognito)`,
      `  Clock        ${stack.clock.now().toISOString()}   (POST ${stack.urls.api}/local/clock {"advance":"P7D"})`,
      "",
      `Webhook secret: ${stack.webhookSecret}${stack.webhookSecretFile ? `   (kept in ${stack.webhookSecretFile})` : ""}`,
      `Link keys:      ${join(process.env.MATCHPATH_DATA_DIR || ".data", "link-signing-keys")}   (sign every link in the emails; kept, so a link you saved works after a restart)`,
      `Console sign-in, password ${stack.consoleSignIn.password}${stack.consoleSignIn.passwordFile ? ` (kept in ${stack.consoleSignIn.passwordFile})` : ""}:`,
      ...stack.consoleSignIn.users.map(
        (user) =>
          `  ${user.email}${user.groups.includes("admin") ? "   (admin: every applicant)" : "   (advisor: their own applicants)"}`,
      ),
      `Form routes:    ${stack.urls.api}/intake/{${PROVIDERS.join(",")}}   (secrets: ${join(process.env.MATCHPATH_DATA_DIR || ".data", "<provider>-secret")}; see shared/intake/PROVIDERS.md)`,
      `Applicant pages: the timeline, actions, calendar and preferences links in every email; for any applicant now:`,
      `                curl ${stack.urls.api}/local/applicants/<applicantId>/links`,
      "",
      "Try it:  npm run demo      (four signed applicants, then a season of reminders into the inbox)",
      `         npm run webhook -- <snapshot.json>${stack.urls.api === "http://127.0.0.1:3000" ? "" : ` --url ${stack.urls.api}/intake/webhook`}   (signs a snapshot with the secret above and posts it; --help)`,
      `         locally, due emails go out when you move the clock: curl -X POST ${stack.urls.api}/local/clock -d '{"advance":"P1D"}'`,
      "         (a new applicant's first email waits for their delivery time, 09:00 in their zone unless they chose",
      `         another: advance past it, or set {"now":"<ISO>"}; a few minutes' move sends nothing yet; npm run demo moves it for you)`,
      curlExample(stack, advisor),
      "",
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );

  let stoppingSince: number | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C reaches this process twice: from the terminal's process group and relayed by tsx.
      if (Date.now() - stoppingSince < 2_000) return;
      process.stderr.write("Still stopping; a second Ctrl-C forces the exit.\n");
      process.exit(130);
    }
    stoppingSince = Date.now();
    process.stdout.write(`\n${signal}: stopping…\n`);
    stack.stop().then(
      () => {
        process.stdout.write(
          "✓ Stopped (DynamoDB Local, SES emulator, EventBridge endpoint, API, poller).\n",
        );
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`✗ Stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

await main();
