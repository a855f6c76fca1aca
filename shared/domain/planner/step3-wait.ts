import { indexedStep, stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import type { Feasibility } from "./feasibility.ts";
import { step3ChainNow, step3VisaDays } from "./h1b.ts";
import { planDates } from "./plan-dates.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { step3LaterDays } from "./step3-later-candidate.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { fsmbApplied } from "./step3-sitting.ts";

const STEP3 = indexedStep("usmle_step3");
const CERTIFICATION_INDEX = stepIndex("ecfmg_certification");

/** What the Step 3 step waits for once it cannot make this Match's rank order list (step3OutOfReach). */
export const STEP3_OUT_OF_REACH =
  "Step 3 cannot be reported before this Match's rank order list deadline: rank programs that offer a J-1 for this Match; plan Step 3 for a later Match";

/**
 * What lifts that wait: the track or the Match, the applicant's choice. Set as a gate's is, so the
 * step shows no date it cannot make (no calendar event, no overdue entry for it).
 */
export const STEP3_OUT_OF_REACH_RESOLVED_BY =
  "Rank programs that offer a J-1 for this Match and ask your advisor to switch your visa track to J-1, or plan Step 3 in time for a later Match's rank order list (see STEP3_NEEDED_FOR_H1B).";

/**
 * Whether the Step 3 step of an H-1B applicant who has not booked it, nor applied to FSMB for it,
 * waits: exactly when STEP3_NEEDED_FOR_H1B's own chain (step3ChainNow, as step3Risks reads it) says
 * its result cannot reach programs by the rank order list deadline, while that list is open. The step then
 * pushes no fee, visitor visa or trip for a date the risk calls impossible: no urgency, no reminders.
 * With the Match out of reach the step is planned for the later Match, whose
 * dates its risk is judged on; a booked Step 3 keeps its own date (the risk speaks to that date).
 * In the US (no visitor visa to wait for) it never waits: it is dated for the H-1B petition
 * (step3DueNow), which still needs the pass after the Match.
 */
export function step3OutOfReach(context: PlanContext, feasibility: Feasibility): boolean {
  if (context.applicant.visa !== "H-1B" || feasibility.infeasible || step3VisaDays(context) === 0)
    return false;
  const status = statusAt(context, STEP3.index);
  if (isFinished(status)) return false;
  // Booked as step3Risks reads it: a date given, scheduled or under way.
  const booked = status === "scheduled" || status === "in_progress";
  if (booked && context.entries.at(STEP3.index)?.date !== undefined) return false;
  // Applied to FSMB (paid, as the card advised), it is dated for the petition as in the US (step3DueNow).
  if (fsmbApplied(context, isFinished(statusAt(context, CERTIFICATION_INDEX)))) return false;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol) return false;
  const reportedBy = step3ChainNow(context, feasibility.readyAt).chain.reportedBy;
  // Out of reach of the projected deadline, the later candidate may still allow it; out of reach
  // of both, the petition's day may, with a visitor visa already held (step3DueNow dates it then).
  if (reportedBy <= rol || step3LaterDays(context, reportedBy) !== null) return false;
  const dates = planDates(context);
  return step3DueKind(step3DueNow(context, dates, dates.due(STEP3.key))) !== "petition";
}
