import type { Risk } from "../plan.ts";
import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { instantOf } from "./instant-of.ts";
import { pathwayPastDayWords } from "./last-day-words.ts";
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
  if (lastDay.lastWorkingAt === undefined || !lastDay.milestones.includes("ecfmg_pathway")) return null;
  if (!lastDay.milestones.every((key) => examsLate.milestones.includes(key))) return null;
  const due = pathwayDeadline(context.calendar);
  // Its instant is a minute (the chain's search), the deadline's an hour: the same local day is the same day.
  if (
    due === null ||
    localDate(context.zone, due) !== localDate(context.zone, instantOf(lastDay.lastWorkingAt))
  )
    return null;
  // Not beside an OET: its chain's words (the session's booking, the day's hour) are MATCH_YEAR_LAST_DAY's own.
  if (lastDay.milestones.length > 1)
    return lastDay.milestones.includes("oet_medicine")
      ? null
      : pathwayDayBesideExams(context, lastDay, examsLate, due);
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

/**
 * MATCH_YEAR_LAST_DAY on the Pathway's projected deadline naming exams too, all named by
 * EXAMS_LATE_FOR_RANKING: its "act by" day binds the Pathway alone, yet it read "book your Step 2 CK
 * sitting by" that day, a day the exam does not have (its own last sitting day is weeks later, as
 * EXAMS_LATE_FOR_RANKING says). EXAMS_LATE_FOR_RANKING stays, the one warning (README), with each
 * step's own day; it takes what the other said that it did not: past the Pathway's day ECFMG's
 * deadline is not confirmed, so submit at once. Both sources, at its own level: in the Pathway day's
 * last week its deadline rungs count down to that day, and a critical exam notice there read "move it
 * earlier" for an exam not booked.
 */
function pathwayDayBesideExams(context: PlanContext, lastDay: Risk, examsLate: Risk, due: number): Risk {
  const past = pathwayPastDayWords(context.calendar.matchYear);
  const sources = [...(examsLate.sources ?? [])];
  for (const source of lastDay.sources ?? []) addSource(sources, source);
  const folded: Risk = {
    ...examsLate,
    severity: examsLate.severity,
    message:
      past === null
        ? examsLate.message
        : `${examsLate.message} ${past.replace("past that day", `Past ${dayBy(context, due)} (projected),`)}.`,
    milestones: examsLate.milestones.slice(),
    sources,
  };
  return folded;
}
