import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS, STEP3_PROCESSING_SOURCE } from "./advice.ts";
import type { LeadTime } from "./feasibility-lead-times.ts";

/**
 * A USMLE Step 1 or Step 2 CK not started has no scheduling permit:
 * an IMG registers with FSMB (since January 2026) and books once the permit comes. FSMB
 * publishes no processing time for these Steps; the Step 3 figure (STEP3_PROCESSING_DAYS) is allowed,
 * then the seat week, as Step 3's chain counts them (advice).
 */
export const FSMB_PERMIT_AND_SEAT: LeadTime = {
  days: STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS,
  citation: {
    basis: "advice",
    source: `advice: an IMG registers with FSMB for USMLE Step 1 and Step 2 CK and books a seat only with the scheduling permit; FSMB gives no processing time for them, so its Step 3 figure is allowed (${STEP3_PROCESSING_SOURCE}), then about ${EXAM_BOOKING_DAYS} days to a test date`,
  },
};
