import type { Risk } from "../plan.ts";
import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { instantOf } from "./instant-of.ts";
import { inLastWeek, markedLastWeek } from "./match-year-last-week.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { addSource } from "./risk-sources.ts";

/**
 * EXAMS_LATE_FOR_RANKING and MATCH_YEAR_LAST_DAY both about the Pathway application's last day, its
 * projected deadline: one risk per Pathway fact, as for exams (foldedExamRisk).
 * MATCH_YEAR_LAST_DAY stays (it names the application, its deadline, ECFMG's review and what follows
 * the day; EXAMS_LATE_FOR_RANKING's code says exams, its words only the first two), at the higher of
 * the two levels, with both risks' sources. Null when MATCH_YEAR_LAST_DAY is about another
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
    localDate(context.zone, due) !== localDate(context.zone, instantOf(lastDay.lastWorkingAt))
  )
    return null;
  if (examsLate.milestones.length !== 1) return null;
  const sources = [...(lastDay.sources ?? [])];
  for (const source of examsLate.sources ?? []) addSource(sources, source);
  const folded: Risk = {
    ...lastDay,
    severity: examsLate.severity === "critical" || lastDay.severity === "critical" ? "critical" : "warning",
    milestones: lastDay.milestones.slice(),
    sources,
  };
  // In its last week it keeps that notice's title and phase (the mark is the risk object's).
  return inLastWeek(lastDay) ? markedLastWeek(folded) : folded;
}
