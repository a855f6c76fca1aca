import { catalogEntry } from "../catalog/index.ts";
import type { DroppedMatch } from "./chain-deadlines.ts";
import type { PlanContext } from "./context.ts";
import type { LaterDayCrossed } from "./later-day-crossed.ts";
import { laterDayCrossedClause } from "./later-day-crossed-words.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * MATCH_YEAR_NOT_FEASIBLE's sentence on a later Match a deadline passing dropped out
 * (at the 2028 Pathway deadline, 25 Dec 2027, the plan moved from 2028 to 2029 and said only
 * why 2027 was missed): which Match, which deadline (projected, its rule cited in `sources`) and
 * what missed it; `crossed`, the later candidate's own day that dropped it (laterDayCrossed). "" when none did. `dayBy`: feasibility-risk's, passed in (it imports this file).
 */
export function droppedMatchWords(
  context: PlanContext,
  dropped: DroppedMatch | null,
  sources: string[],
  dayBy: (context: PlanContext, at: number) => string,
  crossed?: LaterDayCrossed,
): string {
  if (dropped === null) return "";
  // Dropped once its later candidate's own day passed: that day, the one that decided.
  if (crossed?.calendar.matchYear === dropped.year)
    return ` The ${dropped.year} Match is out of reach too: ${laterDayCrossedClause(context, crossed, sources)}.`;
  const day = `${dayBy(context, dropped.due)} (projected)`;
  const pathway = catalogEntry("ecfmg_pathway");
  if (dropped.cause === "pathway") {
    addSource(sources, citationSource(pathway.due));
    return ` The ${dropped.year} Match is out of reach too: its deadline for Pathway applications, ${day}, ${dropped.due <= context.now ? "passed" : "comes"} without your application.`;
  }
  if (dropped.cause === "documents") {
    if (pathway.documentsDue !== undefined) addSource(sources, citationSource(pathway.documentsDue));
    return ` The ${dropped.year} Match is out of reach too: your OET result could not reach ECFMG by that Match's deadline for a Pathway application's documents (its last OET sitting or the documents deadline, ${day}).`;
  }
  return ` The ${dropped.year} Match is out of reach too: its rank order list deadline, ${day}, comes before the exams and Pathway NRMP needs can be reported at the fastest pace.`;
}
