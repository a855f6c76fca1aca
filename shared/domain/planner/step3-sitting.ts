import { CONSULAR_WAIT_DAYS, EXAM_BOOKING_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { type Step3ChainNow, step3SittingAt } from "./h1b.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { step3DueKind } from "./step3-petition-dates.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * Whether the applicant has applied to FSMB for Step 3: marked under way with the certificate
 * issued (`certified`), since FSMB takes an IMG's application only with it (official,
 * STEP3_PROCESSING_SOURCE). Their card asks them to finish that registration, never to apply again.
 */
export function fsmbApplied(context: PlanContext, certified: boolean): boolean {
  return certified && statusAt(context, STEP3_INDEX) === "in_progress";
}

/**
 * The earliest Step 3 sitting the H-1B petition's day is measured against, counting what is done:
 * FSMB's permit (step3ChainFrom's), or once the applicant has applied (fsmbApplied) only FSMB's
 * graduation check; abroad the visitor visa's allowance beside it, not after it, from when the
 * certificate is in hand (the card asks for the visa now: its interview does not wait on FSMB's
 * permit, advice); then a seat (advice). The one test of whether that day can still be met, for the
 * step's date (step3DueNow) and its out-of-reach words (petitionOutOfReach) alike.
 */
export function earliestPetitionSitting(context: PlanContext, now: Step3ChainNow): number {
  const { chain, certificateAt, visaDays } = now;
  const permitAt = fsmbApplied(context, now.certified)
    ? Math.max(context.now, chain.verifiedAt)
    : chain.permitAt;
  return step3SittingAt(permitAt, certificateAt, visaDays);
}

/**
 * Whether the earliest petition sitting (earliestPetitionSitting) still meets the whole-day sit-by
 * day `sitBy`: it ends at its midnight, so a sitting from that instant on is the day after. Abroad
 * with FSMB's processing the shorter wait, it stops fitting the day after the visitor visa's day to
 * apply by (visitorVisaApplyBy). Notes that crossing for re-planning.
 */
export function petitionSittingFits(context: PlanContext, now: Step3ChainNow, sitBy: DueDate): boolean {
  const sitting = earliestPetitionSitting(context, now);
  noteCrossing(context, sitting, sitBy.at);
  return sitting < sitBy.at;
}

/**
 * The petition's chain to `sitBy` once the applicant has applied to FSMB (fsmbApplied): " To sit it
 * by …: apply for the visitor visa by … while FSMB processes your application, and book your test
 * date by …". Null for any other sit-by day, before applying (latestDays' words), or once the visa's
 * day is behind too (the chain's usual words then say so).
 */
export function sideBySideDays(context: PlanContext, sitBy: DueDate, certified: boolean): string | null {
  if (step3DueKind(sitBy) !== "petition" || !fsmbApplied(context, certified)) return null;
  const seat = shiftDays(sitBy.at, sitBy.zone, -EXAM_BOOKING_DAYS);
  const visa = shiftDays(seat, sitBy.zone, -CONSULAR_WAIT_DAYS);
  // A whole-day date ends at a midnight: its last instant names its day in every zone.
  const last = (at: number): number => (sitBy.asDay === true ? at - 1 : at);
  if (last(visa) < context.now) return null;
  const by = (at: number): string => byDay(context, last(at));
  return ` To sit it ${by(sitBy.at)}: apply for the visitor visa ${by(visa)} (${CONSULAR_WAIT_DAYS} days allowed for its interview) while FSMB processes your application, and book your test date ${by(seat)} (about ${EXAM_BOOKING_DAYS} days to a seat).`;
}
