import { seasonInstantEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus, Visa } from "../snapshot.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import { markPrerequisites, stepIndex } from "./catalog-index.ts";
import { internedStatus } from "./interned-strings.ts";
import type { StepEntriesView } from "./step-entries.ts";

// A step after the Match reported done on a day the season's own dates say it cannot have been:
// a contract signed before Match Day's results (NRMP tells where one matched then), or a J-1 visa
// stamped before ECFMG could have reviewed the sponsorship for this Match, or an H-1B petition
// approved or visa stamped within days of Match Day. Taken as given, the done
// implied every step before it (Match Day, the whole J-1 chain) and the plan went silent on them.
// The answer stays done (it may be the date that is wrong); the steps it would imply and the
// applicant never reported stay asked, and DONE_DATES_OUT_OF_ORDER names the contradiction.

/** ECFMG's review once every document is in: 4–6 weeks (facts.md §5, official); the shorter end, so only a date no chain can reach is asked about. */
const ECFMG_REVIEW_SHORTEST_DAYS = 28;
export const ECFMG_REVIEW_URL = "https://ecfmg.org/evsp/application-process.html";

/** The steps of the J-1 chain a visa stamp needs first (facts.md §5), and Match Day before them. */
const J1_CHAIN: readonly MilestoneKey[] = [
  "match_day",
  "contract",
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
];

/**
 * The H-1B chain a petition's approval or a visa stamp needs first, and Match Day before it: the
 * program files for the position it offers (the contract), with Step 3 passed (INA 212(j)(2), the
 * catalog's prerequisite), and the stamping needs the approved petition.
 */
const H1B_CHAIN: readonly MilestoneKey[] = ["match_day", "contract", "usmle_step3", "visa_h1b"];

/**
 * Our advice: an H-1B petition approved, or a visa stamped, less than three weeks after Match Day
 * is asked about. The program files only after the contract and the Department of Labor's
 * certification of its Labor Condition Application (within 7 working days, 20 CFR 655.740(a)), and
 * USCIS acts on a petition within 15 business days (three weeks) with premium processing, months
 * without; a date inside that is possible only if every step took almost no time, so it is checked.
 */
const H1B_SHORTEST_DAYS = 21;
export const H1B_PETITION_TIME_SOURCE =
  "advice: an H-1B petition approved or a visa stamped less than three weeks after Match Day is checked: the program files after the contract and the Department of Labor's certification of its Labor Condition Application (within 7 working days: 20 CFR 655.740(a)), and USCIS acts within 15 business days with premium processing (https://www.uscis.gov/forms/all-forms/how-do-i-request-premium-processing), months without";

/** One such answer: the step, its date, the earliest day the season allows, and the steps it no longer implies. */
export interface DoneBeforeSeason {
  key: "contract" | "visa_j1" | "visa_h1b" | "visa_h1b_stamping";
  /** The answer's date; undefined for one reported done with no date while the plan's own day is before `earliest`. */
  date: string | undefined;
  /** The first day (ISO, the applicant's) the answer could carry. */
  earliest: string;
  /** Catalog indices of the steps before it that the applicant did not report finished. */
  unreported: readonly number[];
  /**
   * Whether the season's dates contradict the answer (DONE_DATES_OUT_OF_ORDER asks about it): false
   * for a contract reported done with no date, Match Day unreported, once the plan's day reaches the
   * release day; the plan cannot know whether it was given before, so where one matched stays asked.
   */
  contradicts: boolean;
}

/** The H-1B answers checked, the petition before the stamping. */
const H1B_STEPS = ["visa_h1b", "visa_h1b_stamping"] as const;

const finished = (entry: MilestoneEntry | undefined) =>
  entry?.status === "done" || entry?.status === "waived";

/**
 * In buildContext: the post-Match answers dated before the season allows, or null (most plans).
 * A contract dated before Match Day's release day in the applicant's zone, Match Day not reported
 * done with a date (then the pair of dates is DONE_DATES_OUT_OF_ORDER's own question) and SOAP not
 * reported (an accepted SOAP offer comes before Match Day); a J-1 visa, on the J-1 track, dated less
 * than ECFMG's shortest review after Match Day's release day. Only this season's answers: a date
 * on or before the previous ERAS season's end is an earlier Match's. An answer with no date was
 * given by the plan's own day (`now`, epoch ms): before that earliest day it is the same
 * contradiction, asked the same way; from it on it is taken as given, as a date on it would be,
 * but for a contract with Match Day unreported, kept (`contradicts` false) so Match Day stays asked.
 */
export function doneBeforeSeason(
  entries: { get(key: MilestoneKey): MilestoneEntry | undefined },
  calendar: SeasonCalendar,
  zone: string,
  visa: Visa,
  now: number,
): DoneBeforeSeason[] | null {
  const contract = entries.get("contract");
  const visaEntry = entries.get("visa_j1");
  // Most plans report none done: no zone conversion nor date arithmetic on every plan, and no
  // record made for the H-1B steps (asked before they are listed below).
  if (
    contract?.status !== "done" &&
    (visa !== "J-1" || visaEntry?.status !== "done") &&
    (visa !== "H-1B" || !anyDone(entries, H1B_STEPS))
  )
    return null;
  const get = (key: MilestoneKey) => entries.get(key);
  const h1b = visa === "H-1B" ? H1B_STEPS.map((key) => ({ key, entry: get(key) })) : [];
  const matchDay = localDate(zone, calendar.dates.nrmp_match_day.at);
  const seasonStart = calendar.dates.eras_previous_season_ends.date;
  const today = localDate(zone, now);
  // The day an answer was true by: its own date, else the plan's day (it was given by then).
  const dayOf = (entry: MilestoneEntry) => (entry.date === undefined ? today : entry.date);
  let early: DoneBeforeSeason[] | null = null;
  const matchDayEntry = get("match_day");
  const soap = get("soap")?.status;
  // An undated contract with Match Day unreported keeps Match Day asked whatever the plan's day
  // (the answer may have been given before the results): only before the release day is it a contradiction.
  const undatedUnconfirmed = contract?.date === undefined && !finished(matchDayEntry);
  if (
    contract?.status === "done" &&
    dayOf(contract) > seasonStart &&
    (dayOf(contract) < matchDay || undatedUnconfirmed) &&
    !(finished(matchDayEntry) && matchDayEntry?.date !== undefined) &&
    soap !== "done" &&
    soap !== "in_progress"
  ) {
    const unreported = finished(matchDayEntry) ? [] : [stepIndex("match_day")];
    const contradicts = dayOf(contract) < matchDay;
    early = [{ key: "contract", date: contract.date, earliest: matchDay, unreported, contradicts }];
  }
  const earliestVisa = new Date(Date.parse(matchDay) + ECFMG_REVIEW_SHORTEST_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  if (
    visa === "J-1" &&
    visaEntry?.status === "done" &&
    dayOf(visaEntry) > seasonStart &&
    dayOf(visaEntry) < earliestVisa
  ) {
    const unreported = J1_CHAIN.filter((key) => !finished(get(key))).map(stepIndex);
    early ??= [];
    early.push({
      key: "visa_j1",
      date: visaEntry.date,
      earliest: earliestVisa,
      unreported,
      contradicts: true,
    });
  }
  const earliestH1b = new Date(Date.parse(matchDay) + H1B_SHORTEST_DAYS * DAY_MS).toISOString().slice(0, 10);
  for (const { key, entry } of h1b) {
    if (entry?.status !== "done" || entry.date === undefined) continue;
    if (entry.date <= seasonStart || entry.date >= earliestH1b) continue;
    const before = H1B_CHAIN.slice(0, H1B_CHAIN.indexOf(key) === -1 ? undefined : H1B_CHAIN.indexOf(key));
    const unreported = before.filter((step) => !finished(get(step))).map(stepIndex);
    early ??= [];
    early.push({ key, date: entry.date, earliest: earliestH1b, unreported, contradicts: true });
  }
  return early;
}

/** Whether any of `keys` is reported done. */
function anyDone(
  entries: { get(key: MilestoneKey): MilestoneEntry | undefined },
  keys: readonly MilestoneKey[],
): boolean {
  for (let at = 0; at < keys.length; at++)
    if (entries.get(keys[at] as MilestoneKey)?.status === "done") return true;
  return false;
}

/**
 * In buildContext, after the done answers have marked their prerequisites: the steps an early
 * answer implied and the applicant never reported finished go back to what was reported (not
 * started when nothing was), so they stay asked with their reminders.
 */
export function keepUnreportedAsked(
  statuses: MilestoneStatus[],
  early: readonly DoneBeforeSeason[],
  entries: StepEntriesView,
): void {
  // The status the snapshot reports for the step (after the context's resets), or undefined when none.
  const reported = (index: number): MilestoneStatus | undefined => {
    const status = entries.at(index)?.status;
    return status === undefined ? undefined : internedStatus(status);
  };
  for (const each of early)
    for (const index of each.unreported) statuses[index] = reported(index) ?? "not_started";
  // What another done answer, not an early one, implies stands (a DS-2019 reported done still implies the contract).
  const earlyAt = early.map((each) => stepIndex(each.key));
  for (let index = 0; index < statuses.length; index++)
    if (reported(index) === "done" && !earlyAt.includes(index)) markPrerequisites(statuses, index, true);
}

/**
 * The sentence DONE_DATES_OUT_OF_ORDER says for one such answer: both dates, why the season's date
 * comes first, what to check, and that the plan still asks for the steps before it.
 */
export function doneBeforeSeasonWords(
  each: DoneBeforeSeason,
  calendar: SeasonCalendar,
  zone: string,
): string {
  const matchDay = calendar.dates.nrmp_match_day;
  const local = localDate(zone, matchDay.at);
  const release = `${seasonInstantEt(matchDay)}${local === matchDay.date ? "" : `, ${renderDate(local)} where you are`}`;
  const asked =
    each.unreported.length === 0 ? "" : ` Your plan keeps it done and still asks for ${askedWords(each)}.`;
  if (each.key === "contract")
    return each.date === undefined
      ? `Your answers say your program contract is signed, but Match Day's results (${release}), when NRMP tells you where you matched, have not come yet, and a contract follows the match: if you have not signed it yet, mark it not started; if a program offered you a contract before Match Day, tell your advisor.${asked}`
      : `Your answers date your program contract ${renderDate(each.date)}, before Match Day's results (${release}), when NRMP tells you where you matched, though a contract follows the match: which date is right? If you signed it later, send the right date; if a program offered you a contract before Match Day, tell your advisor.${asked}`;
  // Dated before the release day itself, "less than … after" would not be true: "before" is.
  const after = (date: string, weeks: string) =>
    date < local
      ? `before Match Day's results (${release})`
      : `less than ${weeks} weeks after Match Day's results (${release})`;
  // H-1B answers are checked only when dated (doneBeforeSeason).
  if (each.key !== "visa_j1")
    return `Your answers date ${each.key === "visa_h1b" ? "your H-1B petition's approval" : "your H-1B visa stamp"} ${renderDate(each.date ?? local)}, ${after(each.date ?? local, "three")}, though your program files the petition only for the position it offers you, once your contract is signed and the Department of Labor has certified its Labor Condition Application (within 7 working days), with your Step 3 pass, and USCIS takes up to 15 business days to act on it even with premium processing, months without${each.key === "visa_h1b_stamping" ? "; the visa interview needs the approved petition" : ""}: which date is right? If ${each.key === "visa_h1b" ? "USCIS has not approved the petition yet, mark it in progress" : "you have not had your visa interview yet, mark the visa not started"}.${asked}`;
  const needs =
    "a J-1 visa needs your contract, the Statement of Need from your Ministry of Health and your DS-2019, which ECFMG issues only after a review of 4 to 6 weeks once every document is in";
  return each.date === undefined
    ? `Your answers say you have your J-1 visa, but it is less than four weeks since Match Day's results (${release}), and ${needs}. If you have not had your visa interview yet, mark the visa not started.${asked}`
    : `Your answers date your J-1 visa ${renderDate(each.date)}, ${after(each.date, "four")}, though ${needs}: which date is right? If you have not had your visa interview yet, mark the visa not started.${asked}`;
}

const ASKED_NAMES: Partial<Record<MilestoneKey, string>> = {
  match_day: "where you matched (Match Day)",
  contract: "your contract",
  j1_statement_of_need: "the Statement of Need",
  j1_ecfmg_sponsorship: "your J-1 sponsorship",
  j1_ds2019: "your DS-2019",
  usmle_step3: "your Step 3 result",
  visa_h1b: "your H-1B petition",
};

function askedWords(each: DoneBeforeSeason): string {
  const names = each.unreported.map((index) => ASKED_NAMES[ASKED_AT.get(index) as MilestoneKey]);
  return names.length === 1 ? `${names[0]}` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Catalog index → key, for the steps an early answer keeps asked. */
const ASKED_AT: ReadonlyMap<number, MilestoneKey> = new Map(
  [...J1_CHAIN, ...H1B_CHAIN].map((key) => [stepIndex(key), key]),
);
