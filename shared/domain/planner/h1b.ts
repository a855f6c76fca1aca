import { catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS, STEP3_PROCESSING_SOURCE } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { type DueDate, deadlineDetail, type PlanDates, shiftDays } from "./deadlines.ts";

/**
 * Ranking on H-1B with the ECFMG certificate still pending: Step 3 needs the certificate first
 * (official), then about 14 days of FSMB processing (official) and a US test date (about a week,
 * advice), all before Step 3's own date (its result reported before the rank order list deadline).
 * This is the date the certificate is needed by, as a target for the certification step; null
 * when not ranking on H-1B, Step 3 or the certificate is done, or Step 3 has no date to meet.
 */
export function h1bCertificateTarget(context: PlanContext, dates: PlanDates): DueDate | null {
  if (context.applicant.visa !== "H-1B") return null;
  if (isFinished(statusOf(context, "usmle_step3")) || isFinished(statusOf(context, "ecfmg_certification")))
    return null;
  const step3 = dates.due("usmle_step3");
  if (step3 === null) return null;
  return {
    at: shiftDays(step3.at, step3.zone, -(STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS)),
    zone: step3.zone,
    status: step3.status === "projected" ? "projected" : "advice",
    source: `target for ranking on H-1B: ${STEP3_PROCESSING_DAYS} days of FSMB processing (${STEP3_PROCESSING_SOURCE}) and about ${EXAM_BOOKING_DAYS} days to a US test date (advice) before Step 3's date (${step3.source}); ${catalogEntry("usmle_step3").title} needs the certificate first`,
  };
}

/** Its rendering: computed per plan (few applicants), never kept in the shared PlanDates. */
export function renderH1bTarget(context: PlanContext, target: DueDate): Deadline {
  return deadlineDetail(context.zone, target.at, target.status, target.source);
}
