import type { Plan } from "../plan.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";

/**
 * How far the applicant's own answers carry them along the road (Plan.roadReached): at the visa once
 * matched (`matched`: Match Day done, a contract begun, or NRMP's Monday "matched"), at the rank
 * order list once the list is certified. A step of an earlier stage still open then (ECFMG
 * certification, due by residency's start) does not stand them back at it. Pure.
 */
export function roadReached(context: PlanContext, matched: boolean): Plan["roadReached"] {
  if (matched) return "visa";
  if (isFinished(statusOf(context, "rank_order_list"))) return "ranking";
  return undefined;
}
