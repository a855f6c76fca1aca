import { seasonCalendar } from "../seasons/index.ts";
import { etInstant, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

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
 * The earliest route to certification once the `season` Match's Pathway deadline has passed (tester
 * t9p F19): ECFMG's Pathways season for that Match has stayed open into spring, after the Match
 * itself (the 2025 Pathways closed for applications and documents on May 31, 2025, 11:59 PM ET,
 * PATHWAYS_2025_CLOSING_URL, official), and an approved Pathway has counted for later Matches
 * (ECFMG's 2022 Match requirements; catalog ecfmg_pathway's redoneEachSeason note). ECFMG has not
 * published the closing of later seasons: no date is given, only the pattern, its source and
 * "verify". Said up to the pattern's day in `season` (projected: May 31, 11:59 PM ET), then "" (and
 * a re-plan is noted then). `next` is the Match the plan now targets.
 */
export function currentPathwaysWords(context: PlanContext, season: number, next: number): string {
  const record = closingOnRecord();
  const patternDay = `${season}${record.date.slice(4)}`;
  const until = etInstant(patternDay, record.time);
  if (context.now > until) return "";
  noteRiskChange(context, until);
  return `The earliest route to certification may still be open: ECFMG's Pathways season has stayed open into spring, after its Match (the 2025 Pathways application closed on ${renderDate(record.date)}, ECFMG Focus issue 88), and a Pathway ECFMG approves has counted for later Matches. If ECFMG's ${season} Pathways still accept applications (their closing date is not published; by that pattern the end of May ${season}, projected: verify on ECFMG's Pathways page), apply now, so you reach the ${next} Match certified.`;
}
