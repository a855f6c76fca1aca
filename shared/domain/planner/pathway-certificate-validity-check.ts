import { catalogEntry } from "../catalog/index.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { etDayOrWhen } from "./day-words.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * ECFMG's notice of 19 Aug 2025 (official, facts.md): the 2026 Pathways application is also the
 * application for Pathways Revalidation, for IMGs "who need to revalidate a previously accepted
 * Pathway that is expired or expiring", and the clinical and communication skills requirements must
 * be met to take part in that Match. Revalidation's own deadline for later seasons is not in
 * facts.md, so the words send the applicant to ECFMG's Pathways page and say "verify".
 */
export const PATHWAYS_REVALIDATION_SOURCE =
  "https://www.ecfmg.org/news/2025/08/19/detailed-information-and-online-application-for-2026-pathways-now-available";

/**
 * The day the applicant's Pathway (reported done on `pathway.date`) was accepted, when that was in an earlier
 * Pathways season than the one tied to the calendar's Match: dated on or before the day the
 * previous ERAS season ends (`eras_previous_season_ends`), the day the previous Pathways closed
 * (2025: both May 31; the same boundary past-season.ts gives a Pathway application). Undated: not
 * known, so not said. Otherwise undefined.
 */
export function earlierSeasonPathwayDay(
  pathway: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
): string | undefined {
  const date = pathway?.date;
  return date !== undefined && date <= calendar.dates.eras_previous_season_ends.date ? date : undefined;
}

/**
 * The check of a Pathway certificate's validity date against a Match's residency start:
 * `calendar` is that Match's (the plan's own, or the next one when this Match is
 * over for the applicant); `lead` is the sentence's opening ("Yours was accepted on …, so check
 * today"). Says the start with its projected mark and what the sources say of revalidation's window:
 * through the season's Pathways application, whose deadline this plan projects (pathwayDeadline:
 * the earlier candidate), its own deadline not found ("verify"). While that day is ahead: ask about
 * Pathways Revalidation now if the date ends before the start. Once it has passed
 * (nothing dated it then, the notice had been dated by the rank order list deadline): what to ask
 * ECFMG, whether Revalidation for that Match is still open and what a date ending before the
 * start means for starting that year.
 */
export function validityCheckWords(
  context: PlanContext,
  calendar: SeasonCalendar,
  lead: string,
  match: string,
): string {
  const start = calendar.dates.residency_start;
  const startWords = residencyStartWords(start, []);
  const check = `${lead} the validity date ECFMG recorded for your certificate (in MyIntealth) against ${match} residency start, ${startWords}`;
  const year = calendar.matchYear;
  const through = `ECFMG takes Revalidation through the season's Pathways application (its notice for the 2026 Pathways says so)`;
  const unknown = `the Revalidation deadline for the ${year} Match is not in our data: check ECFMG's Pathways page (verify)`;
  const due = pathwayDeadline(calendar);
  if (due === null)
    return `${check}: if it ends before, ask ECFMG about Pathways Revalidation now. ${through}; ${unknown}.`;
  // The words change when the projected day passes.
  noteRiskChange(context, due);
  // "projects", not "(projected)": that mark is for season dates (their "projected: " rule); this
  // day is the catalog's advice, cited as such (validityCheckSources).
  // ET's day alone read as hers where hers is the next (Manila: "closes on Sat 26 Dec" beside the
  // reminder's "Sun 27 Dec 2026, 7:00 AM GMT+8"): there, the instant in both zones, as the notice says it.
  const day = etDayOrWhen(context, due);
  if (due >= context.now)
    return `${check}: if it ends before, ask ECFMG about Pathways Revalidation now. ${through}, which this plan projects to close for the ${year} Match on ${day}; ${unknown}.`;
  return `${check}. ${through}, and the day this plan projected for it to close for the ${year} Match, ${day}, has passed: if the date ends before the start, ask ECFMG now (in MyIntealth) whether Revalidation for the ${year} Match is still open to you and, if it is not, whether your certificate can be valid when you would start; a program cannot start you without a valid certificate. ${capitalized(unknown)}.`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The sources of a validity check against `calendar`'s Match: ECFMG's permanent-validation page
 * (`certificateSource`), the Revalidation notice, the residency start's (its projection rule when
 * projected) and, when the words name it, the Pathways deadline's projection rule (the catalog's).
 */
export function validityCheckSources(calendar: SeasonCalendar, certificateSource: string): string[] {
  const sources = [certificateSource, PATHWAYS_REVALIDATION_SOURCE, calendar.dates.residency_start.source];
  if (pathwayDeadline(calendar) !== null) sources.push(PATHWAY_DUE_SOURCE);
  return sources;
}

/** The Pathway deadline's rule as the catalog cites it (advice: projected). */
const PATHWAY_DUE_SOURCE = catalogEntry("ecfmg_pathway").due.source;
