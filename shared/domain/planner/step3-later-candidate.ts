import { DAY_MS, ET_ZONE, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE, step3FsmbTimeWords } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { step3ChainDays, step3ChainNow, step3LeadDays, step3VisaDays, visaExtraDays } from "./h1b.ts";
import {
  cutOffMark,
  dayText,
  lastSittingDay,
  lastSittingEnd,
  moveEarlierEnds,
  sittingCutOffOf,
  sittingDayDue,
} from "./last-sitting-day.ts";
import { laterCandidateClause, laterCandidateHedge } from "./later-candidate.ts";
import { noteCrossing, noteRiskChange } from "./risk-change-instants.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { markLaterCandidateDue, step3DueKind } from "./step3-petition-dates.ts";

const STEP3_INDEX = stepIndex("usmle_step3");
const CERTIFICATE_INDEX = stepIndex("ecfmg_certification");

/**
 * Step 3 before ranking on H-1B, not booked, when its earliest result misses the projected rank
 * order list deadline but fits that deadline's later candidate: the
 * days that candidate gives, computed backwards with the plan's own allowances (the ones that give
 * the earliest result): `sitBy`, the candidate less SCORE_REPORTING_DAYS (advice), and `applyBy`,
 * that day less step3ChainDays (FSMB, abroad the visitor visa, a seat: as fsmbApplyBy), epoch ms,
 * day arithmetic in ET as for the deadline itself.
 */
export interface Step3LaterDays {
  sitBy: number;
  applyBy: number;
  /**
   * Abroad, the days hold only for an applicant who already holds a visitor visa:
   * the chain without the visa's wait (step3LeadDays), as in the US.
   */
  held?: true;
  /** With `held`: the days are the later candidate's (else the projected deadline's own). */
  later?: true;
}

/**
 * Step3LaterDays while they still hold: H-1B, Step 3 not started (or under way with no date), the
 * deadline projected and ahead, `reportedBy` (the earliest result, epoch ms: step3ChainNow) after
 * it but by the later candidate, and the apply-by day not over where the applicant is
 * (applyByEnd). Abroad, when the chain with the visitor visa's wait misses both, the same days as
 * in the US for an applicant who already holds a visitor visa (`held`): the projected deadline's
 * (its last sitting day, FSMB by that day less step3LeadDays) while that apply-by day lasts, then
 * the later candidate's. Null
 * otherwise: then H-1B ranking this Match is out of reach as before. Notes when a window closes, so
 * the plan is made again then. Only H-1B plans get past the first line.
 */
export function step3LaterDays(context: PlanContext, reportedBy: number): Step3LaterDays | null {
  if (context.applicant.visa !== "H-1B") return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || reportedBy <= rol) return null;
  const later = rolLaterCandidateAt(context.calendar);
  const status = statusAt(context, STEP3_INDEX);
  if (status !== "not_started" && status !== "in_progress") return null;
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return null;
  if (later !== null && reportedBy <= later) {
    const sitBy = shiftDays(later, ET_ZONE, -SCORE_REPORTING_DAYS);
    const applyBy = shiftDays(sitBy, ET_ZONE, -step3ChainDays(context));
    if (context.now < applyByEnd(context, applyBy)) {
      noteRiskChange(context, windowClosesAt(context, applyBy));
      noteCrossing(context, reportedBy, later);
      return { sitBy, applyBy };
    }
  }
  const visaDays = step3VisaDays(context);
  if (visaDays === 0) return null;
  // The same chain for an applicant who already holds the visa: no wait beside FSMB's processing.
  const heldBy = reportedBy - visaExtraDays(visaDays) * DAY_MS;
  for (const deadline of [rol, later]) {
    if (deadline === null || heldBy > deadline) continue;
    const sitBy = shiftDays(deadline, ET_ZONE, -SCORE_REPORTING_DAYS);
    const applyBy = shiftDays(sitBy, ET_ZONE, -step3LeadDays());
    if (context.now >= applyByEnd(context, applyBy)) continue;
    noteRiskChange(context, windowClosesAt(context, applyBy));
    noteCrossing(context, heldBy, deadline);
    return deadline === rol ? { sitBy, applyBy, held: true } : { sitBy, applyBy, held: true, later: true };
  }
  return null;
}

/**
 * The Step 3 step's due date for the later candidate's sit-by day (Step3LaterDays.sitBy), one object
 * per PlanDates and kind, marked (markLaterCandidateDue) so the step's words and its apply-by
 * reminders know it: "later", or "heldLater" for the visa-held days (Step3LaterDays.held).
 */
export function laterSitByDue(dates: PlanDates, sitBy: number, held = false): DueDate | null {
  const memo = held ? heldSitBys : sitBys;
  let due = memo.get(dates);
  if (due === undefined) {
    const ruled = dates.due("usmle_step3");
    const candidate =
      dates.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
    due =
      ruled === null || candidate === undefined
        ? null
        : // A sitting day is a whole local day, as the projected one is.
          sittingDayDue(
            dates.zone,
            shapedDueDate({
              at: sitBy,
              zone: ET_ZONE,
              status: "projected",
              basis: "advice",
              source: `if NRMP's rank order list deadline is its later candidate (${candidate.said ?? candidate.rule}: ${renderDate(candidate.date)}), that day less ${SCORE_REPORTING_DAYS} days for Step 3's result (${SCORE_REPORTING_SOURCE})${held ? "; only if you already hold a visitor visa (B-1/B-2)" : ""}`,
              asDay: undefined,
            }),
          );
    memo.set(dates, due);
    if (due !== null) markLaterCandidateDue(due, held ? "heldLater" : "later");
  }
  return due;
}
const sitBys = new WeakMap<PlanDates, DueDate | null>();
const heldSitBys = new WeakMap<PlanDates, DueDate | null>();

/**
 * The step's own last sitting day `ruled` (its day in the applicant's zone), as a "held" due: the
 * projected deadline's day that holds abroad only with a visitor visa already held, so its
 * apply-by day counts no visa wait. One object per PlanDates.
 */
function heldDue(dates: PlanDates, ruled: DueDate): DueDate {
  let due = heldDues.get(dates);
  if (due === undefined || due.at !== ruled.at) {
    due = shapedDueDate({
      at: ruled.at,
      zone: ruled.zone,
      status: ruled.status,
      basis: ruled.basis,
      source: `${ruled.source}; only if you already hold a visitor visa (B-1/B-2)`,
      asDay: ruled.asDay,
    });
    heldDues.set(dates, due);
    markLaterCandidateDue(due, "held");
  }
  return due;
}
const heldDues = new WeakMap<PlanDates, DueDate>();

/**
 * The two sides in words (leading space), for the risk and the card: "If NRMP's 2027 deadline is
 * the later candidate (it was 16 days before Match Day in 2022–2025, which would be Wed 3 Mar
 * 2027), there is still time: apply to FSMB by Wed 13 Jan 2027 and sit Step 3 by Wed 3 Feb 2027
 * (our advice); rank J-1 programs too either way." `certified` false: the certificate first; `j1`
 * false: without the J-1 clause (the risk's tail says it, J1_ALTERNATIVE_TOO). The visa-held days
 * (`held`) say so: "If you already hold a B-1/B-2 visa[ and NRMP's … later candidate (…)], there is
 * still time: … sit Step 3 in the US by …". Both end with step3FsmbTimeWords: the apply-by day
 * counts FSMB's usual two weeks, and FSMB says it may need up to 12 weeks to verify graduation.
 */
export function step3LaterWords(
  context: PlanContext,
  days: Step3LaterDays,
  certified: boolean,
  j1 = true,
): string {
  const first = certified ? "" : "get your ECFMG certificate and ";
  const where = days.held === true ? "in the US " : "";
  // The sit-by day's mark by who sets it (cutOffMark: advice, the result time counted back).
  const act = `there is still time: ${first}apply to FSMB by ${dayBy(context, days.applyBy)} and sit Step 3 ${where}by ${dayBy(context, days.sitBy)}${cutOffMark(context.calendar, "usmle_step3")}`;
  if (days.held === true && days.later !== true)
    return ` If you already hold a B-1/B-2 visa, ${act}${j1 ? "; if you do not, rank J-1 programs too" : ""}.${step3FsmbTimeWords(certified)}`;
  const held = days.held === true ? "If you already hold a B-1/B-2 visa and " : "If ";
  return `${days.held === true ? projectedApplyByPassed(context, days.applyBy) : ""} ${held}${laterCandidateClause(context).slice(3)}, ${act}${j1 ? "; rank J-1 programs too either way" : ""}.${step3FsmbTimeWords(certified)}`;
}

/**
 * The end of an apply-by day (epoch ms, counted back in ET from the deadline's 9:00 PM ET) where the
 * applicant is: the day its words name (dayBy: its ET day) ends at her own midnight
 * (lastSittingEnd), as the sit-by day beside it (laterSitByDue) and the card's apply-by day
 * (step3ApplyBy) do. Measured at the ET instant, "there is still time: apply to FSMB by Wed 6 Jan"
 * stood on Thursday morning in Manila, a day already over there.
 */
function applyByEnd(context: PlanContext, applyBy: number): number {
  return lastSittingEnd(context.zone, applyBy);
}

/**
 * When a window with apply-by instant `applyBy` closes, to make the plan again then: at the end of
 * its day where the applicant is (applyByEnd), or, west of ET, just after the instant itself, when
 * the chain counted from now (`reportedBy`, checked first) misses the deadline.
 */
function windowClosesAt(context: PlanContext, applyBy: number): number {
  return Math.min(applyBy + 1, applyByEnd(context, applyBy));
}

/**
 * The visa-held days moved to the later candidate once the projected deadline's apply-by day passed
 * (step3LaterDays): that day, said to have passed (leading space), so the later one does not read as
 * the same deadline moved: "Wed 6 Jan 2027, our projected last day to apply to FSMB,
 * has passed; only if NRMP's deadline is the later candidate can you still apply, by Wed 13 Jan
 * 2027." "" while that day is ahead.
 */
function projectedApplyByPassed(context: PlanContext, applyBy: number): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const passed = shiftDays(shiftDays(rol, ET_ZONE, -SCORE_REPORTING_DAYS), ET_ZONE, -step3LeadDays());
  if (context.now < applyByEnd(context, passed)) return "";
  return ` ${dayBy(context, passed)}, our projected last day to apply to FSMB, has passed; only if NRMP's deadline is the later candidate can you still apply, by ${dayBy(context, applyBy)}.`;
}

/**
 * Step 3's due date before ranking for an H-1B applicant holding the certificate (so the step is
 * open) while Step3LaterDays hold: the later candidate's sit-by day (laterSitByDue), or for the
 * visa-held projected days the step's own last sitting day `ruled` as a "held" due; null otherwise,
 * the catalog's date then standing. `dates` must be the plan's own Match's.
 */
export function step3LaterDue(context: PlanContext, dates: PlanDates, ruled: DueDate): DueDate | null {
  if (dates.calendar !== context.calendar || !isFinished(statusAt(context, CERTIFICATE_INDEX))) return null;
  const days = step3LaterDays(context, step3ChainNow(context, context.now).chain.reportedBy);
  if (days === null) return null;
  if (days.held === true && days.later !== true) return heldDue(dates, ruled);
  return laterSitByDue(dates, days.sitBy, days.held === true);
}

/**
 * Step 3's card and its apply-by reminders before ranking, dated for the later candidate's sit-by
 * day `sitBy` (laterSitByDue) with its apply-by day `applyBy` (step3ApplyBy): the projected deadline
 * leaves no time, the later one still does, with both days. The step is so dated only
 * once the certificate is issued (step3LaterDue).
 */
export function step3LaterCardWords(context: PlanContext, sitBy: DueDate, applyBy: DueDate): string {
  // A whole-day date ends at a midnight: its last instant names its day in every zone.
  const days: Step3LaterDays = {
    sitBy: sitBy.asDay === true ? sitBy.at - 1 : sitBy.at,
    applyBy: applyBy.asDay === true ? applyBy.at - 1 : applyBy.at,
  };
  const kind = step3DueKind(sitBy);
  if (kind === "held" || kind === "heldLater") days.held = true;
  if (kind === "heldLater") days.later = true;
  const head =
    kind === "held"
      ? "Our projected rank order list deadline leaves no time for FSMB, a visitor visa and a US test date."
      : kind === "heldLater"
        ? "Our projected rank order list deadline leaves Step 3's result no time, even with a visitor visa in hand."
        : "Our projected rank order list deadline leaves Step 3's result no time.";
  return `${head}${step3LaterWords(context, days, true)}`;
}

/**
 * A Step 3 booked (ISO day `booked`) with its result after the projected deadline but by the later
 * candidate: both sides (never just "act if it still lets you"), else "".
 * While the projected last sitting day is ahead, as the card has it: try to move it to that
 * day, else keep the booked day; from then, keep it.
 */
export function step3BookedLaterWords(
  context: PlanContext,
  reportedBy: number,
  booked: string | undefined,
): string {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (rolDate.latestCandidate === undefined || laterCandidateHedge(context, rolDate, reportedBy) === "")
    return "";
  const clause = laterCandidateClause(context);
  const cutOff = sittingCutOffOf(context.calendar, "usmle_step3");
  const passedAt = moveEarlierEnds(context.zone, lastSittingDay(cutOff));
  noteRiskChange(context, passedAt);
  const check = "check R3 for NRMP's deadline once it is announced";
  if (context.now >= passedAt || booked === undefined)
    return ` That day is after our projected deadline. ${clause.charAt(0).toUpperCase()}${clause.slice(1)}, your result is in time for it: keep your date, and ${check}.`;
  return ` That day is after our projected deadline: try to move it to ${dayText(lastSittingDay(cutOff))}${cutOffMark(context.calendar, "usmle_step3")} or earlier and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: ${clause}, your result is in time for it; ${check}.`;
}

/**
 * step3LaterWords for a chain not on the H-1B track (VISA_UNDECIDED before ranking):
 * `reportedBy` (epoch ms) the chain's earliest result, `chainDays` its days from
 * the FSMB application to a seat (step3LeadDays plus the visitor-visa wait abroad). The same window
 * as step3LaterDays: the result after the projected deadline but by the later candidate, its apply-by
 * day not passed; "" otherwise. Without the J-1 clause (the risk gives the J-1 route itself).
 */
export function laterCandidateStep3Words(
  context: PlanContext,
  reportedBy: number,
  chainDays: number,
  certified: boolean,
): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || reportedBy <= rol) return "";
  const later = rolLaterCandidateAt(context.calendar);
  if (later === null || reportedBy > later) return "";
  const sitBy = shiftDays(later, ET_ZONE, -SCORE_REPORTING_DAYS);
  const applyBy = shiftDays(sitBy, ET_ZONE, -chainDays);
  if (context.now >= applyByEnd(context, applyBy)) return "";
  noteRiskChange(context, windowClosesAt(context, applyBy));
  noteCrossing(context, reportedBy, later);
  return step3LaterWords(context, { sitBy, applyBy }, certified, false);
}
