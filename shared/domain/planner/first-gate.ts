import { SCHOOL_CHECK } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { type PlanContext, statusOf } from "./context.ts";

/**
 * The first gate of the whole road, when not begun: the WDOMS check while the sponsor note is
 * unknown, else the ECFMG application (every exam and ECFMG step waits on it). Its start-by rung
 * is brought forward to now, so the applicant hears about it at the next delivery slot rather
 * than weeks later (advice: an early start costs nothing and the chain behind it is long).
 */
export function firstGateOf(context: PlanContext, unchecked: boolean): MilestoneKey | null {
  if (context.eligibility === "ineligible") return null;
  if (unchecked) return SCHOOL_CHECK.key;
  return statusOf(context, "ecfmg_application") === "not_started" ? "ecfmg_application" : null;
}
