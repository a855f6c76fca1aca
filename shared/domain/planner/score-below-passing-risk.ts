import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { DAY_MS, ET_ZONE, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, STEP3_PROCESSING_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import {
  type FailedScore,
  type PassingScore,
  RETAKE_ADVICE,
  USMLE_ATTEMPT_LIMIT_SOURCES,
  USMLE_ATTEMPT_LIMITS,
} from "./failed-score.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import { fsmbApplyBy, step3ChainNow } from "./h1b.ts";
import { lastSittingDay, lastSittingEnd } from "./last-sitting-day.ts";
import { laterCandidateClause } from "./later-candidate.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { retakeTargetWords } from "./retake-target-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReach } from "./step3-petition-out-of-reach.ts";

// SCORE_BELOW_PASSING, apart from the reading of failed scores (failed-score.ts), which the plan's
// context makes before any risk: the risk reads the later candidate's calendar, which needs that context.

/**
 * SCORE_BELOW_PASSING (critical): a result reported below the passing score in force on its date,
 * done, in progress or not started (one failed attempt, one urgency);
 * a booked retake has its own card. The plan reads it as not done (a retake, retakeEntry); this
 * asks the applicant to correct the score if they passed, or to sit it again by its target while that
 * is ahead (retakeTargetWords), with its last sitting day for this Match as the last that counts.
 */
export function scoreBelowPassingRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const risks: Risk[] = [];
  for (const failed of context.failedScores) {
    // Done, in progress or not started with the score: one failed attempt, one urgency.
    if (failed.reported.status === "scheduled") continue;
    const index = stepIndex(failed.key);
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    const ruled = dates.dueAt(index);
    // Step 3 out of reach of ranking on H-1B keeps the petition's day, as its card (step3DueNow).
    const petition = failed.key === "usmle_step3" ? step3PetitionDue(context, dates, ruled) : null;
    const due = petition ?? ruled;
    const cutOff = due?.at ?? shiftDays(rolDate.at, ET_ZONE, -SCORE_REPORTING_DAYS);
    const { mark } = failed;
    // The message is a plain sentence; the score's page, the advice and the projection are in sources.
    const sources: string[] = [];
    addSource(sources, mark.basis === "secondary" ? `secondary: ${mark.source}` : mark.source);
    // The last sitting day is counted from the rank order list deadline: projected, its rule is cited.
    const projected = citeSeasonDate(rolDate, sources);
    // The day itself is ours, counted from that deadline: labelled by its basis.
    const dayMark = due === undefined || due === null ? projected : basisMark(due);
    addSource(sources, entry.due.source);
    const day = renderDate(lastSittingDay(cutOff));
    if (failed.key === "oet_medicine") {
      const passed = context.now >= lastSittingEnd(context.zone, cutOff);
      // The step's target while ahead (the plan moved to a later Match): the retake aims for it.
      const target = dates.targetAt(index);
      const aim =
        target !== null && target.at > context.now ? `${dates.renderedDay(target).local} (our advice)` : null;
      risks.push(oetShort(failed, entry, `${day}${dayMark}`, passed, sources, aim));
      continue;
    }
    addSource(sources, RETAKE_ADVICE);
    for (const source of USMLE_ATTEMPT_LIMIT_SOURCES) addSource(sources, source);
    const period =
      mark.from === undefined
        ? `for exams before ${nextFrom(entry, mark)}`
        : `for exams from ${dayMonthYear(mark.from)}`;
    const year = context.calendar.matchYear;
    // The target first while it is ahead, the last sitting day as the last that counts.
    const target = retakeTargetWords(context, entry, dates.targetAt(index), dates);
    if (target !== null && entry.target !== undefined) addSource(sources, entry.target.source);
    // Reapplied today, the permit and a seat come after the last day: it is out of reach (examAt).
    const seated = context.now + FSMB_PERMIT_AND_SEAT.days * DAY_MS;
    const reapply = `you have prepared once, but a retake needs a new FSMB application and fee, about ${STEP3_PROCESSING_DAYS} days to its scheduling permit and about ${FSMB_PERMIT_AND_SEAT.days - STEP3_PROCESSING_DAYS} more to a seat, our advice`;
    // Step 3's day to reapply to FSMB by, as its reminders count it (fsmbApplyBy): "now" once passed.
    const reapplyBy = failed.key === "usmle_step3" && due != null ? fsmbReapplyBy(context, due) : "now";
    const retake =
      petition !== null
        ? petitionRetake(context, petition, `${dueDay(context, petition)}${dayMark}`, reapplyBy, reapply)
        : context.now >= lastSittingEnd(context.zone, cutOff)
          ? `sit it again: the last sitting day for the ${year} Match, ${day}${dayMark}, has passed`
          : seated >= lastSittingEnd(context.zone, cutOff)
            ? `sit it again: the last sitting day for the ${year} Match, ${day}${dayMark}, is out of reach${laterSitting(context, seated, dayMark)}: ${reapply}`
            : target !== null
              ? `reapply to FSMB and sit it again by ${target.target}, so the pass reaches programs before they start review (${target.review}); ${day}${dayMark} is the last day that still counts for the ${year} Match: ${reapply}`
              : `reapply to FSMB ${reapplyBy} and sit it again by ${day}${dayMark}, the last sitting day for the ${year} Match: ${reapply}`;
    const name = entry.advisorName.replace(/^USMLE /, "");
    const reported =
      failed.reported.status === "done"
        ? `You reported ${name} done with a score of ${failed.score}`
        : `You reported a ${name} score of ${failed.score}`;
    risks.push({
      code: "SCORE_BELOW_PASSING",
      severity: "critical",
      message: `${reported}; the passing score ${period} is ${mark.score}, by a ${mark.basis} source. If you passed, correct the score; if not, ${retake}. ${USMLE_ATTEMPT_LIMITS}.`,
      milestones: [failed.key],
      sources,
    });
  }
  return risks;
}

/** The day the next passing score applies from, for a mark with no `from` (the first of the list). */
function nextFrom(entry: CatalogEntry, mark: PassingScore): string {
  const list = entry.passingScores ?? [];
  const next = list[list.indexOf(mark) + 1];
  return next?.from === undefined ? "the next passing score" : dayMonthYear(next.from);
}

/** "1 Jul 2025": renderDate's words without the weekday. */
function dayMonthYear(isoDate: string): string {
  return renderDate(isoDate).replace(/^\w+ /, "");
}

/**
 * What SCORE_BELOW_PASSING adds when the projected last sitting day is out of reach but the one on
 * the rank order list deadline's later candidate is not, reapplied for now (`seated`: the permit
 * and a seat from now): "on our projected deadline; it is Wed 3 Feb 2027 (our advice) if NRMP's 2027
 * deadline is the later candidate (…): reapply to FSMB now", as MATCH_YEAR_LAST_DAY and the step
 * say it; "" otherwise (no later candidate, or out of reach there too).
 */
function laterSitting(context: PlanContext, seated: number, dayMark: string): string {
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return "";
  const rol = later.dates.nrmp_rol_certification_and_late_registration_deadline;
  const cutOff = shiftDays(rol.at, ET_ZONE, -SCORE_REPORTING_DAYS);
  if (seated >= lastSittingEnd(context.zone, cutOff)) return "";
  return ` on our projected deadline; it is ${renderDate(lastSittingDay(cutOff))}${dayMark} ${laterCandidateClause(context)}: reapply to FSMB now`;
}

/**
 * "by Wed 6 Jan 2027": the day to reapply to FSMB by for a Step 3 retake sat by `due`, the first
 * sitting's arithmetic (fsmbApplyBy: FSMB's processing, abroad the visitor visa beside it, a seat),
 * whole days as the apply-by reminders count them; "now" once that day has passed.
 */
function fsmbReapplyBy(context: PlanContext, due: DueDate): string {
  const at = fsmbApplyBy(context, due);
  return at < context.now ? "now" : `by ${dueDay(context, { at, zone: due.zone, asDay: true })}`;
}

/**
 * SCORE_BELOW_PASSING's words for a Step 3 retake dated for the H-1B petition (ranking on H-1B out of
 * reach): reapply by its day and sit it by that day (`day`) while the chain fits; once it does not
 * (petitionOutOfReach, the test Step 3's card and VISA_NOT_READY_FOR_START make), no "reapply now":
 * the day cannot be met, and the card and the visa risk ask the program first (no fee for a day that
 * cannot serve), the visa-held route only when a visitor visa already held would still fit.
 */
function petitionRetake(
  context: PlanContext,
  petition: DueDate,
  day: string,
  reapplyBy: string,
  reapply: string,
): string {
  const lead = `sit it again: ranking on H-1B in the ${context.calendar.matchYear} Match can no longer see a pass, but the H-1B petition after the Match still needs it`;
  const reach = petitionOutOfReach(context, petition, step3ChainNow(context, context.now));
  if (reach === null) return `${lead}: reapply to FSMB ${reapplyBy} and sit it by ${day}: ${reapply}`;
  if (reach.held)
    return `${lead}, and with a visitor visa still to get you could not sit it by ${day}, the day the petition needs (${reapply}): only if you already hold a B-1/B-2 visa, reapply to FSMB now and sit it by then; otherwise ask first, as Step 3's step and the visa risk say`;
  return `${lead}, and by this plan's allowances you could not sit it by ${day}, the day the petition needs (${reapply}): ${RETAKE_ASKS_PROGRAM}, as Step 3's step and the visa risk say`;
}

/**
 * The words of a failed Step 3 whose retake cannot meet the petition's day (petitionRetake): no fee
 * before the program answers. Its notice is titled so (critical-notice-titles.ts), never "plan your
 * retake now" beside VISA_NOT_READY_FOR_START's question to the program, which it rides with.
 */
export const RETAKE_ASKS_PROGRAM = "pay for no retake before you have asked the program";

/**
 * A failed Step 3's retake day when ranking on H-1B is out of reach: the H-1B petition's sit-by day the
 * step's card carries (step3DueNow), null while the ranking day holds (or another day stands).
 */
export function step3PetitionDue(
  context: PlanContext,
  dates: PlanDates,
  ruled: DueDate | null,
): DueDate | null {
  const due = step3DueNow(context, dates, ruled);
  return due !== null && step3DueKind(due) === "petition" ? due : null;
}

/**
 * SCORE_BELOW_PASSING for the OET, whose one reported score stands for four sub-tests (ECFMG's
 * minimums, the catalog's `why`): below the lowest minimum in force (`mark`) it falls short whichever
 * sub-test it is, and all four are sat again (facts.md). No FSMB: a retake is booking a session, by
 * the last sitting whose result reaches ECFMG by the Pathway's deadline for documents (`day`).
 */
function oetShort(
  failed: FailedScore,
  entry: CatalogEntry,
  day: string,
  passed: boolean,
  sources: string[],
  aim: string | null,
): Risk {
  const { mark } = failed;
  const minimum =
    mark.from === undefined
      ? `the minimum on every sub-test for sittings before ${nextFrom(entry, mark)}`
      : `the lowest sub-test minimum for sittings from ${dayMonthYear(mark.from)}`;
  const retake = passed
    ? `the last sitting whose result reaches ECFMG by the Pathway's deadline for supporting documents, ${day}, has passed: ask your advisor now`
    : `book the earliest OET Medicine sitting you can and sit all four sub-tests again ${aim === null ? `by ${day}` : `by ${aim} if you can, and by ${day} at the latest`}, the last sitting whose result still reaches ECFMG by the Pathway's deadline for supporting documents`;
  return {
    code: "SCORE_BELOW_PASSING",
    severity: "critical",
    message: `You reported ${failed.reported.status === "done" ? "OET Medicine done with a score" : "an OET Medicine score"} of ${failed.score}, below ${mark.score}, ${minimum}, so it falls short whichever sub-test it is. ${entry.why.text} If you passed, correct the score; if not, ${retake}. ECFMG cannot accept your Pathway without a passing OET result.`,
    milestones: [failed.key],
    sources,
  };
}
