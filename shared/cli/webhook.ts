import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { signedHeaders } from "#intake/standard-webhooks.ts";

/**
 * `npm run webhook`: signs a snapshot file per Standard Webhooks with the very signer the intake
 * verifies with, and posts it to the local stack (or any URL), so a new user needs no openssl
 * recipe to send their first applicant. The secret and port are found where `npm start` keeps them.
 */

const HELP = `Send an applicant snapshot (or a milestone.update) to Matchpath, signed per Standard Webhooks.

Usage:
  npm run webhook -- <snapshot.json> [--url <url>] [--secret <whsec_...>] [--id <webhook-id>]

Start the local stack first (\`npm start\`, in another terminal). This command signs the file with
the webhook secret \`npm start\` printed, posts it to the stack's POST /intake/webhook and prints
the answer:
  202 {"outcome":"created"}    stored: the applicant is planned within seconds
                               (see it with: curl <API>/local/applicants/<applicantId>/links)
  202 {"outcome":"duplicate"}  this submissionId was received before: nothing changed
                               (give the file a new "submissionId" to send a change)
  401 problem+json             the signature does not match: another secret than the stack's
  400/422 problem+json         the snapshot was refused: "errors" names each field and why

Options:
  --url <url>      where to post; default http://127.0.0.1:<PORT>/intake/webhook, PORT as
                   \`npm start\` reads it (default 3000). A deployed stage: <ApiEndpoint>/intake/webhook
  --secret <whsec> the whsec_ secret to sign with; default MATCHPATH_WEBHOOK_SECRET, else the file
                   \`npm start\` keeps it in: <MATCHPATH_DATA_DIR or .data>/webhook-secret
  --id <id>        the webhook-id header; default a new msg_<uuid> each run
  --help           this text

What the file holds: shared/schema/applicant-snapshot.schema.json (\`npm run schema\` writes it).
Exit codes: 0 accepted (2xx), 1 nothing answered or a file is unreadable, 2 usage, 3 refused (4xx, 5xx).

Examples:
  npm run webhook -- test/fixtures/scenarios/early-starter-2028.json
  npm run webhook -- my-applicant.json --url https://abc123.execute-api.us-east-1.amazonaws.com/intake/webhook --secret "$(cat my-stage-secret)"
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What the command reads from its surroundings: the environment (PORT, the secret's places). */
export interface WebhookEnv {
  PORT?: string | undefined;
  MATCHPATH_WEBHOOK_SECRET?: string | undefined;
  MATCHPATH_DATA_DIR?: string | undefined;
}

/** Runs the command; returns its exit code (0 accepted, 1 not answered or unreadable, 2 usage, 3 refused). */
export async function runWebhook(argv: readonly string[], env: WebhookEnv, io: Io): Promise<number> {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.err(
      `${file === undefined ? "Give the snapshot file to send." : `Unexpected argument ${extra[0]}.`}\n\n${HELP}`,
    );
    return 2;
  }
  const url = values.url ?? `http://127.0.0.1:${env.PORT || "3000"}/intake/webhook`;

  let body: string;
  try {
    body = await readFile(file, "utf8");
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const secret = await secretFrom(values.secret, env, io);
  if (secret === undefined) return 1;

  let headers: Record<string, string>;
  try {
    headers = signedHeaders(secret, values.id ?? `msg_${randomUUID()}`, body);
  } catch (error) {
    io.err(
      `Cannot sign with that secret: ${(error as Error).message} (a whsec_ secret, as npm start prints it).\n`,
    );
    return 2;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
  } catch (error) {
    io.err(notAnswered(url, values.url === undefined, error));
    return 1;
  }
  const answer = await response.text();
  const type = response.headers.get("content-type") ?? "";
  io.out(`${response.status} ${response.statusText}${type ? ` (${type})` : ""}\n${pretty(answer)}\n`);
  return response.ok ? 0 : 3;
}

function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: "string" },
      secret: { type: "string" },
      id: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** The secret as `npm start` finds it: given, else MATCHPATH_WEBHOOK_SECRET, else the file it keeps. */
async function secretFrom(given: string | undefined, env: WebhookEnv, io: Io): Promise<string | undefined> {
  if (given) return given;
  if (env.MATCHPATH_WEBHOOK_SECRET) return env.MATCHPATH_WEBHOOK_SECRET;
  const file = join(env.MATCHPATH_DATA_DIR || ".data", "webhook-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    io.err(
      `No webhook secret: ${file} does not exist. \`npm start\` makes it on its first start (run it from this folder), or give --secret whsec_... (the secret the stack you post to checks).\n`,
    );
    return undefined;
  }
}

/** Nothing listens there: most often the local stack is not started, or on another port. */
function notAnswered(url: string, defaultUrl: boolean, error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
  const hint = defaultUrl
    ? 'Is the local stack running? Start it in another terminal with `npm start` and wait for "Matchpath is running"; if it runs on another port, set PORT as you did for it, or give --url.'
    : "Check the address, and that the stack behind it is running.";
  return `Nothing answered at ${url} (${cause}). ${hint}\n`;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runWebhook(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
