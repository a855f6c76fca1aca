import { catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE } from "../time.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { CalendarMemo } from "./calendar-memo.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";

/** The last day a Pathway not submitted keeps the Match, and whether it is a projected deadline. */
export interface PathwayLastDay {
  at: number;
  /** `at` is the application's deadline on NRMP's later candidate (projected), not our review allowance. */
  projected: boolean;
}

/**
 * The last day the plan keeps the season's Match for a Pathway application not submitted past its
 * projected deadline, the one day its risk (MATCH_YEAR_LAST_DAY), card, row and countdown name: the
 * latest of the application's deadline on NRMP's later candidate (pathwayDeadline on
 * laterCandidateCalendar, projected: Tue 2 Feb 2027, 9:00 PM ET), its own deadline, and the last day
 * ECFMG's review (reportingDays, advice) of one sent then still ends by the rank order list deadline,
 * after which EXAMS_LATE_FOR_RANKING says even one sent today would not be decided in time.
 * Null when the Pathway's deadline is not a season date's offset.
 */
export function pathwayLastDay(calendar: SeasonCalendar): PathwayLastDay | null {
  let last = lastDays.get(calendar);
  if (last === undefined) {
    const own = pathwayDeadline(calendar);
    const later = laterCandidateCalendar(calendar);
    const moved = later === null ? null : pathwayDeadline(later);
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
    const reviewed = shiftDays(rol, ET_ZONE, -(PATHWAY_ENTRY.reportingDays?.days ?? 28));
    const at = own === null ? null : Math.max(own, moved ?? 0, reviewed);
    last = lastDays.keep(calendar, at === null ? null : { at, projected: moved === at });
  }
  return last;
}
const PATHWAY_ENTRY = catalogEntry("ecfmg_pathway");

/** pathwayLastDay per calendar: asked on the Pathway's card of most plans not yet submitted. */
const lastDays = new CalendarMemo<PathwayLastDay | null>();

/**
 * pathwayLastDay as a due date, when it is ECFMG's deadline on NRMP's later candidate (projected):
 * the day MATCH_YEAR_LAST_DAY's notice and countdown are due by (lastDayDue) and the Pathway's row
 * (passedPathwayDue), one object per zone and instant. Null otherwise (its day is then our allowance,
 * counted by the chain's own last day).
 */
export function pathwayLastDayDue(context: PlanContext): DueDate | null {
  const last = pathwayLastDay(context.calendar);
  return last?.projected === true
    ? adviceDayDue(context, last.at, PATHWAY_LAST_DAY_SOURCE, false, "projected")
    : null;
}

/** Whether `due` is pathwayLastDayDue's. */
export function isPathwayLastDayDue(due: DueDate): boolean {
  return due.source === PATHWAY_LAST_DAY_SOURCE;
}

const PATHWAY_LAST_DAY_SOURCE =
  "MATCH_YEAR_LAST_DAY: ECFMG's Pathway application deadline on the rank order list deadline's later candidate (projection-rules.json milestoneOffsets latestCandidate: 29 days before it, as for the 2023 Match), the last day the Match is still in reach";
