import { DAY_MS } from "../time.ts";
import { CONSULAR_WAIT_DAYS, EXAM_BOOKING_DAYS, SCORE_REPORTING_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay, dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { isRetake } from "./failed-score.ts";
import { type Step3ChainNow, step3SittingAt } from "./h1b.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { visaBeforeCertificate } from "./step3-visa-before-certificate.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * Whether the applicant has applied to FSMB for Step 3: marked under way with the certificate
 * issued (`certified`), since FSMB takes an IMG's application only with it (official,
 * STEP3_PROCESSING_SOURCE). Their card asks them to finish that registration, never to apply again.
 */
export function fsmbApplied(context: PlanContext, certified: boolean): boolean {
  return certified && step3ApplicationUnderWay(context);
}

/**
 * Whether Step 3 under way means an FSMB application made: marked in progress, and not a retake. A
 * failed Step 3 is read as in progress (retakeEntry: no study left), yet FSMB books no retake before
 * a new application and fee (RETAKE_ADVICE), so a retake not booked is planned as a first sitting not
 * applied for: FSMB's processing counted, its day to reapply by given, no "application under way".
 */
export function step3ApplicationUnderWay(context: PlanContext): boolean {
  return statusAt(context, STEP3_INDEX) === "in_progress" && !isRetake(context, "usmle_step3");
}

/**
 * The earliest Step 3 sitting the H-1B petition's day is measured against, counting what is done:
 * FSMB's permit (step3ChainFrom's), or once the applicant has applied (fsmbApplied) only FSMB's
 * graduation check; abroad the visitor visa's allowance beside it, not after it, from when the
 * certificate is in hand (the card asks for the visa now: its interview does not wait on FSMB's
 * permit, advice); then a seat (advice). Once applied to FSMB, as the card advised with the visa
 * beside it, the visa may be applied for too, which the snapshot cannot say: it is the day's
 * condition (sideBySideDays says so), not an allowance counted from today, as in the US (advice).
 * The one test of whether that day can still be met, for the step's date (step3DueNow) and its
 * out-of-reach words (petitionOutOfReach) alike.
 */
export function earliestPetitionSitting(context: PlanContext, now: Step3ChainNow): number {
  const { chain, certificateAt, visaDays } = now;
  // Applied to FSMB, the visitor visa is the day's condition (sideBySideDays says so), not a wait.
  if (fsmbApplied(context, now.certified))
    return step3SittingAt(Math.max(context.now, chain.verifiedAt), certificateAt, 0);
  // Asked for before the certificate (visaBeforeCertificate), the visa's wait counts from today.
  const visaFrom = visaBeforeCertificate(context) ? context.now : certificateAt;
  return step3SittingAt(chain.permitAt, visaFrom, visaDays);
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
 * Whether the sit-by day `sitBy`, ahead, is still met by an applicant who already holds a visitor
 * visa: FSMB's permit, then a seat, with no visa wait (step3ChainFrom's reportedWithVisaHeld less
 * the result's weeks). The one "only if you already hold a B-1/B-2 visa" test of the petition's
 * day, for the step's date (step3DueNow), its card (petitionOutOfReach) and the visa risk
 * (h1bJ1Fallback) alike. Notes when it stops holding only when `note` (the step's date moves then).
 */
export function petitionFitsWithVisaHeld(
  context: PlanContext,
  now: Step3ChainNow,
  sitBy: DueDate,
  note = false,
): boolean {
  if (sitBy.at <= context.now) return false;
  const sitting = now.chain.reportedWithVisaHeld - SCORE_REPORTING_DAYS * DAY_MS;
  if (note) noteCrossing(context, sitting, sitBy.at);
  return sitting <= sitBy.at;
}

/**
 * The petition's chain to `sitBy` once the applicant has applied to FSMB (fsmbApplied): " To sit it
 * by …: apply for the visitor visa by … while FSMB processes your application, and book your test
 * date by …"; with the visa's day behind, that day's condition (visaCondition). Null for any other
 * sit-by day, or before applying (latestDays' words).
 */
export function sideBySideDays(context: PlanContext, sitBy: DueDate, certified: boolean): string | null {
  if (step3DueKind(sitBy) !== "petition" || !fsmbApplied(context, certified)) return null;
  const { seat, visa } = seatAndVisaDays(sitBy);
  const by = (at: number): string => byDay(context, lastInstant(sitBy, at));
  if (lastInstant(sitBy, visa) < context.now)
    return visaCondition(by(sitBy.at), `by ${dayBy(context, lastInstant(sitBy, visa))}`, by(seat));
  return ` To sit it ${by(sitBy.at)}: apply for the visitor visa ${by(visa)} (${CONSULAR_WAIT_DAYS} days allowed for its interview) while FSMB processes your application, and book your test date ${by(seat)} (about ${EXAM_BOOKING_DAYS} days to a seat).`;
}

/**
 * Applied to FSMB with the visitor visa's day (`visaBy`) behind: the petition's day holds on the visa
 * alone, which the applicant may hold or have applied for as the card advised (the snapshot cannot
 * say), so the card names what must hold, and what the allowance says if it was not applied for
 * (advice); the card's lead and the risk say to rank J-1 programs too. "by …" words.
 */
function visaCondition(sitBy: string, visaBy: string, seatBy: string): string {
  return ` To sit it ${sitBy} you need a US visitor visa (B-1/B-2) in time: the day holds if you hold one, or applied for it ${visaBy} as this plan advised and your consulate's interview date still lets you book your test date ${seatBy} (about ${EXAM_BOOKING_DAYS} days to a seat) and travel. If you have not applied for it, apply now and ask your consulate for its earliest interview: with the ${CONSULAR_WAIT_DAYS} days this plan allows for it (advice), you could not sit Step 3 ${sitBy}.`;
}

/** Whether Step 3's card gives the visitor visa as its petition day's condition (visaCondition), not a wait to plan. */
export function visaIsCondition(context: PlanContext, sitBy: DueDate, certified: boolean): boolean {
  if (step3DueKind(sitBy) !== "petition" || !fsmbApplied(context, certified)) return false;
  return lastInstant(sitBy, seatAndVisaDays(sitBy).visa) < context.now;
}

/** The days to book a seat and apply for the visitor visa by, before the sit-by day (advice). */
function seatAndVisaDays(sitBy: DueDate): { seat: number; visa: number } {
  const seat = shiftDays(sitBy.at, sitBy.zone, -EXAM_BOOKING_DAYS);
  return { seat, visa: shiftDays(seat, sitBy.zone, -CONSULAR_WAIT_DAYS) };
}

/** A whole-day date ends at a midnight: its last instant names its day in every zone. */
function lastInstant(sitBy: DueDate, at: number): number {
  return sitBy.asDay === true ? at - 1 : at;
}
