import { catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import {
  EXAM_BOOKING_DAYS,
  STEP3_GRADUATION_VERIFICATION_DAYS,
  STEP3_PROCESSING_DAYS,
  STEP3_PROCESSING_SOURCE,
} from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { deadlineDetail, shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";

/**
 * Days from applying for Step 3 to sitting it. With the ECFMG certificate still pending FSMB has
 * graduation to verify, which "may need up to 12 weeks" (official); with the certificate issued,
 * about two weeks of processing (official). Then about a week to a US test date (advice).
 */
export function step3LeadDays(certified: boolean): number {
  return (certified ? STEP3_PROCESSING_DAYS : STEP3_GRADUATION_VERIFICATION_DAYS) + EXAM_BOOKING_DAYS;
}

/** The same lead in plain words, for a risk's sentence (its sources: STEP3_PROCESSING_SOURCE, EXAM_BOOKING_SOURCE). */
export function step3LeadWords(certified: boolean): string {
  const fsmb = certified
    ? `about ${STEP3_PROCESSING_DAYS} days of FSMB processing`
    : `up to ${STEP3_GRADUATION_VERIFICATION_DAYS / 7} weeks for FSMB to verify graduation`;
  return `${fsmb} and about ${EXAM_BOOKING_DAYS} days to a US test date`;
}

/** The same lead with its sources, for a deadline's source text (DueDate.source). */
export function step3LeadText(certified: boolean): string {
  return `${step3LeadWords(certified)} (FSMB: ${STEP3_PROCESSING_SOURCE}; the test date: advice)`;
}

/**
 * Ranking on H-1B with the ECFMG certificate still pending: Step 3 needs the certificate first
 * (official), then up to 12 weeks for FSMB to verify graduation (official) and a US test date
 * (about a week, advice), all before Step 3's own date (its result reported before the rank order
 * list deadline). This is the date the certificate is needed by, as a target for the certification
 * step (it may already be past: the STEP3_NEEDED_FOR_H1B risk then says H-1B ranking is most likely
 * out of reach); null when not ranking on H-1B, Step 3 or the certificate is done, or Step 3 has no
 * date to meet.
 */
export function h1bCertificateTarget(context: PlanContext, dates: PlanDates): DueDate | null {
  if (context.applicant.visa !== "H-1B") return null;
  if (isFinished(statusOf(context, "usmle_step3")) || isFinished(statusOf(context, "ecfmg_certification")))
    return null;
  const step3 = dates.due("usmle_step3");
  if (step3 === null) return null;
  return {
    at: shiftDays(step3.at, step3.zone, -step3LeadDays(false)),
    zone: step3.zone,
    status: step3.status === "projected" ? "projected" : "advice",
    source: `target for ranking on H-1B: ${step3LeadText(false)} before Step 3's date (${step3.source}); ${catalogEntry("usmle_step3").title} needs the certificate first`,
  };
}

/** Its rendering: computed per plan (few applicants), never kept in the shared PlanDates. */
export function renderH1bTarget(context: PlanContext, target: DueDate): Deadline {
  return deadlineDetail(context.zone, target.at, target.status, target.source);
}
