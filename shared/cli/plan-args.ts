import { DATE_YEARS, TypedInstantWithOffsetSchema } from "#domain/snapshot.ts";

/**
 * `npm run plan`'s arguments (split out of plan.ts): its usage text, and the parser that reads
 * `<snapshot.json> [--now <ISO>] [--signed-up <ISO>] [--json] [--help]` into Options, or the error to print (exit 2).
 */

export const USAGE = `Usage: npm run plan -- <snapshot.json> [--now <ISO 8601>] [--signed-up <ISO 8601>] [--json]

Plans one applicant snapshot (see shared/schema/applicant-snapshot.schema.json), refusing what the
intake refuses, and prints its next steps, blocked steps, overdue steps, risks, reminders and budget.
Dates are in the applicant's zone and in ET, an interview's in the program's zone instead of ET;
* marks a projected date, † our advice. A step with no target shows its latest safe start while it
is ahead ("start by …"). The reminders are the ones this plan lays: the line under them says where
they end; the plan made again as each one goes out, or when an answer changes, lays more.
  --now <ISO>  plan as of this instant, with its UTC offset, 1900-2100 (default: the current time)
  --signed-up <ISO>  when the applicant signed up, as --now is written (default: --now): the WDOMS
               check's target, while the sponsor note is unknown, is a week after it
  --json       print the plan as JSON instead of a table (next steps in the table's order;
               remindersEnd: where the reminders end, as the table's line says)
  --help, -h   show this help
Exit codes: 0 ok, 1 file not readable or invalid season data (confirmed.json), 2 invalid arguments
or invalid snapshot.`;

export interface Options {
  file: string;
  now: Date | undefined;
  /** --signed-up as given (the planner reads the ISO text, as it reads the profile's createdAt). */
  signedUp: string | undefined;
  json: boolean;
}

export function parseArgs(args: readonly string[]): Options | { help: true } | { error: string } {
  let file: string | undefined;
  let now: Date | undefined;
  let signedUp: string | undefined;
  let json = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--json") json = true;
    else if (arg === "--now") {
      if (now !== undefined) return { error: "--now is given twice: give it once" };
      const read = readNow(args[++index]);
      if ("error" in read) return read;
      now = read.now;
    } else if (arg === "--signed-up") {
      if (signedUp !== undefined) return { error: "--signed-up is given twice: give it once" };
      const value = args[++index];
      const read = readNow(value, "--signed-up");
      if ("error" in read) return read;
      signedUp = value;
    } else if (arg?.startsWith("--")) return { error: `unknown option ${arg}` };
    else if (file === undefined && arg !== undefined) file = arg;
    else return { error: `unexpected argument ${arg}` };
  }
  if (file === undefined) return { error: "missing <snapshot.json>" };
  return { file, now, signedUp, json };
}

/**
 * --now by the intake's one rule for an instant (TypedInstantWithOffsetSchema): a date-time with its
 * UTC offset, its year within DATE_YEARS. A date alone is refused, not read as midnight UTC: an
 * advisor in Manila typing 2026-12-02 means their day, which began eight hours earlier.
 */
function readNow(value: string | undefined, flag = "--now"): { now: Date } | { error: string } {
  const example = "e.g. 2026-12-02T09:00:00+08:00 or 2026-12-02T01:00:00Z";
  if (value === undefined || Number.isNaN(Date.parse(value)))
    return {
      error: `${flag} needs an ISO 8601 instant with a UTC offset, got ${value ?? "nothing"} (${example})`,
    };
  if (!value.includes("T"))
    return {
      error: `${flag} needs a time and a UTC offset, got the date ${value} alone: whose midnight is meant? (${example})`,
    };
  if (!TypedInstantWithOffsetSchema.safeParse(value).success) {
    // ISO 8601 lets the seconds go; the intake's rule (RFC 3339) does not: say which to add.
    const minutes = /^(.*T\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(value);
    if (minutes !== null)
      return { error: `${flag} needs the seconds too: got ${value}, write ${minutes[1]}:00${minutes[2]}` };
    const year = Number(value.slice(0, 4));
    if (/^\d{4}-/.test(value) && (year < DATE_YEARS.earliest || year > DATE_YEARS.latest))
      return {
        error: `${flag} must be from ${DATE_YEARS.earliest}-01-01 to ${DATE_YEARS.latest}-12-31, the years the intake accepts; got ${value}`,
      };
    return { error: `${flag} needs an ISO 8601 instant with a UTC offset, got ${value} (${example})` };
  }
  return { now: new Date(value) };
}
