import { fileURLToPath } from "node:url";
import type { Deadline, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type Case, cases } from "../unit/domain/golden-cases.ts";

/**
 * The golden plans' dates as text, for the review a season edit needs: planner-golden.json holds
 * only hashes, so its diff says which cases moved, not what. Run it before and after the edit and
 * diff the two outputs: each line is one step's deadline with its mark (confirmed, projected, advice,
 * applicant), so the diff shows exactly which dates and marks moved, case by case.
 */
export const USAGE = `Usage: npm run golden -- --dates [--help]

Prints, for every golden plan case (test/unit/domain/golden-cases.ts), one line per step with a
deadline: case, list (next, blocked, overdue), step, deadline (ISO UTC, then ET) and its mark
(confirmed, projected, advice, applicant), plus one line with the case's season and its status.
The lines are sorted and stable, so comparing two runs shows what an edit moved:

  npm run -s golden -- --dates > /tmp/dates-before.txt
  (edit shared/domain/seasons/confirmed.json)
  npm run -s golden -- --dates > /tmp/dates-after.txt
  diff /tmp/dates-before.txt /tmp/dates-after.txt`;

function stepLine(
  name: string,
  list: string,
  step: { milestone: string; interviewId?: string },
  deadline: Deadline,
): string {
  const subject = step.interviewId === undefined ? step.milestone : `${step.milestone} ${step.interviewId}`;
  return [name, list, subject, deadline.at, deadline.et, deadline.status].join(" | ");
}

/** One case's lines: its season, then each step's deadline and mark, sorted. */
export function caseDateLines(entry: Case, result: Plan = planOf(entry)): string[] {
  const steps = [
    ...result.nextSteps.flatMap((step) =>
      step.deadline === undefined ? [] : [stepLine(entry.name, "next", step, step.deadline)],
    ),
    ...result.blocked.flatMap((step) =>
      step.deadline === undefined ? [] : [stepLine(entry.name, "blocked", step, step.deadline)],
    ),
    ...result.overdue.map((step) => stepLine(entry.name, "overdue", step, step.deadline)),
  ].sort();
  return [`${entry.name} | season | ${result.matchYear} Match, ${result.seasonStatus}`, ...steps];
}

function planOf(entry: Case): Plan {
  return plan(entry.input, seasonCalendar(entry.input.applicant.matchYear), entry.now);
}

/** Runs the command; returns the exit code. */
export function runGoldenCli(
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  if (args.includes("--help")) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (args.length !== 1 || args[0] !== "--dates") {
    err(`${USAGE}\n`);
    return 2;
  }
  for (const entry of cases()) out(`${caseDateLines(entry).join("\n")}\n`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = runGoldenCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
