import { startOfLocalDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";

/**
 * A day the applicant gave for a step of the visa chain (`given`, ISO date: the step expected on it,
 * or a document received or approved on it) later than the plan's day for that step (`planned`) by
 * more than the room between the visa's date (`visaAt`) and residency's start: each day later moves
 * the steps after it a day later at the chain's own allowances (ECFMG's review, the consular
 * interview's wait), so the visa would come after the start. Returns that later visa instant, null
 * while the visa still comes by the start. The given day counts whole, to its next midnight in the
 * applicant's zone, as the plan's own day for the step ends at its midnight. The one count of "a day
 * given later than planned" for every rule that judges such a day (the step expected late, the
 * contract planned late, the DS-2019 or the H-1B approval received late).
 */
export function visaMovedPastStart(
  context: PlanContext,
  given: string,
  planned: number,
  visaAt: number,
): number | null {
  const later = shiftDays(startOfLocalDate(context.zone, given.slice(0, 10)), context.zone, 1) - planned;
  return later > context.calendar.dates.residency_start.at - visaAt ? visaAt + later : null;
}
