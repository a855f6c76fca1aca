import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FieldProblem } from "#domain/field-problems.ts";
import { InvalidInputError, MatchpathError } from "#errors";
import { answerTypesMarkdown } from "#intake/mapping/answer-types.ts";
import { contractGaps } from "#intake/mapping/contract.ts";
import { mapSubmissionWithNotes } from "#intake/mapping/mapper.ts";
import { loadMappingDirs, loadMappingFile } from "#intake/mapping/registry.ts";
import { MAPPING_FOLDERS, providerNamed } from "#intake/providers/list.ts";
import type { FormProvider } from "#intake/providers/provider.ts";
import { parseUnverified } from "#intake/receive.ts";

const HELP = `Connect a form without code: check a form mapping against a saved provider payload.

Usage:
  npm run forms -- check <mapping.json> <payload-file> [--content-type <type>]
      Reads the payload as the provider sends it (the raw request body: JSON for Typeform, Tally and
      Google Forms; multipart/form-data, urlencoded or JSON for Jotform), maps it with the mapping and
      prints the resulting submission JSON. Exit 2 with every problem when the answers do not map.
      Warns about a snapshot path the contract needs that a blank answer would leave empty (its
      question is not in "required" and it has no default): that applicant would be refused whole.
      Signatures are NOT checked here (a saved body has none); the routes always check them.
      --content-type  for a provider that posts forms (Jotform); default: guessed from the body
                      (multipart when it starts with "--").
  npm run forms -- list [folder]
      Lists the mappings in a folder (default: each provider's, shared/intake/providers/<name>/forms)
      and validates each.
  npm run forms -- types
      Prints every answer type each provider documents and what it maps to (or why it is refused),
      the table of the providers guide (shared/intake/PROVIDERS.md).
  npm run forms -- --help

Interviews: map a whole start (a Jotform Appointment, an ISO date-time) to interviews.N.startsAt,
or its parts to interviews.N.startsAt.date, .time and .zone; the zone may be an answer or a default
("interview", "applicant" in a snapshot, or a zone name such as America/Chicago). A time the clocks
skip (daylight saving time) is refused; a time they show twice is the earlier of the two, and check
prints a note saying so. Dates and times written for people (a Google Sheet's 12/11/2026, 8:00:00 PM)
need the form's locale or a Luxon format: { "date": { "locale": "en-US" } }, { "time": { "format": "h:mm a" } }.
Guide: shared/intake/PROVIDERS.md.

Examples:
  npm run forms -- check shared/intake/providers/tally/forms/tally-progress-update.json test/fixtures/providers/tally/example-webhook-event.json
  npm run forms -- check shared/intake/providers/jotform/forms/jotform-interview-report.json test/fixtures/providers/jotform/interview-report.derived.multipart
  npm run forms -- list
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DEFAULT_FOLDERS = MAPPING_FOLDERS.map((folder) => join(ROOT, folder));

/** Runs the CLI; returns the exit code (0 ok, 1 usage, 2 problems). */
export async function runForms(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command === undefined ? 1 : 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  try {
    if (command === "list") return await list(rest[0] === undefined ? DEFAULT_FOLDERS : [rest[0]], io);
    if (command === "types") {
      io.out(answerTypesMarkdown());
      return 0;
    }
    if (command === "check") return await check(rest, io);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      io.err(`${error.message}\n${formatProblems(error.problems)}`);
      return 2;
    }
    if (error instanceof MatchpathError || isNodeFileError(error)) {
      io.err(`${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
  io.err(`unknown command ${JSON.stringify(command)}\n\n${HELP}`);
  return 1;
}

async function list(folders: readonly string[], io: Io): Promise<number> {
  const found = await loadMappingDirs(folders);
  if (found.length === 0) {
    io.out(`no mappings in ${folders.join(", ")}\n`);
    return 0;
  }
  const rows = found.map(({ file, mapping }) => [
    mapping.provider,
    mapping.formId,
    mapping.kind,
    `${Object.keys(mapping.fields).length} fields`,
    relative(process.cwd(), file),
  ]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) io.out(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")}\n`);
  return 0;
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const positional: string[] = [];
  let contentType: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--content-type") contentType = args[++i];
    else if (arg !== undefined) positional.push(arg);
  }
  const [mappingPath, payloadPath] = positional;
  if (mappingPath === undefined || payloadPath === undefined || positional.length > 2) {
    io.err(`check needs a mapping file and a payload file\n\n${HELP}`);
    return 1;
  }
  const mapping = await loadMappingFile(mappingPath);
  // Warned before the payload is mapped: this payload may answer everything, the next applicant may not.
  for (const gap of contractGaps(mapping)) io.err(`warning: ${gap.path}: ${gap.message}\n`);
  const body = await readFile(payloadPath);
  const { savedRequest }: FormProvider = providerNamed(mapping.provider);
  const request = savedRequest ? savedRequest(body, contentType) : { rawBody: body, headers: {} };
  const form = await parseUnverified(mapping.provider, request);
  if (form.formId !== mapping.formId) {
    io.err(`note: the payload is from form ${form.formId}; the mapping is for form ${mapping.formId}\n`);
  }
  const { submission, notes } = mapSubmissionWithNotes(mapping, form);
  for (const note of notes) io.err(`note: ${note.path}: ${note.message}\n`);
  io.out(`${JSON.stringify(submission, null, 2)}\n`);
  return 0;
}

export function formatProblems(problems: readonly (FieldProblem & { field?: string })[]): string {
  return problems.map((problem) => `  - ${problem.path}: ${problem.message}\n`).join("");
}

function isNodeFileError(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "EISDIR");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await runForms(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
