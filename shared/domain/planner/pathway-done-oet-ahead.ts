import type { Risk } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { FailedScore } from "./failed-score.ts";
import type { StepEntriesView } from "./step-entries.ts";

// A Pathway marked done while its OET is booked ahead.
// ECFMG needs the OET result for the Pathway, so "done" is most likely "application submitted" (an
// easy tap when the application goes in): the OET keeps its step, deadline, risk and reminders, the
// certificate waits for its result, and one warning names the conflict.

const OET_AT = stepIndex("oet_medicine");
const PATHWAY_AT = stepIndex("ecfmg_pathway");

/**
 * In buildContext, after a done step has marked its prerequisites done: an OET the snapshot books
 * for a day not yet passed (in the applicant's zone) stays scheduled beside a Pathway reported done.
 * Once that day has passed the OET was sat, and a Pathway ECFMG accepted is believed, as before,
 * unless the Pathway's own done day comes before the sitting: ECFMG cannot have accepted it without
 * the result, so the OET stays scheduled (its step asks for the result) until the result is told.
 * A result told below the mark (`failed`) keeps the retake's status (readRetakes), whatever the days.
 */
export function keepOetBookedAhead(
  statuses: MilestoneStatus[],
  entries: StepEntriesView,
  now: number,
  zone: string,
  failed: readonly FailedScore[],
): void {
  const oet = entries.at(OET_AT);
  if (entries.at(PATHWAY_AT)?.status !== "done" || oet === undefined) return;
  // A result below the mark is no pass, and ECFMG accepts no Pathway without a passing OET: the
  // retake (readRetakes) keeps its step, whatever the Pathway's done day.
  if (failed.some((one) => one.key === "oet_medicine")) {
    statuses[OET_AT] = oet.status;
    return;
  }
  if (oet.status !== "scheduled" || oet.date === undefined) return;
  const pathwayDay = entries.at(PATHWAY_AT)?.date;
  if (!sittingPassed(zone, oet.date, now) || (pathwayDay !== undefined && pathwayDay < oet.date))
    statuses[OET_AT] = "scheduled";
}

/** The OET's booked day (ISO) when the Pathway is reported done while the OET is still to be sat (keepOetBookedAhead); else null. */
export function oetAheadOfDonePathway(context: PlanContext): string | null {
  if (context.applicable[OET_AT] !== true || context.statuses[OET_AT] !== "scheduled") return null;
  if (context.entries.at(PATHWAY_AT)?.status !== "done") return null;
  return context.entries.at(OET_AT)?.date ?? null;
}

/**
 * Whether the OET is still to be passed beside a Pathway reported done: booked ahead
 * (oetAheadOfDonePathway), or a retake after a result below the mark (keepOetBookedAhead keeps it).
 */
export function oetOutstandingBesideDonePathway(context: PlanContext): boolean {
  if (context.applicable[OET_AT] !== true || context.entries.at(PATHWAY_AT)?.status !== "done") return false;
  const status = context.statuses[OET_AT];
  return status === "scheduled" || status === "in_progress";
}

/** Whether the OET's booked day (ISO) has ended in the applicant's zone (a day of 23 or 25 hours too). */
function sittingPassed(zone: string, day: string, now: number): boolean {
  return dayEnd(zone, day) <= now;
}

/**
 * The certificate card's words while the OET is still to be passed beside a Pathway reported done
 * (oetOutstandingBesideDonePathway): booked for a day (oetAheadOfDonePathway), the result that
 * sitting gives; otherwise its retake. Null otherwise.
 */
export function certificateAwaitsOetAction(context: PlanContext): string | null {
  if (!oetOutstandingBesideDonePathway(context)) return null;
  const day = oetAheadOfDonePathway(context);
  if (day === null)
    return "Your certificate waits for your OET Medicine retake: ECFMG cannot accept your Pathway without a passing OET result. Sit it by the day its step asks, send the result to ECFMG, and mark this step done when ECFMG issues your certificate.";
  const sitting = sittingPassed(context.zone, day, context.now) ? "was" : "is";
  return `Your certificate waits for your OET Medicine result: ECFMG needs it for your Pathway, and your OET sitting ${sitting} on ${renderDate(day)}. Send the result to ECFMG when it arrives, make sure ECFMG has your final diploma and transcript, and mark this step done when ECFMG issues your certificate.`;
}

/**
 * PATHWAY_DONE_BEFORE_OET, a warning, once per plan: "Your OET is on Sat 20 Feb 2027: the Pathway
 * cannot be complete without its result; if you mean the application is submitted, …". After the
 * sitting (a Pathway done before it), it asks for the result: "… your OET Medicine was on …".
 */
export function pathwayDoneBeforeOetRisk(context: PlanContext): Risk | null {
  const day = oetAheadOfDonePathway(context);
  if (day === null) return null;
  const message = sittingPassed(context.zone, day, context.now)
    ? `You marked your ECFMG Pathway done on ${renderDate(context.entries.at(PATHWAY_AT)?.date ?? day)}, before your OET Medicine sitting on ${renderDate(day)}: the Pathway cannot be complete without the OET result, which ECFMG needs for it. If you mean the application is submitted, mark the Pathway in progress until ECFMG accepts it, and tell us your OET result when it comes (send it to ECFMG too).`
    : `You marked your ECFMG Pathway done, but your OET Medicine is on ${renderDate(day)}: the Pathway cannot be complete without its result, which ECFMG needs for it. If you mean the application is submitted, mark the Pathway in progress until ECFMG accepts it; either way, keep your OET step and sit it by the day it asks, and send the result to ECFMG. If ECFMG has already accepted your Pathway, tell us your OET result instead.`;
  return {
    code: "PATHWAY_DONE_BEFORE_OET",
    severity: "warning",
    message,
    milestones: ["ecfmg_pathway", "oet_medicine"],
    sources: ["https://gp.ecfmg.org/focus/issue88.html"],
  };
}
