import { DATE_YEARS, TypedInstantWithOffsetSchema } from "#domain/snapshot.ts";
import { DEFAULT_EMAIL_COUNT, MAX_EMAIL_COUNT } from "./email-preview.ts";

/**
 * `npm run plan`'s arguments (split out of plan.ts): its usage text, and the parser that reads
 * `<snapshot.json> [--now <ISO>] [--signed-up <ISO>] [--json] [--emails <dir> [--count <N>] [--until <ISO>] [--preferences <file>]] [--help]` into Options, or the error to print (exit 2).
 */

export const USAGE = `Usage: npm run plan -- <snapshot.json> [--now <ISO 8601>] [--signed-up <ISO 8601>] [--json]
       npm run plan -- <snapshot.json> --emails <dir> [--count <N>] [--until <ISO 8601>] [--preferences <file.json>]
                       [--now …] [--signed-up …]

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
  --emails <dir>  write the emails this plan would send into <dir> instead of printing the plan:
               at each wake-up, in order, the plan made again then and what is due, rendered by
               the reminder function's own code, as NN-<local date>-<step-rung>.html and .txt
               (subject, send time, text part) and any calendar file, with <dir>/index.html
               listing them (send time in the applicant's zone and UTC, subject): open that in a
               browser. Buttons and links point at the placeholder origin https://matchpath.example
               with tokens signed by a key made for the run: they show where each goes, open nothing.
               Email preferences: the defaults (each reminder as due), unless --preferences.
               It starts as the intake stores a new applicant: an empty ledger, nothing sent
               before --now, so a reminder already due goes out in the first email (no starting
               ledger can be given). Interview warnings print on stderr, as for the plan.
  --count <N>  with --emails: at most N emails, 1-${MAX_EMAIL_COUNT} (default ${DEFAULT_EMAIL_COUNT})
  --until <ISO>  with --emails: no email sent after this instant, as --now is written
  --preferences <file.json>  with --emails: the preferences page's choices, which no snapshot
               carries, e.g. {"digest":"weekly","digestDay":3} for one weekly summary on Wednesdays
               (also deliveryTime "HH:MM", quietHours {start,end}, mutedCategories [...])
  --help, -h   show this help
Exit codes: 0 ok, 1 file not readable or invalid season data (confirmed.json), 2 invalid arguments
or invalid snapshot.`;

export interface Options {
  file: string;
  now: Date | undefined;
  /** --signed-up as given (the planner reads the ISO text, as it reads the profile's createdAt). */
  signedUp: string | undefined;
  json: boolean;
  /** --emails: the directory to write the emails into, with their bound. */
  emails?: { dir: string; count: number; until: Date | undefined; preferences: string | undefined };
}

export function parseArgs(args: readonly string[]): Options | { help: true } | { error: string } {
  let file: string | undefined;
  let now: Date | undefined;
  let signedUp: string | undefined;
  let json = false;
  let emailsDir: string | undefined;
  let count: number | undefined;
  let until: Date | undefined;
  let preferences: string | undefined;
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
    } else if (arg === "--emails") {
      if (emailsDir !== undefined) return { error: "--emails is given twice: give it once" };
      emailsDir = args[++index];
      if (emailsDir === undefined || emailsDir.startsWith("--"))
        return { error: "--emails needs the directory to write the emails into" };
    } else if (arg === "--count") {
      const value = args[++index] ?? "";
      count = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
      if (!(count >= 1 && count <= MAX_EMAIL_COUNT))
        return {
          error: `--count needs a whole number of emails from 1 to ${MAX_EMAIL_COUNT}, got ${value || "nothing"}`,
        };
    } else if (arg === "--until") {
      if (until !== undefined) return { error: "--until is given twice: give it once" };
      const read = readNow(args[++index], "--until");
      if ("error" in read) return read;
      until = read.now;
    } else if (arg === "--preferences") {
      if (preferences !== undefined) return { error: "--preferences is given twice: give it once" };
      preferences = args[++index];
      if (preferences === undefined || preferences.startsWith("--"))
        return { error: "--preferences needs the JSON file of the applicant's email preferences" };
    } else if (arg?.startsWith("--")) return { error: `unknown option ${arg}` };
    else if (file === undefined && arg !== undefined) file = arg;
    else return { error: `unexpected argument ${arg}` };
  }
  if (file === undefined) return { error: "missing <snapshot.json>" };
  if (emailsDir === undefined) {
    if (count !== undefined || until !== undefined || preferences !== undefined)
      return { error: "--count, --until and --preferences go with --emails <dir>: give it" };
    return { file, now, signedUp, json };
  }
  if (json) return { error: "--json prints the plan, --emails writes its emails: give one" };
  return {
    file,
    now,
    signedUp,
    json,
    emails: { dir: emailsDir, count: count ?? DEFAULT_EMAIL_COUNT, until, preferences },
  };
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
