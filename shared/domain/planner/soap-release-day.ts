import { BoundedMemo } from "../bounded-memo.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { projectedMark } from "../seasons/date-words.ts";
import { isSatisfied, type PlanContext } from "./context.ts";
import { dueDayWord, dueToday, when } from "./day-words.ts";

/**
 * SOAP's card in the day before NRMP's Monday release (season date
 * nrmp_match_week_start_and_soap_start, NRMP's Match Week page): the catalog's "Before Match Week,
 * keep your ERAS documents current" read on Monday of Match Week itself. Within that day the release
 * is named with its hour in both zones ("today, Mon 15 Mar 2027, 4:00 PM GMT+2 (…10:00 AM ET)"), and
 * what the catalog says to have ready before it is asked for now. Same source as the catalog entry.
 */

/** Why SOAP matters on the release's day: it opens with the release, so what it needs is ready now. */
const RELEASE_DAY_WHY: CatalogEntry["why"] = Object.freeze({
  text: "Unmatched and partially matched applicants apply to unfilled programs through SOAP from Monday to Thursday of Match Week; SOAP opens with NRMP's Monday release, so it works only when documents and a plan are ready by then.",
  basis: "official",
  source: "https://www.nrmp.org/residency-applicants/match-week/",
});

const releaseDayEntries = new WeakMap<CatalogEntry, BoundedMemo<string, CatalogEntry>>();

/**
 * SOAP's entry from a day before NRMP's Monday release until it (dueToday), else `undefined` (the
 * catalog's preparation words). The catalog action's first sentence ("Before Match Week, …") is
 * replaced; what follows it (how to answer) is kept.
 */
export function soapReleaseDayEntry(context: PlanContext, entry: CatalogEntry): CatalogEntry | undefined {
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start;
  if (context.now >= release.at || !dueToday(context, release.at)) return undefined;
  const word = dueDayWord(context, release.at);
  const day = `${word === "" ? "" : `${word}, `}${when(context, release.at, true)}${projectedMark(release)}`;
  const rest = entry.action.slice(entry.action.indexOf(". ") + 2);
  // Without a certified list there is no Match result to tell; only SOAP's eligibility, on R3.
  const opening = isSatisfied(context, "rank_order_list")
    ? `NRMP tells you ${day}, whether you matched, and SOAP opens with that release`
    : `SOAP opens with NRMP's Match Week release ${day}, when R3 shows whether you are eligible`;
  const action = `${opening}: keep your ERAS documents current and decide now which specialties and programs you would accept. ${rest}`;
  let byText = releaseDayEntries.get(entry);
  if (byText === undefined) {
    byText = new BoundedMemo(1_000);
    releaseDayEntries.set(entry, byText);
  }
  return (
    byText.get(action) ??
    byText.keep(action, Object.freeze({ ...entry, action, why: RELEASE_DAY_WHY }) as CatalogEntry)
  );
}
