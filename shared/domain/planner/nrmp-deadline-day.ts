import { feesNamed } from "../catalog/fee-words.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { FEES } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { byDay, dueToday } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";

/** The late fee as the fee table has it, with its year and source (fees.json, nrmp_late_fee). */
const LATE_FEE = feesNamed(
  "the {fee:nrmp_late_fee} late registration fee (NRMP's {feeYear:nrmp_late_fee} figure, {feeSource:nrmp_late_fee})",
  FEES,
);

/**
 * NRMP registration still open on its early registration deadline's last day (dueToday: within the
 * last 24 hours, the standard ladder's last rung, or on the applicant's local day): when, by its
 * hour in both zones, the late fee starts, so "register and pay the registration fee" is not read
 * as a task for any day. While the deadline is projected the fee "may" apply (the
 * NRMP_LATE_FEE risk's rule: a fee that hangs on a projected date is never said as fact). With a
 * leading space; "" on any other day, step or status. After the deadline the late action
 * (late-deadline.ts) names the fee instead.
 */
export function nrmpDeadlineDayNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  due: DueDate | null,
): string {
  if (entry.key !== "nrmp_registration" || status === "done" || status === "waived") return "";
  if (due === null || !dueToday(context, due.at)) return "";
  const fee =
    due.status === "projected"
      ? `${LATE_FEE} may apply on top of the registration fee (the deadline is projected: R3 shows whether it is charged)`
      : `${LATE_FEE} applies on top of the registration fee`;
  return ` Register ${byDay(context, due.at)}: that is NRMP's early registration deadline, and after it ${fee}.`;
}
