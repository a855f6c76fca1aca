import type { Risk, RiskCode } from "../plan.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { assessFeasibility, type Feasibility } from "./feasibility.ts";
import type { LaterMatch } from "./later-match.ts";
import { matchDroppedBy } from "./match-dropped-by.ts";
import { planDates } from "./plan-dates.ts";
import { stepRenderings } from "./step-renderings.ts";

/**
 * The Match the plan targets: the applicant's entered Match while it is in reach, else the earliest
 * feasible one (MATCH_YEAR_NOT_FEASIBLE), whose dates the early steps are laid on. One value for
 * every rule that judges urgency (with the 2027 Match out of
 * reach, a 2028 Pathway deadline five days away drew only TARGET_PASSED and badges "too late for
 * the 2027 Match"): MATCH_YEAR_LAST_DAY, EXAMS_LATE_FOR_RANKING, their notices, the badges and the
 * H-1B and OET-age rules read this Match, never the entered year once it is written off.
 */
export interface TargetedMatch {
  /** Whether the plan moved from the entered Match to a later one. */
  moved: boolean;
  year: number;
  calendar: SeasonCalendar;
  /**
   * The plan's context on that Match's calendar (the plan's own when not moved): moved, the context
   * of the applicant who entered that Match (enteredLaterMatch), built once and shared with its steps.
   */
  context: PlanContext;
  /** That Match's dates: the plan's own when not moved. */
  dates: PlanDates;
  /**
   * Feasibility of that Match at now: the plan's own when not moved, else its entered applicant's
   * (laterMatchInReach, found with the context), or found on first read for a school with no sponsor note.
   */
  feasibility(): Feasibility;
  /**
   * The step whose missed deadline dropped the Match just before this one (the one
   * dropped-match-words.ts names, else the entered Match's missed Pathway deadline): the Pathway
   * application's, or the OET's for the Pathway's documents; null when the chain as a whole came
   * too late for a rank order list deadline, or graduation decided.
   */
  droppedBy: MilestoneKey | null;
}

export function targetedMatch(
  context: PlanContext,
  dates: PlanDates,
  feasibility: Feasibility,
  later?: LaterMatch,
): TargetedMatch {
  if (!feasibility.infeasible)
    return {
      moved: false,
      year: context.calendar.matchYear,
      calendar: context.calendar,
      context,
      dates,
      feasibility: () => feasibility,
      droppedBy: null,
    };
  // The later Match as its entered applicant's (laterMatchInReach), built once by the planner;
  // else (a school with no sponsor note, whose season steps are not planned) the plan's on its calendar.
  const calendar = later?.context.calendar ?? seasonCalendar(feasibility.earliestMatchYear);
  const laterContext: PlanContext = later?.context ?? contextWith(context, { calendar });
  let laterFeasibility: Feasibility | undefined = later?.feasibility;
  return {
    moved: calendar.matchYear > context.calendar.matchYear,
    year: calendar.matchYear,
    calendar,
    context: laterContext,
    dates: planDates(laterContext),
    // Only the risks of a plan that moved read it (the chain against the later Match's deadlines).
    feasibility: () => {
      laterFeasibility ??= assessFeasibility(laterContext);
      return laterFeasibility;
    },
    // Judged when the Match went out of reach, so it stays put as now moves.
    droppedBy: matchDroppedBy(context, feasibility),
  };
}

/** The risks judged on the targeted Match: on a plan that moved, theirs are that Match's deadlines. */
const TARGETED_RISKS: ReadonlySet<RiskCode> = new Set<RiskCode>([
  "MATCH_YEAR_LAST_DAY",
  "EXAMS_LATE_FOR_RANKING",
]);

/** Whether `risk` was judged on a Match the plan moved to (its notice then reads that Match's dates). */
export function judgedOnTargetedMatch(
  targeted: TargetedMatch | undefined,
  risk: Pick<Risk, "code">,
): boolean {
  return targeted?.moved === true && TARGETED_RISKS.has(risk.code);
}

/** A step's deadline for a Match before the targeted one, passed: which Match, and its dates. */
export interface MissedMatchDeadline {
  year: number;
  due: DueDate;
  dates: PlanDates;
}

/**
 * The deadline a step dated for the targeted Match missed, for its badge and dates (they
 * judge the Match the plan targets): the Match just before the targeted one when that is after the
 * entered Match and the step's deadline for it has passed (a Match a deadline dropped, as the
 * Pathway's card says), else the entered Match's (`dates`) when passed; null when neither.
 * The deadline is the step's own (stepRenderings): an exam's last sitting day, passed from the
 * applicant's next local day and named as that day.
 */
export function missedMatchDeadline(
  targeted: TargetedMatch,
  entered: PlanContext,
  dates: PlanDates,
  index: number,
): MissedMatchDeadline | null {
  const before = targeted.year - 1;
  if (before > entered.calendar.matchYear) {
    const beforeDates = planDates(contextWith(entered, { calendar: seasonCalendar(before) }));
    const due = stepRenderings(beforeDates, index).due;
    if (due !== null && due.at < entered.now) return { year: before, due, dates: beforeDates };
  }
  const due = stepRenderings(dates, index).due;
  return due !== null && due.at < entered.now ? { year: entered.calendar.matchYear, due, dates } : null;
}
