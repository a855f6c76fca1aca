import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { buildContext, isFinished, type PlanContext, type PlannerInput, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import type { Feasibility } from "./feasibility.ts";
import { carriedConfirmation, confirmedByTheMatch } from "./in-the-match.ts";
import { droppedOnLaterDay, type LaterDayCrossed, laterDayCrossedOf } from "./later-day-crossed.ts";
import { withoutEnteredSoapAnswer } from "./moved-plan-soap.ts";
import { carriedPresumed, feasibilityOf, presumedInTheMatch } from "./presumed-in-the-match.ts";

/**
 * The context a plan moved to a later Match (MATCH_YEAR_NOT_FEASIBLE) plans that Match's season
 * steps with: the context of the same applicant had they entered
 * that Match year, so letters, ERAS, NRMP, ranking and the visa get its dates, targets and reminders
 * exactly as then, prerequisites included (a rank order list of the Match out of reach implies no
 * NRMP registration for the later one). It shares the plan's risk-change instants, and names the
 * Match out of reach for the steps done for it only (pastSeasonMatchNote).
 */
export function enteredLaterMatch(
  input: PlannerInput,
  context: PlanContext,
  later: SeasonCalendar,
  now: Date,
): PlanContext {
  const applicant = { ...input.applicant, matchYear: later.matchYear };
  // As the plan's own context is made (planner.ts): in the Match, or presumed in it by an interview,
  // keeping what the entered Match's interview presumed. One
  // eligibility gate for the whole plan: the entered context's (an interview of its season proves the
  // note for the later Match too; one of the later season only does not open the gate).
  // In the entered Match and moved on all the same (SOAP), what that Match proved carries over.
  // The entered Match's SOAP answer stays with it: the later Match's SOAP reads as for anyone's.
  const base = carriedConfirmation(
    confirmedByTheMatch(
      withoutEnteredSoapAnswer(buildContext({ ...input, applicant }, later, now, context.eligibility)),
    ),
    context,
  );
  const entered = presumedInTheMatch(carriedPresumed(base, context));
  return contextWith(entered, {
    pastSeason: presumedForMatchOut(entered, context),
    riskChangesAt: context.riskChangesAt,
    pastSeasonMatch: { out: context.calendar.matchYear, planned: later.matchYear },
  });
}

/**
 * The Match a plan out of reach targets, judged as for an applicant who entered it:
 * the entered Match's chain names the earliest feasible year on that Match's
 * own rules, which count the usual booking week against a later Match's last sitting day where the
 * native rule (any-seat.ts) keeps that Match in reach on any seat. So the year is moved to
 * the earliest one, after the entered Match, whose entered applicant would be told it is in reach:
 * down while the year before is so, up while the year itself is not. Built once per moved plan:
 * `context` is the enteredLaterMatch context its season steps, its risks and `targeted` share.
 */
export interface LaterMatch {
  context: PlanContext;
  /** That Match's feasibility for the applicant who entered it (in reach but for MAX_HOPS). */
  feasibility: Feasibility;
  /**
   * The entered Match's feasibility with `earliestMatchYear` the targeted year (MATCH_YEAR_NOT_FEASIBLE's);
   * when the native rules moved that year, what it takes is the targeted Match's (any seat by its day).
   */
  outOfReach: Feasibility;
}

/** How many years a native verdict may move the entered chain's earliest year (each builds a context). */
const MAX_HOPS = 3;

export function laterMatchInReach(
  input: PlannerInput,
  context: PlanContext,
  feasibility: Feasibility,
  now: Date,
): LaterMatch {
  const entered = context.calendar.matchYear;
  let year = feasibility.earliestMatchYear;
  let later = enteredLaterMatch(input, context, seasonCalendar(year), now);
  let laterFeasibility = feasibilityOf(later);
  for (let hops = 0; hops < MAX_HOPS && laterFeasibility.infeasible; hops++) {
    year = Math.max(year + 1, laterFeasibility.earliestMatchYear);
    later = enteredLaterMatch(input, context, seasonCalendar(year), now);
    laterFeasibility = feasibilityOf(later);
  }
  // The Match just before, out of reach once its later candidate's own day passed.
  let crossed: LaterDayCrossed | undefined;
  // Only a year in reach is tried earlier (one found by moving up has its year before out of reach).
  const movedUp = year !== feasibility.earliestMatchYear;
  for (
    let hops = 0;
    !movedUp && hops < MAX_HOPS && year - 1 > entered && !laterFeasibility.infeasible;
    hops++
  ) {
    // A Match whose list has closed is never a target, whatever its entered applicant was told.
    const calendar = seasonCalendar(year - 1);
    if (context.now > calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at) break;
    const before = enteredLaterMatch(input, context, calendar, now);
    const beforeFeasibility = feasibilityOf(before);
    if (beforeFeasibility.infeasible) {
      crossed = laterDayCrossedOf(beforeFeasibility);
      break;
    }
    year--;
    later = before;
    laterFeasibility = beforeFeasibility;
  }
  // A Match the chain said dropped out is no longer the one just before the target.
  const outOfReach =
    year === feasibility.earliestMatchYear
      ? crossed === undefined
        ? feasibility
        : droppedOnLaterDay(feasibility, crossed)
      : { ...feasibility, earliestMatchYear: year, dropped: null, takes: laterFeasibility.takes };
  return { context: later, feasibility: laterFeasibility, outOfReach };
}

/**
 * The later Match's `pastSeason` (steps done for an earlier Match only) with the season-bound steps
 * the entered Match's interview presumed done (its `presumedDone`: the ERAS application and what
 * went into it) and the later Match never had reported: their cards read as the re-do an applicant
 * who reported them done gets ("Import your letters…"), not a first time ("Ask your writers now…").
 * Only step-text.ts reads `pastSeason`; `pastSeasonEntries`
 * (the budget's spent fees) is left as reported. `later.pastSeason` itself when nothing is added.
 */
function presumedForMatchOut(later: PlanContext, entered: PlanContext): ReadonlySet<MilestoneKey> {
  const presumed = entered.presumedDone;
  if (presumed === undefined) return later.pastSeason;
  let past: Set<MilestoneKey> | undefined;
  for (const index of presumed) {
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    if (entry.seasonBound !== true || later.pastSeason.has(entry.key)) continue;
    if (later.entries.at(index) !== undefined || isFinished(statusAt(later, index))) continue;
    past ??= new Set(later.pastSeason);
    past.add(entry.key);
  }
  return past ?? later.pastSeason;
}
