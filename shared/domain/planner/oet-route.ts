import { catalogEntry } from "../catalog/index.ts";
import { ET_ZONE, renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { currentPathwaysRoute } from "./current-pathways-season.ts";
import { shiftDays } from "./date-math.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";
import { lastSittingDay, sittingDayDue } from "./last-sitting-day.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";

// The OET dated for the Pathways route the plan recommends (tester t9w F16): once the plan is dated
// for a later Match after the Pathway's deadline passed, the Pathway's card and target recommend the
// current Pathways season, which closes for applications and documents together (the 2025 Pathways
// on May 31, 2025, OET scores included: gp.ecfmg.org issue 88), so the OET result must reach ECFMG
// by that closing, not by the later Match's deadline for documents. One route, one set of dates.

const PATHWAY_INDEX = stepIndex("ecfmg_pathway");
const OET = catalogEntry("oet_medicine");
const OET_RESULT_DAYS = OET.reportingDays?.days ?? 0;

/** A recommended route's season and projected closing (currentPathwaysRoute). */
interface Route {
  season: number;
  closing: DueDate;
}

/**
 * The current Pathways route the Pathway's card recommends (currentPathwaysTarget's rule): the
 * Pathway not started, the OET dated for a later Match (`later`) than the one entered, whose Pathway
 * deadline has passed; null otherwise, and once that route's closing has passed.
 */
function recommendedRoute(context: PlanContext, later: number): Route | null {
  if (context.applicable[PATHWAY_INDEX] !== true || statusAt(context, PATHWAY_INDEX) !== "not_started")
    return null;
  if (later <= context.calendar.matchYear) return null;
  const deadline = pathwayDeadline(context.calendar);
  return currentPathwaysRoute(context, later, deadline !== null && deadline < context.now);
}

const cutOffs = new Map<DueDate, DueDate>();
const sittings = new Map<string, WeakMap<DueDate, DueDate>>();
const routes = new WeakMap<DueDate, Route>();

/**
 * The OET's last sitting day for the recommended route (its closing less the OET result time, the
 * catalog's reportingDays, advice), a whole day in the applicant's zone as the OET's own last sitting
 * day is (sittingDayDue); shared per route and zone so its renderings are memoised. Null when no
 * route is recommended (the OET keeps its catalog dates).
 */
export function oetRouteSitting(context: PlanContext, later: number): DueDate | null {
  const route = recommendedRoute(context, later);
  if (route === null) return null;
  const cutOff = routeCutOff(route);
  let byCutOff = sittings.get(context.zone);
  if (byCutOff === undefined) {
    byCutOff = new WeakMap();
    sittings.set(context.zone, byCutOff);
  }
  let sitting = byCutOff.get(cutOff);
  if (sitting === undefined) {
    sitting = sittingDayDue(context.zone, cutOff);
    byCutOff.set(cutOff, sitting);
    routes.set(sitting, route);
  }
  return sitting;
}

/** The route's last sitting day as an ET instant (its closing less the OET result time), shared per route. */
function routeCutOff(route: Route): DueDate {
  let cutOff = cutOffs.get(route.closing);
  if (cutOff === undefined) {
    cutOff = shapedDueDate({
      at: shiftDays(route.closing.at, ET_ZONE, -OET_RESULT_DAYS),
      zone: ET_ZONE,
      status: "projected",
      basis: "advice",
      source: `advice: the last OET sitting whose result (reportingDays, ${OET_RESULT_DAYS} days, advice) reaches ECFMG by the close of the ${route.season} Pathways, which take applications and documents, OET scores included, until then (https://gp.ecfmg.org/focus/issue88.html); ${route.closing.source}`,
    });
    cutOffs.set(route.closing, cutOff);
  }
  return cutOff;
}

/** The route an oetRouteSitting date was made for, else undefined (any other date). */
export function routeOf(sitting: DueDate | null): Route | undefined {
  return sitting === null ? undefined : routes.get(sitting);
}

/** " This plan dates your OET for ECFMG's 2027 Pathways, …": the route named on the OET's card. */
export function oetRouteWords(route: Route): string {
  return ` This plan dates your OET for ECFMG's ${route.season} Pathways, the route it recommends: they are projected to close on ${renderDate(lastSittingDay(route.closing.at))} for applications and documents alike, so your result must reach ECFMG by then (verify on ECFMG's Pathways page).`;
}

/** The OET's target on the recommended route (its last sitting day, an ET instant as a target is) for the OET step (`key`), else null. */
export function oetRouteTarget(context: PlanContext, key: string, later: number): DueDate | null {
  const route = key === OET.key ? recommendedRoute(context, later) : null;
  return route === null ? null : routeCutOff(route);
}
