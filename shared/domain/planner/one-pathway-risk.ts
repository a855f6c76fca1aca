import type { Risk } from "../plan.ts";
import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { addSource } from "./risk-sources.ts";

/**
 * EXAMS_LATE_FOR_RANKING and MATCH_YEAR_LAST_DAY both about the Pathway application's last day, its
 * projected deadline (tester t9t F5): one risk per Pathway fact, as for exams (foldedExamRisk).
 * EXAMS_LATE_FOR_RANKING stays (it names the application, the deadline and what follows), at the
 * higher of the two levels, with both risks' sources. Null when MATCH_YEAR_LAST_DAY is about another
 * step or another day (both then stay). Rare: only when both are raised.
 */
export function foldedPathwayRisk(context: PlanContext, lastDay: Risk, examsLate: Risk): Risk | null {
  if (lastDay.lastWorkingAt === undefined || lastDay.milestones.length !== 1) return null;
  if (lastDay.milestones[0] !== "ecfmg_pathway" || !examsLate.milestones.includes("ecfmg_pathway"))
    return null;
  const due = pathwayDeadline(context.calendar);
  // Its instant is a minute (the chain's search), the deadline's an hour: the same local day is the same day.
  if (
    due === null ||
    localDate(context.zone, due) !== localDate(context.zone, Date.parse(lastDay.lastWorkingAt))
  )
    return null;
  const sources = [...(examsLate.sources ?? [])];
  for (const source of lastDay.sources ?? []) addSource(sources, source);
  return {
    ...examsLate,
    severity: examsLate.severity === "critical" || lastDay.severity === "critical" ? "critical" : "warning",
    milestones: examsLate.milestones.slice(),
    sources,
  };
}
