import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { applicantPlan } from "#domain/applicant-plan.ts";
import { everyProblem, parsableParts } from "#domain/console/parsable-parts.ts";
import { type RefusalRules, submissionRefusals } from "#domain/console/submission-refusals.ts";
import { notWaivableProblems } from "#domain/console/waivable-steps.ts";
import { fieldProblems } from "#domain/field-problems.ts";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import { outcomeBeforeWindowProblems } from "#domain/planner/outcome-before-window.ts";
import { scoreStatusProblems } from "#domain/planner/scheduled-score.ts";
import { assertSeasonData, SeasonDataError, seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { withStepSources } from "#domain/step-sources.ts";
import { runEmailPreview } from "./email-preview-cli.ts";
import { interviewWarningLines } from "./interview-warnings.ts";
import { planAsListed } from "./listed-plan.ts";
import { type Options, parseArgs, USAGE } from "./plan-args.ts";
import { renderPlan } from "./plan-report.ts";
import { snapshotJson } from "./snapshot-json.ts";

export { renderPlan };

/**
 * `npm run plan -- <snapshot.json> [--now <ISO>] [--signed-up <ISO>] [--json]`: plans one applicant
 * snapshot and prints a readable table, or the plan as JSON; with `--emails <dir>`, writes the
 * emails the plan would send instead (email-preview-cli.ts). Exit codes: 0 planned; 1 the file could
 * not be read, or the season data failed its check; 2 invalid arguments or invalid input (every
 * problem listed with its JSON path). This is an edge: it may read files and the clock; the planner
 * it calls does neither.
 */

/** Every rule the intake may load, loaded: a CLI has no cold start to spare. */
const REFUSAL_RULES: RefusalRules = { scoreStatusProblems, outcomeBeforeWindowProblems, notWaivableProblems };

/** What the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  now(): Date;
  out(text: string): void;
  err(text: string): void;
}

/** A snapshot the intake would accept, with its season calendar and the instant to plan at. */
interface ReadSnapshot {
  snapshot: ApplicantSnapshot;
  calendar: ReturnType<typeof seasonCalendar>;
  now: Date;
}

/** Runs the CLI; returns the exit code. `--emails` writes files, so it runs through runCli. */
export function runPlanCli(args: readonly string[], io: CliIo): number {
  const options = parseArgs(args);
  if ("help" in options) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if ("error" in options) {
    io.err(`${options.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.emails !== undefined) {
    io.err("--emails writes files and waits on them: run it through runCli\n");
    return 2;
  }
  const read = readSnapshot(options, io);
  if ("code" in read) return read.code;
  const { snapshot, calendar, now } = read;
  const { fullName, timezone } = snapshot.applicant;
  // As deployed (snoozes applied; no preferences; signed up at --signed-up, else now), sources cited.
  const input = { ...snapshot, signedUpAt: options.signedUp ?? now.toISOString() };
  const result = withStepSources(applicantPlan(input, undefined, calendar, now), timezone);
  warnInterviews(snapshot, calendar, result, io);
  io.out(
    options.json
      ? `${JSON.stringify(planAsListed(result, timezone, snapshot.interviews), null, 2)}\n`
      : renderPlan(result, fullName, timezone, snapshot.interviews, snapshot.milestones),
  );
  return 0;
}

/** The CLI as `npm run plan` runs it: the plan (runPlanCli), or with `--emails` the emails it would send. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (!("file" in options) || options.emails === undefined) return runPlanCli(args, io);
  const read = readSnapshot(options, io);
  if ("code" in read) return read.code;
  // The preview plans the same snapshot: the same warnings, from the plan at --now.
  const { snapshot, calendar, now } = read;
  const input = { ...snapshot, signedUpAt: options.signedUp ?? now.toISOString() };
  warnInterviews(snapshot, calendar, applicantPlan(input, undefined, calendar, now), io);
  return runEmailPreview(read.snapshot, { ...options.emails, now: read.now, signedUp: options.signedUp }, io);
}

/**
 * An interview outside the entered Match's season (a past season's, a typo) is no evidence the plan
 * reads: say so on stderr, in that Match's name, rather than leave it out silently; the plan and
 * the email preview alike.
 */
function warnInterviews(
  snapshot: ApplicantSnapshot,
  calendar: ReturnType<typeof seasonCalendar>,
  result: Parameters<typeof laterPlannedMatchYear>[0],
  io: CliIo,
): void {
  const movedTo = laterPlannedMatchYear(result);
  const later = movedTo === undefined ? undefined : seasonCalendar(movedTo);
  for (const line of interviewWarningLines(snapshot.interviews, calendar, later)) io.err(line);
}

/**
 * The season data checked, the snapshot read and refused as the intake refuses it, its season
 * calendar: what the plan and the email preview both start from; else the exit code, the problems
 * printed.
 */
function readSnapshot(options: Options, io: CliIo): ReadSnapshot | { code: number } {
  // A season file that fails its check is the data's fault, named by file and entry before any
  // snapshot is read, so no refusal or problem of the applicant's is printed for it.
  try {
    assertSeasonData();
  } catch (error) {
    if (!(error instanceof SeasonDataError)) throw error;
    io.err(`invalid season data:\n${error.message}\n`);
    return { code: 1 };
  }
  let text: string;
  try {
    text = io.readFile(options.file);
  } catch (error) {
    io.err(`cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return { code: 1 };
  }
  const read = snapshotJson(text);
  if ("refused" in read) {
    io.err(`invalid snapshot:\n  (root): ${read.refused}\n`);
    return { code: 2 };
  }
  const parsed = ApplicantSnapshotSchema.safeParse(read.json);
  const now = options.now ?? io.now();
  if (!parsed.success) {
    // As the intake answers: the refusals on the parts that parse beside the schema's problems.
    const problems = everyProblem(parsableParts(read.json), fieldProblems(parsed.error), (input) =>
      submissionRefusals(input, now, REFUSAL_RULES).flatMap((refusal) => refusal.problems),
    );
    io.err(`invalid snapshot:\n${problems.map((each) => `  ${each.path}: ${each.message}`).join("\n")}\n`);
    return { code: 2 };
  }
  const snapshot = parsed.data;
  // The intake's own refusals, from its module (submission-refusals.ts) with `--now` as today: a plan
  // for a snapshot the intake refuses (a step done after today read as passed, an exam "waived" read
  // as passed) would show an advisor a plan no applicant can get. Every field of every refusal is named.
  const refused = submissionRefusals(snapshot, now, REFUSAL_RULES).flatMap((refusal) => refusal.problems);
  if (refused.length > 0) {
    io.err(
      `invalid snapshot:\n${refused.map((problem) => `  ${problem.path}: ${problem.message}`).join("\n")}\n`,
    );
    return { code: 2 };
  }
  let calendar: ReturnType<typeof seasonCalendar>;
  try {
    calendar = seasonCalendar(snapshot.applicant.matchYear);
  } catch (error) {
    io.err(
      `invalid snapshot:\n  applicant.matchYear: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return { code: 2 };
  }
  return { snapshot, calendar, now };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, "utf8"),
    now: () => new Date(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
