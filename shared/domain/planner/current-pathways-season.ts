import { seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, etInstant, renderDate } from "../time.ts";
import { PREREQUISITES_AT, stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext } from "./context.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { pathwaySentForOverMatch } from "./season-over-pathway.ts";

/** ECFMG Focus issue 88 (May 21, 2025): "The online application for 2025 Pathways … will close on May 31, 2025". */
export const PATHWAYS_2025_CLOSING_URL = "https://gp.ecfmg.org/focus/issue88.html";

/** The one closing date on record (2026 season file, context date, official): May 31, 2025, 11:59 PM ET. */
function closingOnRecord(): { date: string; time: string | null } {
  const closed = seasonCalendar(2026).contextDates.find(
    (date) => date.key === "ecfmg_2025_pathways_application_closed",
  );
  return closed ?? { date: "2025-05-31", time: "23:59" };
}

/**
 * The earliest route to certification once the `season` Match's Pathway deadline has passed:
 * ECFMG's Pathways season for that Match has stayed open into spring, after the Match
 * itself (the 2025 Pathways closed for applications and documents on May 31, 2025, 11:59 PM ET,
 * PATHWAYS_2025_CLOSING_URL, official), and an approved Pathway has counted for later Matches
 * (ECFMG's 2022 Match requirements; catalog ecfmg_pathway's redoneEachSeason note). ECFMG has not
 * published the closing of later seasons: no date is given, only the pattern, its source and
 * "verify". Said up to the pattern's day in `season` (projected: May 31, 11:59 PM ET), then "" (and
 * a re-plan is noted then). `next` is the Match the plan now targets.
 */
export function currentPathwaysWords(context: PlanContext, season: number, next: number): string {
  const record = closingOnRecord();
  const until = currentPathwaysClosing(season).at;
  if (context.now > until) return "";
  noteRiskChange(context, until);
  return `The earliest route to certification may still be open: ECFMG's Pathways season has stayed open into spring, after its Match (the 2025 Pathways application closed on ${renderDate(record.date)}, ECFMG Focus issue 88), and a Pathway ECFMG approves has counted for later Matches. If ECFMG's ${season} Pathways still accept applications (their closing date is not published; by that pattern the end of May ${season}, projected: verify on ECFMG's Pathways page), apply now, so you reach the ${next} Match certified.`;
}

/**
 * The Pathways season whose deadline passed and whose route the plan names (currentPathwaysWords),
 * for a Pathway dated for the `later` Match: the Match just before it when its projected Pathway
 * deadline passed (after the target), else the target Match when its deadline passed (`missed`) and
 * no application went in for it; null otherwise. One rule for the card's words, the step's target
 * and the OET's age.
 */
export function passedPathwaysSeason(context: PlanContext, later: number, missed: boolean): number | null {
  const year = context.calendar.matchYear;
  const skipped = later - 1 > year ? pathwayDeadline(seasonCalendar(later - 1)) : null;
  if (skipped !== null && skipped <= context.now) return later - 1;
  if (!missed) return null;
  const sent = context.pastSeasonEntries.get("ecfmg_pathway")?.date ?? pathwaySentForOverMatch(context);
  return sent === undefined ? year : null;
}

const closings = new Map<number, DueDate>();

/**
 * The projected closing of ECFMG's `season` Pathways by the 2025 pattern (May 31, 11:59 PM ET,
 * PATHWAYS_2025_CLOSING_URL): projected, never published for later seasons, so "verify". Built once
 * per season and shared (PlanDates memoises its renderings by identity).
 */
export function currentPathwaysClosing(season: number): DueDate {
  let closing = closings.get(season);
  if (closing === undefined) {
    const record = closingOnRecord();
    closing = shapedDueDate({
      at: etInstant(`${season}${record.date.slice(4)}`, record.time),
      zone: ET_ZONE,
      status: "projected",
      basis: "projected",
      source: `projected: ECFMG's ${season} Pathways by the pattern of the 2025 Pathways, whose application closed on May 31, 2025, 11:59 PM ET (${PATHWAYS_2025_CLOSING_URL}); the ${season} closing date is not published: verify on ECFMG's Pathways page`,
    });
    closings.set(season, closing);
    closingSeasons.set(closing, season);
  }
  return closing;
}

const closingSeasons = new WeakMap<DueDate, number>();

/** The season whose projected Pathways closing `due` is (currentPathwaysClosing's own object), else undefined. */
export function closingSeasonOf(due: DueDate): number | undefined {
  return closingSeasons.get(due);
}

/**
 * The route the plan recommends for a Pathway dated for the `later` Match after a deadline passed
 * (`missed`, see passedPathwaysSeason): the current season and its projected closing while that is
 * ahead (the card says "apply now" then), else null. Null too while the Pathway waits on a step
 * (the ECFMG application not submitted): its card cannot say "apply now", so neither may the OET's
 * (an OET card named the 2027 Pathways "as your Pathway step suggests" beside a blocked Pathway
 * dated for the 2028 ones).
 */
export function currentPathwaysRoute(
  context: PlanContext,
  later: number,
  missed: boolean,
): { season: number; closing: DueDate } | null {
  const season = passedPathwaysSeason(context, later, missed);
  if (season === null || pathwayWaits(context)) return null;
  const closing = currentPathwaysClosing(season);
  return context.now > closing.at ? null : { season, closing };
}

/**
 * A Pathway not started and dated for a later Match after a deadline passed (`stepDates` that
 * Match's, `missed` whether the target Match's deadline passed): the recommended route's projected
 * closing as its target, so its badge, start-by and reminders fall before it (the
 * card said "apply now" to the 2027 Pathways while the step counted down to September 2027). Null
 * otherwise, and once that day has passed.
 */
export function currentPathwaysTarget(
  context: PlanContext,
  key: string,
  status: string,
  stepDates: { calendar: { matchYear: number } },
  missed: boolean,
): DueDate | null {
  if (key !== "ecfmg_pathway" || status !== "not_started") return null;
  const later = stepDates.calendar.matchYear;
  if (!missed && later <= context.calendar.matchYear) return null;
  return currentPathwaysRoute(context, later, missed)?.closing ?? null;
}

const PATHWAY_PREREQUISITES = PREREQUISITES_AT[stepIndex("ecfmg_pathway")] ?? [];

/**
 * Whether a step the Pathway application needs first is not done yet (its step is blocked): the
 * OET, which may follow the application (startsBefore), is not one.
 */
function pathwayWaits(context: PlanContext): boolean {
  for (const prerequisite of PATHWAY_PREREQUISITES)
    if (!prerequisite.startsBefore && !isSatisfiedAt(context, prerequisite.index)) return true;
  return false;
}
