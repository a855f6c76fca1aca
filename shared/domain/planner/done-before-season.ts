import { seasonInstantEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus, Visa } from "../snapshot.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import { markPrerequisites, stepIndex } from "./catalog-index.ts";

// A step after the Match reported done on a day the season's own dates say it cannot have been:
// a contract signed before Match Day's results (NRMP tells where one matched then), or a J-1 visa
// stamped before ECFMG could have reviewed the sponsorship for this Match. Taken as given, the done
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

/** One such answer: the step, its date, the earliest day the season allows, and the steps it no longer implies. */
export interface DoneBeforeSeason {
  key: "contract" | "visa_j1";
  date: string;
  /** The first day (ISO, the applicant's) the answer could carry. */
  earliest: string;
  /** Catalog indices of the steps before it that the applicant did not report finished. */
  unreported: readonly number[];
}

const finished = (entry: MilestoneEntry | undefined) =>
  entry?.status === "done" || entry?.status === "waived";

/**
 * In buildContext: the post-Match answers dated before the season allows, or null (most plans).
 * A contract dated before Match Day's release day in the applicant's zone, Match Day not reported
 * done with a date (then the pair of dates is DONE_DATES_OUT_OF_ORDER's own question) and SOAP not
 * reported (an accepted SOAP offer comes before Match Day); a J-1 visa, on the J-1 track, dated less
 * than ECFMG's shortest review after Match Day's release day. Only this season's answers: a date
 * on or before the previous ERAS season's end is an earlier Match's.
 */
export function doneBeforeSeason(
  get: (key: MilestoneKey) => MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  visa: Visa,
): DoneBeforeSeason[] | null {
  const contract = get("contract");
  const visaEntry = get("visa_j1");
  // Most plans report neither done: no zone conversion nor date arithmetic on every plan.
  if (contract?.status !== "done" && (visa !== "J-1" || visaEntry?.status !== "done")) return null;
  const matchDay = localDate(zone, calendar.dates.nrmp_match_day.at);
  const seasonStart = calendar.dates.eras_previous_season_ends.date;
  let early: DoneBeforeSeason[] | null = null;
  const matchDayEntry = get("match_day");
  const soap = get("soap")?.status;
  if (
    contract?.status === "done" &&
    contract.date !== undefined &&
    contract.date > seasonStart &&
    contract.date < matchDay &&
    !(finished(matchDayEntry) && matchDayEntry?.date !== undefined) &&
    soap !== "done" &&
    soap !== "in_progress"
  ) {
    const unreported = finished(matchDayEntry) ? [] : [stepIndex("match_day")];
    early = [{ key: "contract", date: contract.date, earliest: matchDay, unreported }];
  }
  const earliestVisa = new Date(Date.parse(matchDay) + ECFMG_REVIEW_SHORTEST_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  if (
    visa === "J-1" &&
    visaEntry?.status === "done" &&
    visaEntry.date !== undefined &&
    visaEntry.date > seasonStart &&
    visaEntry.date < earliestVisa
  ) {
    const unreported = J1_CHAIN.filter((key) => !finished(get(key))).map(stepIndex);
    early ??= [];
    early.push({ key: "visa_j1", date: visaEntry.date, earliest: earliestVisa, unreported });
  }
  return early;
}

/**
 * In buildContext, after the done answers have marked their prerequisites: the steps an early
 * answer implied and the applicant never reported finished go back to what was reported (not
 * started when nothing was), so they stay asked with their reminders.
 */
export function keepUnreportedAsked(
  statuses: MilestoneStatus[],
  early: readonly DoneBeforeSeason[],
  reported: (index: number) => MilestoneStatus | undefined,
): void {
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
    return `Your answers date your program contract ${renderDate(each.date)}, before Match Day's results (${release}), when NRMP tells you where you matched, though a contract follows the match: which date is right? If you signed it later, send the right date; if a program offered you a contract before Match Day, tell your advisor.${asked}`;
  return `Your answers date your J-1 visa ${renderDate(each.date)}, less than four weeks after Match Day's results (${release}), though a J-1 visa needs your contract, the Statement of Need from your Ministry of Health and your DS-2019, which ECFMG issues only after a review of 4 to 6 weeks once every document is in: which date is right? If you have not had your visa interview yet, mark the visa not started.${asked}`;
}

const ASKED_NAMES: Partial<Record<MilestoneKey, string>> = {
  match_day: "where you matched (Match Day)",
  contract: "your contract",
  j1_statement_of_need: "the Statement of Need",
  j1_ecfmg_sponsorship: "your J-1 sponsorship",
  j1_ds2019: "your DS-2019",
};

function askedWords(each: DoneBeforeSeason): string {
  const names = each.unreported.map(
    (index) => ASKED_NAMES[J1_CHAIN[J1_CHAIN_AT.indexOf(index)] as MilestoneKey],
  );
  return names.length === 1 ? `${names[0]}` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const J1_CHAIN_AT: readonly number[] = J1_CHAIN.map(stepIndex);
