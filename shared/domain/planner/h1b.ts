import type { CatalogEntry } from "../catalog/index.ts";
import { catalogEntry } from "../catalog/index.ts";
import { targetForSource } from "../target-need.ts";
import { DAY_MS, isoUtc, startOfLocalDate } from "../time.ts";
import { zoneInUs } from "../us-zones.ts";
import {
  CONSULAR_WAIT_DAYS,
  EXAM_BOOKING_DAYS,
  SCORE_REPORTING_DAYS,
  STEP3_GRADUATION_VERIFICATION_DAYS,
  STEP3_PROCESSING_DAYS,
  STEP3_PROCESSING_SOURCE,
  step3LeadWords,
  VISITOR_VISA_WAIT_SOURCE,
} from "./advice.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { ContextAnswers } from "./context-answers.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { earliestCertification } from "./earliest-certification.ts";
import { certificateOnOfficeDay } from "./h1b-certificate-day.ts";

const STEP3 = indexedStep("usmle_step3");
const CERTIFICATION = indexedStep("ecfmg_certification");

/**
 * Days from applying for Step 3 to sitting it once graduation is verified: about two weeks of FSMB
 * processing (official), then about a week to a US test date (advice). The same for a certified
 * applicant and one whose certificate is pending (who applies once it is issued): FSMB's 12 weeks
 * run from graduation (step3PermitAt), not from the application.
 */
export function step3LeadDays(): number {
  return STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS;
}

/**
 * Days from applying to FSMB to sitting Step 3 for this applicant: step3ChainDaysWith its visitor-visa
 * allowance (step3VisaDays). The one chain the step's text (step3Action's latest dates), its
 * reminders and STEP3_NEEDED_FOR_H1B's feasibility all use.
 */
export function step3ChainDays(context: PlanContext): number {
  return step3ChainDaysWith(step3VisaDays(context));
}

/**
 * Step 3's chain with a visitor-visa allowance of `visaDays`: FSMB's processing (official) and, abroad,
 * the visa's interview side by side, not one after the other (the interview does not wait on FSMB's
 * permit; both are asked for on the same day, advice), then a seat (advice). So the visa adds only the
 * days it outlasts FSMB's processing (visaExtraDays).
 */
export function step3ChainDaysWith(visaDays: number): number {
  return step3LeadDays() + visaExtraDays(visaDays);
}

/** The days a visitor-visa allowance of `visaDays` outlasts FSMB's processing beside it: 0 in the US. */
export function visaExtraDays(visaDays: number): number {
  return Math.max(0, visaDays - STEP3_PROCESSING_DAYS);
}

/**
 * The earliest Step 3 seat from FSMB's permit at `permitAt` and, beside it, a visitor visa applied for
 * at `visaFrom` with `visaDays` for its interview (0 in the US): whichever comes last, then a seat.
 */
export function step3SittingAt(permitAt: number, visaFrom: number, visaDays: number): number {
  return Math.max(permitAt, visaFrom + visaDays * DAY_MS) + EXAM_BOOKING_DAYS * DAY_MS;
}

// The last answer of graduationVerifiedAt, keyed on all it reads (the zone and the graduation
// day): Step 3's chain asks it about twice a plan (from now and from the exams' results), each a
// zone conversion there and back (the planner bench's CPU profile), and a plan's derived
// contexts share both values. One entry: it holds nothing past the next applicant.
let verifiedZone: string | undefined;
let verifiedGraduation: string | undefined;
let verifiedAt = 0;

/**
 * The end of FSMB's check of the applicant's graduation: "up to 12 weeks after you graduate"
 * (official, STEP3_GRADUATION_VERIFICATION_SOURCE), counted in calendar days of the applicant's
 * zone from the graduation day. No scheduling permit comes before it.
 */
export function graduationVerifiedAt(context: PlanContext): number {
  const zone = context.zone;
  const graduation = context.applicant.graduation;
  if (zone !== verifiedZone || graduation !== verifiedGraduation) {
    verifiedAt = shiftDays(startOfLocalDate(zone, graduation), zone, STEP3_GRADUATION_VERIFICATION_DAYS);
    verifiedZone = zone;
    verifiedGraduation = graduation;
  }
  return verifiedAt;
}

/**
 * The earliest Step 3 chain from an application to FSMB at `appliedAt` (the certificate in hand):
 * the scheduling permit about two weeks later but never before graduationVerifiedAt (both official),
 * beside it `visaDays` for a visitor visa asked for the same day (abroad, advice), then about a week
 * to a seat (advice: step3SittingAt) and the result (up to four weeks, official). One function for STEP3_NEEDED_FOR_H1B and VISA_UNDECIDED's
 * H-1B comparison, so the two never give two verdicts.
 */
export interface Step3Chain {
  /** When FSMB's scheduling permit can come (epoch ms). */
  permitAt: number;
  /** Whether graduation's 12 weeks, not the two weeks of processing, set permitAt. */
  byGraduation: boolean;
  /** When the result can reach programs, with the visa wait. */
  reportedBy: number;
  /** When it can, for an applicant who already holds a visitor visa. */
  reportedWithVisaHeld: number;
  /** The end of FSMB's graduation check (graduationVerifiedAt): no permit before it. */
  verifiedAt: number;
}

export function step3ChainFrom(context: PlanContext, appliedAt: number, visaDays: number): Step3Chain {
  const processed = appliedAt + STEP3_PROCESSING_DAYS * DAY_MS;
  const verified = graduationVerifiedAt(context);
  const permitAt = Math.max(processed, verified);
  const reportedWithVisaHeld = step3SittingAt(permitAt, appliedAt, 0) + SCORE_REPORTING_DAYS * DAY_MS;
  return {
    permitAt,
    byGraduation: verified > processed,
    reportedBy: step3SittingAt(permitAt, appliedAt, visaDays) + SCORE_REPORTING_DAYS * DAY_MS,
    reportedWithVisaHeld,
    verifiedAt: verified,
  };
}

/** Step 3's earliest chain from `now` for an applicant who has not booked it (see step3ChainNow). */
export interface Step3ChainNow {
  certified: boolean;
  /** When the certificate is in hand: now once issued, else h1bCertificateAt. */
  certificateAt: number;
  visaDays: number;
  chain: Step3Chain;
}

/**
 * The one computation STEP3_NEEDED_FOR_H1B (step3Risks) and the Step 3 step's wait
 * (step3OutOfReach) read: the certificate (now once issued), FSMB, abroad the visitor visa, a seat
 * and the result, so the step never pushes a date the risk calls out of reach. Asked about five
 * times a plan, from now or from the exams' results: kept (ContextAnswers).
 */
export function step3ChainNow(context: PlanContext, examsReadyAt: number): Step3ChainNow {
  return chainsNow.answer(context, examsReadyAt, null, chainNowFrom);
}
const chainsNow = new ContextAnswers<number, null, Step3ChainNow>();

function chainNowFrom(context: PlanContext, examsReadyAt: number): Step3ChainNow {
  const certified = isFinished(statusAt(context, CERTIFICATION.index));
  const certificateAt = certified ? context.now : h1bCertificateAt(context, examsReadyAt);
  const visaDays = step3VisaDays(context);
  return { certified, certificateAt, visaDays, chain: step3ChainFrom(context, certificateAt, visaDays) };
}

/**
 * The earliest ECFMG certificate for the H-1B chain while it is pending: earliestCertification (the
 * diploma's verification and the outstanding results) and never before `examsReadyAt`, the
 * feasibility chain's last result (the OET's result before ECFMG's Pathway review): a certificate
 * never precedes its exam results ("around 30 Jan" beside results "around 27 Feb").
 */
export function h1bCertificateAt(context: PlanContext, examsReadyAt: number): number {
  return Math.max(context.now, earliestCertification(context), examsReadyAt);
}

/** The same lead with its sources, for a deadline's source text (DueDate.source). */
export function step3LeadText(): string {
  return `${step3LeadWords()} (FSMB: ${STEP3_PROCESSING_SOURCE}; the test date: advice)`;
}

/** The applicant's time zone is outside the US: the only sign the snapshot gives of where they live. */
export function livesOutsideUs(context: PlanContext): boolean {
  return zoneOutsideUs(context.zone);
}

/** Whether an IANA zone is outside the US (zoneInUs, memoised there): the applicant's, or an interview's program's. */
export function zoneOutsideUs(zone: string): boolean {
  return !zoneInUs(zone);
}

/**
 * Days allowed for the visitor-visa interview before Step 3 for an H-1B applicant abroad (Step 3 is
 * offered only in the US; the wait is advice: CONSULAR_WAIT_DAYS), else 0. Planned beside FSMB's
 * processing, before the test date (step3ChainDaysWith).
 */
export function step3VisaDays(context: PlanContext): number {
  return context.applicant.visa === "H-1B" ? visitorVisaDays(context) : 0;
}

/**
 * The visitor-visa allowance for a trip to sit Step 3 from where the applicant lives, whatever the
 * track: VISA_UNDECIDED's H-1B comparison uses it as the H-1B track would.
 */
export function visitorVisaDays(context: PlanContext): number {
  return livesOutsideUs(context) ? CONSULAR_WAIT_DAYS : 0;
}

/**
 * Step 3's latest safe start: the catalog's lead (FSMB's processing and study time, advice) or,
 * abroad, the chain with the visitor-visa wait beside FSMB's processing (step3ChainDays) when that
 * is longer: the wait runs beside the study time too. Other steps keep the catalog's lead.
 */
export function leadDaysOf(context: PlanContext, entry: CatalogEntry): number {
  return entry.key === "usmle_step3"
    ? Math.max(entry.leadTimeDays.days, step3ChainDays(context))
    : entry.leadTimeDays.days;
}

/** A latest safe start `days` before `driver` in its zone, for a lead PlanDates.startBy does not memoise. */
export function step3StartBy(driver: DueDate, days: number): { at: number; iso: string } {
  const at = shiftDays(driver.at, driver.zone, -days);
  return { at, iso: isoUtc(at) };
}

/**
 * The day to start Step 3's chain by to sit it by `sitBy`, less step3ChainDays: to apply to FSMB
 * and, abroad, for the visitor visa beside it (visitorVisaApplyBy gives the same day as a DueDate).
 */
export function fsmbApplyBy(context: PlanContext, sitBy: DueDate): number {
  return shiftDays(sitBy.at, sitBy.zone, -step3ChainDays(context));
}

/**
 * Ranking on H-1B with the ECFMG certificate still pending: Step 3 needs the certificate first
 * (official), then about two weeks of FSMB processing (official), abroad the visitor-visa allowance
 * for the trip (advice, step3VisaDays) and a US test date (about a week, advice), all before Step
 * 3's own date (its result reported before the rank order list deadline). FSMB's check of the
 * graduation (up to 12 weeks from it) is a fixed date no certificate can move: STEP3_NEEDED_FOR_H1B
 * checks it (step3ChainFrom). This is the date the certificate is needed by, as a target for the
 * certification step. It may already be past: without the visa allowance too, the risk says H-1B
 * ranking is most likely out of reach; with it only, the risk's warning gives the latest date for
 * an applicant who already holds a visitor visa. Null when not ranking on H-1B, Step 3 or the
 * certificate is done, or Step 3 has no date to meet.
 */
export function h1bCertificateTarget(context: PlanContext, dates: PlanDates): DueDate | null {
  if (context.applicant.visa !== "H-1B") return null;
  if (isFinished(statusAt(context, STEP3.index)) || isFinished(statusAt(context, CERTIFICATION.index)))
    return null;
  // Past the applicant's gates it depends only on the dates (a season, a zone) and the zone's visa allowance.
  let target = h1bTargets.get(dates);
  if (target === undefined) {
    target = h1bTargetOf(dates, step3VisaDays(context));
    h1bTargets.set(dates, target);
    if (target !== null) h1bTargetSet.add(target);
  }
  return target;
}

/** h1bCertificateTarget per PlanDates: its zone fixes the visa allowance (the visa is H-1B there). */
const h1bTargets = new WeakMap<PlanDates, DueDate | null>();
/** The targets h1bCertificateTarget made, so step3Action knows the certificate's H-1B target. */
const h1bTargetSet = new WeakSet<DueDate>();

/** Whether `due` is a target h1bCertificateTarget made (the certificate's for ranking on H-1B). */
export function isH1bCertificateTarget(due: DueDate): boolean {
  return h1bTargetSet.has(due);
}

function h1bTargetOf(dates: PlanDates, visaDays: number): DueDate | null {
  const step3 = dates.due("usmle_step3");
  if (step3 === null) return null;
  // Abroad, the visitor-visa wait runs beside FSMB's processing, before the test date (advice).
  const visa =
    visaDays === 0
      ? ""
      : `, with ${visaDays} days for a visitor visa (B-1/B-2) interview for the trip beside FSMB's processing (${VISITOR_VISA_WAIT_SOURCE})`;
  return certificateOnOfficeDay({
    at: shiftDays(step3.at, step3.zone, -step3ChainDaysWith(visaDays)),
    zone: step3.zone,
    status: step3.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: targetForSource(
      "ranking on H-1B",
      `${step3LeadText()}${visa} before Step 3's date (${step3.source}); ${catalogEntry("usmle_step3").title} needs the certificate first`,
    ),
  });
}
