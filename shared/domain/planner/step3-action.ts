import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS, step3FsmbTimeWords } from "./advice.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { fsmbApplyBy, isH1bCertificateTarget, step3ChainNow, step3VisaDays } from "./h1b.ts";
import { certificateForRanking } from "./h1b-certificate-card.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReachAction } from "./step3-petition-out-of-reach.ts";
import { sideBySideDays, visaIsCondition } from "./step3-sitting.ts";
import { bookedTripWords, STEP3_ABROAD_ACTION, STEP3_HELD_ACTION, step3Booked } from "./step3-trip-words.ts";

const CERTIFICATION = indexedStep("ecfmg_certification");

/**
 * Step 3's action with the trip's visa for an applicant abroad while the exam is not booked, and
 * the latest days of its chain before the sit-by date `sitBy` (step3ChainDays: FSMB, the visa, a
 * seat), so the step shows the start-by dates the STEP3_NEEDED_FOR_H1B risk measures. Abroad or in
 * the US, the petition's day out of reach (petitionOutOfReachAction) replaces the action with the
 * risk's one instruction: in the US FSMB's processing and a seat alone can put it out of reach.
 */
export function step3Action(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  action: string,
  sitBy: DueDate | null,
): string {
  if (entry.key === "ecfmg_certification" && sitBy !== null && isH1bCertificateTarget(sitBy))
    return `${action}${certificateForRanking(context, sitBy, step3VisaDays(context))}`;
  if (entry.key !== "usmle_step3") return action;
  const abroad = step3VisaDays(context) > 0;
  // Booked (a date recorded, scheduled or under way): no FSMB application or seat left to chase.
  if (step3Booked(context, status)) return abroad ? `${action}${bookedTripWords(context)}` : action;
  if (status !== "not_started" && status !== "in_progress") return action;
  // Dated for a visa already held: no visa to wait for, no chain through one.
  const kind = step3DueKind(sitBy);
  if (abroad && (kind === "held" || kind === "heldLater")) return `${action}${STEP3_HELD_ACTION}`;
  // The petition's day out of reach: the risk's one instruction.
  const outOfReach = petitionOutOfReachAction(context, sitBy, step3ChainNow(context, context.now));
  if (outOfReach !== null) return outOfReach;
  if (!abroad) return action;
  // Applied to FSMB with the visa's day behind: the visa is the day's condition, not a wait to plan.
  const certified = isFinished(statusAt(context, CERTIFICATION.index));
  if (sitBy !== null && visaIsCondition(context, sitBy, certified))
    return `${action}${latestDays(context, sitBy, false)}`;
  return `${action}${STEP3_ABROAD_ACTION}${sitBy === null ? "" : latestDays(context, sitBy)}`;
}

/**
 * " To sit it by …: apply for the visitor visa and, beside it, to FSMB by … and book your test date
 * by …" (the chain's lead times, side by side: step3ChainDays), then FSMB's graduation check unless
 * `fsmbTime` is false (said beside it already).
 */
export function latestDays(context: PlanContext, sitBy: DueDate, fsmbTime = true): string {
  const seat = shiftDays(sitBy.at, sitBy.zone, -EXAM_BOOKING_DAYS);
  const fsmb = fsmbApplyBy(context, sitBy);
  const certified = isFinished(statusAt(context, CERTIFICATION.index));
  const fsmbTimeWords = fsmbTime ? step3FsmbTimeWords(certified) : "";
  const sideBySide = sideBySideDays(context, sitBy, certified);
  if (sideBySide !== null) return `${sideBySide}${fsmbTimeWords}`;
  // The Step 3 risk is shown up to the rank order list deadline only (risks.ts): no card points to it
  // after that; a petition still needs Step 3, which the card already asks for.
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const passed =
    fsmb >= context.now
      ? ""
      : context.now <= rol
        ? " That day has passed: see the Step 3 risk."
        : " That day has passed.";
  // A day already gone is asked for as soon as possible, never "by" it. A
  // whole-day date ends at a midnight: its last instant names its day in every zone.
  const by = (at: number): string => byDay(context, sitBy.asDay === true ? at - 1 : at);
  return ` To sit it ${by(sitBy.at)}: apply for the visitor visa and, beside it, to FSMB ${by(fsmb)} (${step3VisaDays(context)} days allowed for the visa's interview, about ${STEP3_PROCESSING_DAYS} days of FSMB processing), and book your test date ${by(seat)} (about ${EXAM_BOOKING_DAYS} days to a seat).${fsmbTimeWords}${passed}`;
}
