import { ET_ZONE, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { step3ChainDays, step3ChainNow } from "./h1b.ts";
import { dayText, lastSittingDay, lastSittingEnd, sittingCutOffOf } from "./last-sitting-day.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { noteCrossing, noteRiskChange } from "./risk-change-instants.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { markLaterCandidateDue } from "./step3-petition-dates.ts";

const STEP3_INDEX = stepIndex("usmle_step3");
const CERTIFICATE_INDEX = stepIndex("ecfmg_certification");

/**
 * Step 3 before ranking on H-1B, not booked, when its earliest result misses the projected rank
 * order list deadline but fits that deadline's later candidate (tester t9s F13, lead's ruling): the
 * days that candidate gives, computed backwards with the plan's own allowances (the ones that give
 * the earliest result): `sitBy`, the candidate less SCORE_REPORTING_DAYS (advice), and `applyBy`,
 * that day less step3ChainDays (FSMB, abroad the visitor visa, a seat: as fsmbApplyBy), epoch ms,
 * day arithmetic in ET as for the deadline itself.
 */
export interface Step3LaterDays {
  sitBy: number;
  applyBy: number;
}

/**
 * Step3LaterDays while they still hold: H-1B, Step 3 not started (or under way with no date), the
 * deadline projected and ahead, `reportedBy` (the earliest result, epoch ms: step3ChainNow) after
 * it but by the later candidate, and the apply-by day not passed. Null otherwise: then H-1B ranking
 * this Match is out of reach as before. Notes when the window closes, so the plan is made again then.
 * Only H-1B plans get past the first line.
 */
export function step3LaterDays(context: PlanContext, reportedBy: number): Step3LaterDays | null {
  if (context.applicant.visa !== "H-1B") return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || reportedBy <= rol) return null;
  const later = rolLaterCandidateAt(context.calendar);
  if (later === null || reportedBy > later) return null;
  const status = statusAt(context, STEP3_INDEX);
  if (status !== "not_started" && status !== "in_progress") return null;
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return null;
  const sitBy = shiftDays(later, ET_ZONE, -SCORE_REPORTING_DAYS);
  const applyBy = shiftDays(sitBy, ET_ZONE, -step3ChainDays(context));
  if (context.now > applyBy) return null;
  noteRiskChange(context, applyBy + 1);
  noteCrossing(context, reportedBy, later);
  return { sitBy, applyBy };
}

/**
 * The Step 3 step's due date for the later candidate's sit-by day (Step3LaterDays.sitBy), one object
 * per PlanDates, marked (markLaterCandidateDue) so the step's words and its apply-by reminders know it.
 */
export function laterSitByDue(dates: PlanDates, sitBy: number): DueDate | null {
  let due = sitBys.get(dates);
  if (due === undefined) {
    const ruled = dates.due("usmle_step3");
    const candidate =
      dates.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
    due =
      ruled === null || candidate === undefined
        ? null
        : shapedDueDate({
            at: sitBy,
            zone: ET_ZONE,
            status: "projected",
            source: `if NRMP's rank order list deadline is its later candidate (${candidate.said ?? candidate.rule}: ${renderDate(candidate.date)}), that day less ${SCORE_REPORTING_DAYS} days for Step 3's result (${SCORE_REPORTING_SOURCE})`,
            asDay: ruled.asDay,
          });
    sitBys.set(dates, due);
    if (due !== null) markLaterCandidateDue(due);
  }
  return due;
}
const sitBys = new WeakMap<PlanDates, DueDate | null>();

/**
 * The two sides in words (leading space), for the risk and the card: "If NRMP's 2027 deadline is
 * the later candidate (it was 16 days before Match Day in 2022–2025, which would be Wed 3 Mar
 * 2027), there is still time: apply to FSMB by Wed 13 Jan 2027 and sit Step 3 by Wed 3 Feb 2027
 * (projected); rank J-1 programs too either way." `certified` false: the certificate first; `j1`
 * false: without the J-1 clause (the risk's tail says it, J1_ALTERNATIVE_TOO).
 */
export function step3LaterWords(
  context: PlanContext,
  days: Step3LaterDays,
  certified: boolean,
  j1 = true,
): string {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const candidate = rolDate.latestCandidate;
  const said = candidate?.said === undefined ? "" : `it was ${candidate.said}, which would be `;
  const day = candidate === undefined ? "" : ` (${said}${renderDate(candidate.date)})`;
  const first = certified ? "" : "get your ECFMG certificate and ";
  return ` If NRMP's ${context.calendar.matchYear} deadline is the later candidate${day}, there is still time: ${first}apply to FSMB by ${dayBy(context, days.applyBy)} and sit Step 3 by ${dayBy(context, days.sitBy)} (projected)${j1 ? "; rank J-1 programs too either way" : ""}.`;
}

/**
 * Step 3's due date before ranking for an H-1B applicant holding the certificate (so the step is
 * open) while Step3LaterDays hold: the later candidate's sit-by day (laterSitByDue); null otherwise,
 * the catalog's date then standing. `dates` must be the plan's own Match's.
 */
export function step3LaterDue(context: PlanContext, dates: PlanDates): DueDate | null {
  if (dates.calendar !== context.calendar || !isFinished(statusAt(context, CERTIFICATE_INDEX))) return null;
  const days = step3LaterDays(context, step3ChainNow(context, context.now).chain.reportedBy);
  return days === null ? null : laterSitByDue(dates, days.sitBy);
}

/**
 * Step 3's card and its apply-by reminders before ranking, dated for the later candidate's sit-by
 * day `sitBy` (laterSitByDue) with its apply-by day `applyBy` (step3ApplyBy): the projected deadline
 * leaves no time, the later one still does, with both days (t9s F13). The step is so dated only
 * once the certificate is issued (step3LaterDue).
 */
export function step3LaterCardWords(context: PlanContext, sitBy: DueDate, applyBy: DueDate): string {
  return `Our projected rank order list deadline leaves Step 3's result no time.${step3LaterWords(context, { sitBy: sitBy.at, applyBy: applyBy.at }, true)}`;
}

/**
 * "if NRMP's 2027 deadline is the later candidate (it was 16 days before Match Day in 2022–2025,
 * which would be Wed 3 Mar 2027)": the condition a Step 3 booked between the two candidates' last
 * sitting days is in time on, for its card and its risk alike (t9t F6).
 */
export function laterCandidateClause(context: PlanContext): string {
  const candidate =
    context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  const said = candidate?.said === undefined ? "" : `it was ${candidate.said}, which would be `;
  const day = candidate === undefined ? "" : ` (${said}${renderDate(candidate.date)})`;
  return `if NRMP's ${context.calendar.matchYear} deadline is the later candidate${day}`;
}

/**
 * A Step 3 booked (ISO day `booked`) with its result after the projected deadline but by the later
 * candidate: both sides (t9s F13, lead's ruling: never just "act if it still lets you"), else "".
 * While the projected last sitting day is ahead, as the card has it (t9t F6): try to move it to that
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
  const passedAt = lastSittingEnd(context.zone, cutOff);
  noteRiskChange(context, passedAt);
  const check = "check R3 for NRMP's deadline once it is announced";
  if (context.now >= passedAt || booked === undefined)
    return ` That day is after our projected deadline. ${clause.charAt(0).toUpperCase()}${clause.slice(1)}, your result is in time for it: keep your date, and ${check}.`;
  return ` That day is after our projected deadline: try to move it to ${dayText(lastSittingDay(cutOff))} (projected) or earlier and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: ${clause}, your result is in time for it; ${check}.`;
}

/**
 * step3LaterWords for a chain not on the H-1B track (VISA_UNDECIDED before ranking, fixT's leftover,
 * lead's ruling 3): `reportedBy` (epoch ms) the chain's earliest result, `chainDays` its days from
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
  if (context.now > applyBy) return "";
  noteRiskChange(context, applyBy + 1);
  noteCrossing(context, reportedBy, later);
  return step3LaterWords(context, { sitBy, applyBy }, certified, false);
}
