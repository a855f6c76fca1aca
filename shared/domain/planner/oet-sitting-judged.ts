import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { lastSittingEnd } from "./last-sitting-day.ts";

const OET = indexedStep("oet_medicine");

/**
 * The OET sitting feasibility's chain checks against the OET's last sitting day (ChainTimes.oetSitting,
 * epoch ms), given the chain's `sitting` and that day's cut-off instant `cutOff` (sittingCutOffOf,
 * 9:00 PM ET): the applicant's own booked day on or after the end of the last sitting day in their
 * zone counts as after the cut-off, ahead or sat (its result unreported), so the plan says the same
 * of it before, on and after its exam day: too late for this Match's ranking
 * (a 13 Jan sitting flipped to "keep every date you have booked" from its day on, and east of
 * ET its local midnight fell before the cut-off's hour). Another sitting still ahead (a seat counted
 * by the last sitting day) as it is; null for one sat in time, whose result alone is judged.
 */
export function oetSittingJudged(context: PlanContext, sitting: number, cutOff: number): number | null {
  const late =
    plannedDayAt(context, OET.index) === sitting && sitting >= lastSittingEnd(context.zone, cutOff);
  if (late)
    return sitting < context.now && statusAt(context, OET.index) !== "scheduled"
      ? null
      : Math.max(sitting, cutOff + 1);
  return sitting >= context.now ? sitting : null;
}
