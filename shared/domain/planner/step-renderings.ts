import type { Deadline } from "../plan.ts";
import { keyAt } from "./catalog-index.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { renderH1bTarget } from "./h1b-row-target.ts";
import { isDaySitting, sittingDayDue } from "./last-sitting-day.ts";

/**
 * A step's due date and catalog target in one PlanDates, each with its rendering, as planMilestone
 * shows them: a function of the PlanDates and the step's catalog index alone (no `now`, no
 * status). PlanDates memoises each (dueAt, targetAt by index; rendered, renderedDay in a Map by
 * the DueDate), but the two renderings were two Map look-ups per step and plan (PlanDates.rendered
 * was 2 % of the planner bench's CPU profile): kept here together, by index.
 */
export interface StepRenderings {
  /**
   * The step's due date: PlanDates.dueAt's, or for an exam whose result ranking needs its last
   * sitting day (sittingDayDue: a whole day in the applicant's zone).
   */
  due: DueDate | null;
  /** PlanDates.rendered(due), when there is a due date. */
  dueDetail: Deadline | undefined;
  target: DueDate | null;
  /** PlanDates.renderedDay(target), when there is a target. */
  targetDay: Deadline | undefined;
}

/**
 * By PlanDates (shared by the plans of one zone, season and own dates; memoised and bounded by
 * planDates), then catalog index. The plan's last PlanDates and its array are kept aside: most
 * steps of a plan share one.
 */
const renderingsByDates = new WeakMap<PlanDates, (StepRenderings | undefined)[]>();
let lastDates: PlanDates | undefined;
let lastRenderings: (StepRenderings | undefined)[] = [];

/** The step's due date and target in `dates`, with their renderings, made once per PlanDates and step. */
export function stepRenderings(dates: PlanDates, index: number): StepRenderings {
  if (lastDates !== dates) {
    let byIndex = renderingsByDates.get(dates);
    if (byIndex === undefined) {
      byIndex = [];
      renderingsByDates.set(dates, byIndex);
    }
    lastDates = dates;
    lastRenderings = byIndex;
  }
  let known = lastRenderings[index];
  if (known === undefined) {
    const ruled = dates.dueAt(index);
    const due = ruled !== null && isDaySitting(keyAt(index)) ? sittingDayDue(dates.zone, ruled) : ruled;
    const target = dates.targetAt(index);
    known = {
      due,
      dueDetail: due === null ? undefined : dates.rendered(due),
      target,
      targetDay: target === null ? undefined : dates.renderedDay(target),
    };
    lastRenderings[index] = known;
  }
  return known;
}

/**
 * How the step's target (`target`, as planMilestone chose it) is shown: the H-1B certificate's row
 * target (`h1b`) as renderH1bTarget says, a week's look-up target (`weekTarget`) as its delivery
 * slot, the catalog's as its shared day rendering (`shown`), any other as a day; none without one.
 */
export function targetDetailOf(
  stepDates: PlanDates,
  shown: StepRenderings,
  target: DueDate | null,
  h1b: DueDate | null,
  weekTarget: DueDate | null,
  contractTarget: DueDate | null = null,
): Deadline | undefined {
  if (target === null) return undefined;
  if (target === h1b) return renderH1bTarget(target);
  // The contract's passed date reads as its deadline read (Fri 2 Apr), not a day in the zone.
  if (target === contractTarget) return stepDates.rendered(target);
  if (target === weekTarget) return stepDates.rendered(target);
  return target === shown.target ? shown.targetDay : stepDates.renderedDay(target);
}
