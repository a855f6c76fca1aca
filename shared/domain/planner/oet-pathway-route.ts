import type { CatalogEntry } from "../catalog/index.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { currentPathwaysRoute } from "./current-pathways-season.ts";
import { dayBy } from "./day-words.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";

const OET = indexedStep("oet_medicine");
const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * The OET's day on the route the Pathway's card recommends, beside the later Match's own. A Pathway
 * not started past its Match's deadline is told to apply now to the current season's Pathways while
 * they may still accept applications (currentPathwaysRoute), yet the OET kept only the later Match's
 * documents deadline (January of the next year): the card pushed the May route while the OET was
 * dated for the next year. That route's documents close with its applications (the 2025 Pathways
 * closed for both on May 31), so the OET's result goes by that projected closing too. With a leading
 * space; "" when the step is not the OET, the OET is done, or no such route is recommended.
 */
export function oetRouteNote(context: PlanContext, entry: CatalogEntry, plannedYear: number): string {
  if (entry.key !== OET.key || isFinished(statusAt(context, OET.index))) return "";
  if (plannedYear <= context.calendar.matchYear || statusAt(context, PATHWAY.index) !== "not_started")
    return "";
  const own = pathwayDeadline(context.calendar);
  const route = currentPathwaysRoute(context, plannedYear, own !== null && own < context.now);
  if (route === null) return "";
  // The closing is projected (never published for later seasons): said so, with "verify".
  const closing = dayBy(context, route.closing.at);
  return ` If you apply to ECFMG's ${route.season} Pathways now, as your Pathway step suggests, your OET result goes with that application's documents by their close, by the 2025 pattern ${closing} (projected; verify on ECFMG's Pathways page). The dates above are for the ${plannedYear} Pathways.`;
}
