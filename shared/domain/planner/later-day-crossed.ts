import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { needed } from "./fastest-sitting.ts";
import { assessAt, type Feasibility } from "./feasibility.ts";
import { lastSittingEnd, sittingCutOffOf } from "./last-sitting-day.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { plannedPathwayDay } from "./planned-pathway-day.ts";
import { presumedSent } from "./presumed-sent.ts";

/**
 * The later candidate's own step day a write-off crossed: the
 * step, the end of its day (epoch ms: an exam's last sitting day ends at the applicant's local
 * midnight, the Pathway application's deadline at its instant) and its cut-off instant (ms).
 */
export interface LaterDayCrossed {
  key: MilestoneKey;
  /** When the day passed for the applicant (epoch ms). */
  endsAt: number;
  /** The day's own instant: an exam's cut-off (its ET date is the day named), the Pathway's deadline. */
  at: number;
  /** The calendar on the later candidate (laterCandidateCalendar) the day is from. */
  calendar: SeasonCalendar;
}

const EXAMS = [indexedStep("usmle_step1"), indexedStep("usmle_step2ck"), indexedStep("oet_medicine")];
const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * For a Match out of reach on both the projected rank order list deadline and its later candidate
 * (withLaterCandidate), before the projected deadline: `earlier` naming the later candidate's step
 * day that was actually crossed (decidedBy that step, the day kept for laterDayCrossedOf), or null
 * when none was: no such day has passed, or the later chain was already out of reach just before the
 * last one that did (then the projected verdict's words stand). The days: the last sitting days of
 * the exams still needed, and the Pathway application's deadline while it is still to submit (not started, or planned for a day
 * still ahead). One
 * extra chain pass, on this rare path only.
 */
export function laterDayCrossed(
  context: PlanContext,
  laterContext: PlanContext,
  earlier: Feasibility,
): Feasibility | null {
  const calendar = laterContext.calendar;
  let crossed: LaterDayCrossed | null = null;
  for (const exam of EXAMS) {
    if (!needed(context, exam)) continue;
    const at = sittingCutOffOf(calendar, exam.key);
    const endsAt = lastSittingEnd(context.zone, at);
    if (endsAt <= context.now && (crossed === null || endsAt > crossed.endsAt))
      crossed = { key: exam.key, endsAt, at, calendar };
  }
  if (
    needed(context, PATHWAY) &&
    ((statusAt(context, PATHWAY.index) === "not_started" && !presumedSent(context, PATHWAY.index)) ||
      plannedPathwayDay(context) !== null)
  ) {
    const at = pathwayDeadline(calendar);
    if (at !== null && at < context.now && (crossed === null || at > crossed.endsAt))
      crossed = { key: PATHWAY.key, endsAt: at, at, calendar };
  }
  if (crossed === null) return null;
  const before = contextWith(laterContext, {
    now: crossed.endsAt - 1,
    riskChangesAt: [],
    catchUp: undefined,
  });
  if (assessAt(before, "laterCandidate").infeasible) return null;
  const feasibility: Feasibility = { ...earlier, decidedBy: crossed.key };
  crossedDays.set(feasibility, crossed);
  return feasibility;
}
const crossedDays = new WeakMap<Feasibility, LaterDayCrossed>();

/**
 * The entered Match's write-off `feasibility` once a later Match, just before its earliest feasible
 * one, dropped out on its later candidate's own day (`crossed`, laterDayCrossed's for that Match):
 * decidedBy and the dropped Match's cause and day name that day. Unchanged without
 * a dropped Match of that year.
 */
export function droppedOnLaterDay(feasibility: Feasibility, crossed: LaterDayCrossed): Feasibility {
  const dropped = feasibility.dropped;
  if (dropped === null || dropped.year !== crossed.calendar.matchYear) return feasibility;
  const cause =
    crossed.key === PATHWAY.key ? "pathway" : crossed.key === "oet_medicine" ? "documents" : "exams";
  const named: Feasibility = {
    ...feasibility,
    decidedBy: crossed.key,
    dropped: { ...dropped, cause, due: crossed.at },
  };
  crossedDays.set(named, crossed);
  return named;
}

/** The later candidate's day a write-off crossed (laterDayCrossed), if that is what decided it. */
export function laterDayCrossedOf(feasibility: Feasibility): LaterDayCrossed | undefined {
  return crossedDays.get(feasibility);
}
