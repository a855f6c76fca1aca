import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { currentPathwaysRoute } from "./current-pathways-season.ts";
import type { DueDate } from "./due-date.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { citeSeasonDate } from "./risk-sources.ts";

const OET = indexedStep("oet_medicine");
const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * facts.md: "For the 2025 Pathways, the test had to be taken on or after Jan 1, 2023 [official,
 * quoted]. The rule for the 2026 Pathways was not found." That season's deadline for applications
 * and documents was May 31, 2025 (https://gp.ecfmg.org/focus/issue88.html): about two years and
 * five months. The plan reads it as two years before the season's deadline for documents, the
 * earlier reading, and asks the applicant to verify.
 */
export const OET_SCORE_AGE_SOURCE =
  "https://www.hmep-hith.jp/information/USMLE-FAQ/STEP3-OET-score-validity (for the 2025 Pathways the OET had to be taken on or after Jan 1, 2023, quoting ECFMG; the rule for later Pathways was not found)";
const SCORE_AGE_YEARS = 2;
/** NRMP's Match events page, cited for a confirmed rank order list deadline (as risks.ts). */

/**
 * OET_SCORE_MAY_BE_TOO_OLD (warning): the OET Medicine is done with a date, the Pathway it
 * supports is not done, and the OET was taken more than two years before the deadline for the
 * Pathway's supporting documents of the Match the plan is dated for (`plannedYear`: the target, or
 * the earliest feasible one when the target is out of reach). Zero or one Risk naming the OET. Pure.
 */
export function oetScoreAgeRisks(context: PlanContext, plannedYear: number): Risk[] {
  const oet = context.entries.at(OET.index);
  if (oet?.status !== "done" || oet.date === undefined || context.applicable[OET.index] !== true) return [];
  if (isFinished(statusAt(context, PATHWAY.index))) return [];
  const calendar = seasonCalendar(plannedYear);
  const deadline = pathwayDocumentsDeadline(calendar);
  const rule = catalogEntry("ecfmg_pathway").documentsDue;
  if (deadline === null || rule === undefined) return [];
  const deadlineDay = localDate(ET_ZONE, deadline);
  const cutoff = `${Number(deadlineDay.slice(0, 4)) - SCORE_AGE_YEARS}${deadlineDay.slice(4)}`;
  if (oet.date >= cutoff) return [];
  // The documents deadline is counted from a season date: projected, its projection rule is cited.
  const sources = [OET_SCORE_AGE_SOURCE, rule.source];
  const projected = citeSeasonDate(calendar.dates[rule.dateKey], sources);
  return [
    {
      code: "OET_SCORE_MAY_BE_TOO_OLD",
      severity: "warning",
      message: `Your OET Medicine was taken on ${oet.date}, more than ${SCORE_AGE_YEARS} years before ${renderDate(deadlineDay)}${projected}, the deadline for supporting documents of the Pathways for the ${plannedYear} Match, which your plan uses it for. ECFMG accepts OET results only from a recent window: for the 2025 Pathways the test had to be taken on or after 1 January 2023, about two years before that season's deadline; the rule for later Pathways was not found. Verify with ECFMG that your result counts for the Pathways for the ${plannedYear} Match before you apply; if it does not, book a new OET sitting in time for that deadline.`,
      milestones: ["oet_medicine"],
      sources,
    },
  ];
}

/**
 * For a plan moved to the `plannedYear` Match whose card recommends the current Pathways season
 * (currentPathwaysRoute on the entered Match's context `entered`: a Pathway not started, its
 * deadline passed), OET_SCORE_MAY_BE_TOO_OLD judged on that route's projected closing
 * (the risk judged the 2028 season's documents deadline while the card said "apply now" to the
 * 2027 Pathways): zero or one Risk. Null when no such route is recommended (oetScoreAgeRisks holds).
 */
export function routeOetScoreAgeRisks(entered: PlanContext, plannedYear: number): Risk[] | null {
  const oet = entered.entries.at(OET.index);
  if (oet?.status !== "done" || oet.date === undefined || entered.applicable[OET.index] !== true) return null;
  if (statusAt(entered, PATHWAY.index) !== "not_started") return null;
  const own = pathwayDeadline(entered.calendar);
  const route = currentPathwaysRoute(entered, plannedYear, own !== null && own < entered.now);
  return route === null ? null : currentRouteOetRisk(oet.date, route.season, route.closing, plannedYear);
}

/** OET_SCORE_MAY_BE_TOO_OLD on the recommended route's projected closing `closing`: zero or one Risk. */
function currentRouteOetRisk(oetDate: string, season: number, closing: DueDate, plannedYear: number): Risk[] {
  const closingDay = localDate(ET_ZONE, closing.at);
  const cutoff = `${Number(closingDay.slice(0, 4)) - SCORE_AGE_YEARS}${closingDay.slice(4)}`;
  if (oetDate >= cutoff) return [];
  return [
    {
      code: "OET_SCORE_MAY_BE_TOO_OLD",
      severity: "warning",
      message: `Your OET Medicine was taken on ${oetDate}, more than ${SCORE_AGE_YEARS} years before ${renderDate(closingDay)} (projected), when ECFMG's ${season} Pathways close by the pattern of the 2025 Pathways (not published: verify), the route your plan recommends to reach the ${plannedYear} Match certified. ECFMG accepts OET results only from a recent window: for the 2025 Pathways the test had to be taken on or after 1 January 2023, about two years before that season's deadline; the rule for later Pathways was not found. Verify with ECFMG that your result counts for the ${season} Pathways before you apply; if it does not, book a new OET sitting in time.`,
      milestones: ["oet_medicine"],
      sources: [OET_SCORE_AGE_SOURCE, closing.source],
    },
  ];
}
