import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey, Visa } from "../snapshot.ts";
import { applicableTo, IMPLIED_AT, keyAt, stepIndex } from "./catalog-index.ts";
import type { StepEntries } from "./step-entries.ts";

// "Not matched: I'm in SOAP" beside a contract (or a visa step after it) the applicant marked done
// or under way: an applicant who first answered "Matched", tapped Done on the contract, then changed
// Match Week back (the README's merge rule keeps a button-recorded step). A contract comes only with
// a position; SOAP in progress says there is none yet. Taken as given, the contract implied Match
// Day, so the plan asked for the J-1 sponsorship fee "for your matched specialty" beside "You are
// in SOAP", dropped SOAP's outcome question and its move to the next Match, and ended in
// START_DELAYED. Like a Match outcome told too early (match-outcome-before-window.ts), such an answer
// counts as not started until the applicant settles it, and MATCH_WEEK_SOAP_CONFLICT asks which is
// right (match-week-soap-conflict.ts): the plan is the one the same answers make without it.

const MATCH_DAY_AT = stepIndex("match_day");

/** The steps after Match Day: those whose done implies Match Day (the contract, the visa chains). */
const AFTER_MATCH_DAY_AT: readonly number[] = MILESTONE_CATALOG.flatMap((_, index) =>
  IMPLIED_AT[index]?.done.includes(MATCH_DAY_AT) === true ? [index] : [],
);

const finished = (entry: MilestoneEntry | undefined) =>
  entry?.status === "done" || entry?.status === "waived";

/**
 * In buildContext, after the Match-outcome answers told too early are reset: the post-Match steps
 * the applicant reported (done, waived, under way or dated) while their own answers say "not
 * matched, taking part in SOAP" (SOAP in progress, from NRMP's Monday release, Match Week not done,
 * Match Day not done), or null (most plans). Only the steps of the applicant's own visa route: one
 * of the other route says nothing of their position here. An accepted SOAP offer (SOAP done), "Matched" (Match
 * Week done: a partial match read beside SOAP, match-week-soap-conflict.ts) or Match Day done
 * gives a position, and the contract counts again.
 */
export function positionBesideSoap(
  get: (key: MilestoneKey) => MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  now: number,
  visa: Visa,
): readonly MilestoneEntry[] | null {
  // Most plans are not in SOAP: one read.
  if (get("soap")?.status !== "in_progress") return null;
  if (now < calendar.dates.nrmp_match_week_start_and_soap_start.at) return null;
  if (get("match_week")?.status === "done" || finished(get("match_day"))) return null;
  let reported: MilestoneEntry[] | null = null;
  const applicable = applicableTo(visa);
  for (const index of AFTER_MATCH_DAY_AT) {
    if (applicable[index] !== true) continue;
    const entry = get(keyAt(index));
    if (entry === undefined || entry.status === "not_started") continue;
    if (reported === null) reported = [];
    reported.push(entry);
  }
  return reported;
}

/** positionBesideSoap on buildContext's entries, each such entry reset to not started there; returns them. */
export function withdrawPositionBesideSoap(
  entries: StepEntries,
  calendar: SeasonCalendar,
  now: number,
  visa: Visa,
): readonly MilestoneEntry[] | null {
  const reported = positionBesideSoap((key) => entries.get(key), calendar, now, visa);
  for (const entry of reported ?? []) entries.set({ key: entry.key, status: "not_started" });
  return reported;
}

/** The name an answer takes in a sentence: "program contract", "J-1 …" kept as spelled. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

/** "your program contract done" / "…, and your … in progress", for the risk ("you marked …"). */
export function positionBesideSoapWords(entries: readonly MilestoneEntry[]): string {
  const words = entries.map(
    (entry) =>
      `your ${inSentence(catalogEntry(entry.key).advisorName)} ${entry.status === "in_progress" ? "in progress" : entry.status}`,
  );
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
