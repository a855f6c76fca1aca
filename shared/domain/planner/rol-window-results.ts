import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { localDate, renderDate } from "../time.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { etDayOrWhen } from "./day-words.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";

/** The catalog indices of what ECFMG must confirm to NRMP by the rank order list deadline (`neededForRanking`). */
const NEEDED_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.neededForRanking !== undefined ? [index] : [],
);

/** What rolWindowResults finds: the words for each result, the latest date (ISO), the two sides' words. */
export interface RolWindowResults {
  /** "your USMLE Step 2 CK result is dated Fri 26 Feb 2027" (joined by " and "). */
  results: string;
  /** "Fri 26 Feb": the latest such date, yearless. */
  last: string;
  /** "Wed 24 Feb": the projected deadline's ET day, yearless; in both zones where the local day differs. */
  projected: string;
  /** "Wed 3 Mar 2027, 16 days before Match Day as in 2022–2025", in both zones where the local day differs. */
  later: string;
  /** Whether the latest is dated the later candidate's local day, not its ET day: in time only if reported before it. */
  onLaterLocalDay: boolean;
}

/**
 * The results NRMP needs (catalog `neededForRanking`) marked done on a day after the *projected*
 * rank order list deadline's local day but by its later candidate's (rolLaterCandidateAt;
 * projection-rules.json latestCandidate: 16 days before Match Day in 2022–2025): in time only if
 * NRMP's deadline turns out later, so what they decide is said on both sides.
 * Null when there is none, the deadline is confirmed or
 * has no candidate. Called only on the season-over and certified-list paths (rare).
 */
export function rolWindowResults(context: PlanContext): RolWindowResults | null {
  const { calendar, zone } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const later = rolLaterCandidateAt(calendar);
  const candidate = rolDate.latestCandidate;
  if (later === null || candidate === undefined) return null;
  const projectedDay = localDate(zone, rolDate.at);
  const localLater = localDate(zone, later);
  const results: string[] = [];
  let last = "";
  for (const index of NEEDED_AT) {
    const date = context.entries.at(index)?.date;
    if (statusAt(context, index) !== "done" || date === undefined) continue;
    if (date <= projectedDay || date > localLater) continue;
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    results.push(
      `your ${entry.advisorName}${entry.key === "ecfmg_pathway" ? "" : " result"} is dated ${renderDate(date)}`,
    );
    if (date > last) last = date;
  }
  if (results.length === 0) return null;
  const said = (candidate.said ?? "").replace(/ in (\d{4}–\d{4})$/, " as in $1");
  // Where the applicant's day of the later candidate is not its ET day (Karachi: Thu 4 Mar, 7:00 AM
  // for Wed 3 Mar, 9:00 PM ET), it is named in both zones, and a result dated that local day counts
  // only if reported before it.
  const laterWords = etDayOrWhen(context, later, renderDate(candidate.date));
  return {
    results: results.join(" and "),
    last: yearless(last),
    projected: etDayOrWhen(context, rolDate.at, yearless(rolDate.date)),
    later: `${laterWords}${said === "" ? "" : `, ${said}`}`,
    onLaterLocalDay: last === localLater && localLater !== candidate.date,
  };
}

/** "Wed 24 Feb" of an ISO date: renderDate without the year, which the sentence already names. */
export function yearless(date: string): string {
  return renderDate(date).replace(/ \d{4}$/, "");
}
