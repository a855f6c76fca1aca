import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { applicationQuestioned } from "./answers-contradict-interview.ts";
import { asOfDeadline } from "./as-of-deadline.ts";
import { inTheMatchIf } from "./awaited-confirmation.ts";
import { indexedStep } from "./catalog-index.ts";
import {
  type ChainTimes,
  chainSlack,
  type DroppedMatch,
  droppedMatch,
  earliestFitYear,
  noteSittingCrossing,
  type UnfitCause,
  unfitCause,
} from "./chain-deadlines.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { examAt, needed } from "./fastest-sitting.ts";
import type { Remaining } from "./feasibility-lead-times.ts";
import { reportsBeingInTheMatch } from "./in-the-match.ts";
import { type Judged, keptChain } from "./kept-chains.ts";
import { sittingCutOffOf } from "./last-sitting-day.ts";
import { applicationLeadTime, reportingOf } from "./lead-time-lookups.ts";
import { oetSittingJudged } from "./oet-sitting-judged.ts";
import { missedPathwayDeadline, type PathwayLate, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { plannedDayOvertaken } from "./planned-pathway-day.ts";
import { presumedSent, undatedPathwayMaybeSent } from "./presumed-sent.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { studyMayGoUncounted } from "./study-uncounted.ts";
import { listAwaitsResult } from "./unreported-sittings.ts";

export { describeTakes, type LeadTime, type Remaining } from "./feasibility-lead-times.ts";
export { type PathwayLate, pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";

/**
 * Whether the target Match is still within reach at the FASTEST realistic pace. A season is out of
 * reach only when that fails: NRMP needs Step 1, Step 2 CK and the Pathway (its application
 * submitted, the OET result sent after it as a supporting document, then reviewed by ECFMG)
 * confirmed by the rank order list deadline (official), and ECFMG certifies only after graduation (official;
 * the diploma verification after it has no published duration, so it only puts a season at risk).
 * The pace: an exam already prepared for (in progress, or booked) can be sat within a week (advice),
 * and a USMLE exam whose week runs past its last sitting day on any seat by that day;
 * an exam not begun needs its fastest preparation (the catalog's fastestPreparationDays, else its
 * lead time, both advice: OET Medicine counts only its booking, the USMLE exams their preparation)
 * and Step 2 CK preparation follows Step 1. Fees paid (ERAS, NRMP) prepare no one, but make "not started"
 * doubtful (often "not booked"): such an applicant is asked before a write-off on study time. Every other
 * allowance is the one the deadlines use, read from the same catalog field with its source (no second copy):
 * a result or decision takes the catalog's `reportingDays` (USMLE 28 days, OET 21, the Pathway's review 28),
 * and an exam can be sat no sooner than the ECFMG application's `due` offset before it (90 days for approval
 * and registration). Only the study and booking times are at their fastest; EXAMS_LATE_FOR_RANKING handles
 * the usual pace (at risk, never out of reach). Pure.
 */
export interface Feasibility {
  /** When the last remaining requirement can be reported at the fastest pace (epoch ms). */
  readyAt: number;
  /** True when, before the rank order list deadline, the season cannot be made (see `cause`). */
  infeasible: boolean;
  /**
   * What makes it out of reach: graduation after residency starts, the exams' and Pathway's timing
   * (ready after the rank order list deadline), a Pathway application that cannot go in by its
   * projected deadline ("pathway"), or an OET result that cannot reach ECFMG by the projected
   * deadline for the Pathway's documents ("documents"); for the last two `pathwayLate` names it.
   */
  cause: UnfitCause | null;
  /**
   * The least time to spare before a deadline of the chain (chain-deadlines.ts: the rank order
   * list deadline, the Pathway's application and documents deadlines, the OET's last sitting), ms.
   */
  slack: number;
  /**
   * A projected Pathway deadline the fastest pace misses: with the season in reach, an OET result (a
   * supporting document) after the documents deadline, or an application that may already be in
   * (in progress, no date) after the application's deadline, both warnings;
   * with cause "pathway", the application deadline that ends the season. Null otherwise.
   */
  pathwayLate: PathwayLate | null;
  /** The first Match year whose ROL deadline is after readyAt and whose start follows graduation. */
  earliestMatchYear: number;
  /** What it would take at that pace: the remaining requirements in order (see describeTakes). */
  takes: Remaining[];
  /**
   * The requirement that decides when the applicant is ready (reported last at the fastest pace,
   * the later in the chain on a tie; the Pathway for cause "pathway"), null when none is left or
   * graduation decides: the step the out-of-reach notice is about.
   */
  decidedBy: MilestoneKey | null;
  /** A Match after the target that a deadline passing dropped out (droppedMatch). */
  dropped: DroppedMatch | null;
  /**
   * True when the Match is in reach only because no study was counted for an exam not begun, for
   * an applicant with an interview for it (assessAt): tight, and EXAMS_LATE_FOR_RANKING is
   * the one warning that says so (MATCH_YEAR_LAST_DAY, naming the same last sitting day, is not
   * raised beside it). Undefined otherwise (present, for one hidden class: see feasibleNow).
   */
  studyUncounted?: true;
}

// The steps feasibility reads, each by catalog index (indexedStep): no key look-up per read.
const APPLICATION = indexedStep("ecfmg_application");
const STEP1 = indexedStep("usmle_step1");
const STEP2 = indexedStep("usmle_step2ck");
const OET = indexedStep("oet_medicine");
const PATHWAY = indexedStep("ecfmg_pathway");

/** The takes of a Match already in reach: nothing left (one array, shared by every such answer). */
const NOTHING_LEFT: Remaining[] = [];

/**
 * A Feasibility with nothing left to do: its fields in chainAt's order, studyUncounted present, so
 * every Feasibility has one hidden class (the reads in plan and assessRisks stay monomorphic).
 */
function feasibleNow(readyAt: number, earliestMatchYear: number): Feasibility {
  return {
    readyAt,
    infeasible: false,
    cause: null,
    slack: Number.POSITIVE_INFINITY,
    earliestMatchYear,
    takes: NOTHING_LEFT,
    dropped: null,
    decidedBy: null,
    pathwayLate: null,
    studyUncounted: undefined,
  };
}

/**
 * Whether the target Match can be made, and else the earliest one that can (see Feasibility).
 * After the season's rank order list deadline, the season stays out of reach for an applicant for
 * whom it was out of reach at that deadline (what they report, at the pace possible then): the plan
 * keeps the feasible Match's dates and MATCH_YEAR_NOT_FEASIBLE, not the over season's with every
 * early step overdue under a new SEASON_OVER. A certified list does not
 * change that: an IMG whose Step 1, Step 2 CK and Pathway ECFMG has not confirmed by the deadline is
 * withdrawn from the Match (confirmed.json's note), so the list counts only once they are reported
 * done, a sitting's result too (listAwaitsResult), except until a week after Match Day for a list whose
 * only gaps are answers not given (inTheMatchIf, Match Week, SOAP and Match Day stay live on
 * that condition). Otherwise the season is over for them (SEASON_OVER) or they took part.
 */
export function assessFeasibility(context: PlanContext): Feasibility {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (
    reportsBeingInTheMatch(context) ||
    inTheMatchIf(context) !== null ||
    (context.now > rol &&
      !listAwaitsResult(context, rol) &&
      !assessAt(asOfDeadline(context, rol), "pastDeadline").infeasible)
  ) {
    return feasibleNow(context.now, context.calendar.matchYear);
  }
  return assessAt(context);
}

/**
 * `judged` "pastDeadline": the context is asOfDeadline's, a deadline behind the real now: a Pathway in
 * progress today was not decided by then, so an undated one's benefit of the doubt below applies only from
 * the real now. "laterCandidate" (withLaterCandidate): an own sitting counts its full reporting allowance,
 * not capped at the deadline (examAt's capOwn). An applicant in the Match on record (inTheMatchOnRecord) whom
 * only the study time of an exam not begun puts out of reach is judged without it: study time is advice, and
 * may make such a Match tight (EXAMS_LATE_FOR_RANKING, which asks a registered applicant whether preparation
 * has begun), never out of reach (hard allowances may).
 */
export function assessAt(context: PlanContext, judged: Judged = "now"): Feasibility {
  const usual = keptChain(context, judged, true, chainAt);
  // Only a write-off resting on study time is judged again: no extra work for any other plan.
  if (!usual.infeasible || !studyMayGoUncounted(context, judged, usual.takes)) return usual;
  const unstudied = keptChain(context, judged, false, chainAt);
  return unstudied.infeasible ? usual : { ...unstudied, studyUncounted: true };
}

/** The chain at the fastest pace (see assessAt); `study` false counts no study for an exam not begun. */
function chainAt(context: PlanContext, judged: Judged, study: boolean): Feasibility {
  const pastDeadline = judged === "pastDeadline";
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const takes: Remaining[] = [];
  let applicationReady = context.now;
  // Questioned beside an interview, counted approved as the interview suggests (no write-off).
  // Planned for a day (scheduled), it goes in that day, not today; a planned day that has passed
  // with it still scheduled means it is not in yet: it goes in now, and ECFMG's approval still
  // follows (never counted approved because its day went by).
  const status = statusAt(context, APPLICATION.index);
  const applying = needed(context, APPLICATION) && (status === "not_started" || status === "scheduled");
  if (applying && !applicationQuestioned(context)) {
    const planned = status === "scheduled" ? plannedDayAt(context, APPLICATION.index) : null;
    const approval = applicationLeadTime();
    const ready = Math.max(context.now, planned ?? context.now) + approval.days * DAY_MS;
    applicationReady = ready;
    takes.push({ key: APPLICATION.key, prep: null, wait: approval, report: null, reportedAt: ready });
  }
  // Before the deadline an own sitting before it is not written off on its reporting allowance (not on the later candidate).
  const cap = pastDeadline ? Number.POSITIVE_INFINITY : rol;
  const capOwn = judged !== "laterCandidate";
  const step1 = examAt(context, STEP1, applicationReady, context.now, takes, cap, undefined, study, capOwn);
  // Preparation for Step 2 CK follows Step 1 (advice); a Step 1 done or booked frees it now.
  const step2Prep =
    needed(context, STEP1) && statusAt(context, STEP1.index) === "not_started" ? step1.sitting : context.now;
  const step2 = examAt(context, STEP2, applicationReady, step2Prep, takes, cap, undefined, study, capOwn);
  // The OET's own last sitting day bounds its any-seat rule: its catalog due date.
  const oetCutOff = sittingCutOffOf(context.calendar, OET.key);
  const oet = examAt(context, OET, context.now, context.now, takes, undefined, oetCutOff, study);
  // The Pathway application goes in as soon as the ECFMG application allows; the OET result follows
  // it as a supporting document (ECFMG's 2024 Match page separates the two deadlines: the catalog's
  // documentsDue), and ECFMG reviews the whole: the catalog's review allowance (advice, the one its
  // deadline uses) counts from the later of the two, or an applicant whose OET result lands just
  // before the ROL deadline would be told the season is feasible.
  let pathway = context.now;
  let pathwayLate: PathwayLate | null = null;
  // When the Pathway application can go in at the earliest, if it is not in yet (null when sent, or
  // in progress with no date: it may be); unfitCause holds it to the projected application deadline.
  let pathwayToSubmit: number | null = null;
  if (needed(context, PATHWAY)) {
    const review = reportingOf("ecfmg_pathway");
    const day = plannedDayAt(context, PATHWAY.index);
    // A day begun counts as sent, except a plan for the day the deadline cut, that hour gone by.
    const sent = day !== null && day < context.now && !plannedDayOvertaken(context, PATHWAY.key, day);
    const submitted = sent ? day : Math.max(context.now, applicationReady);
    // In progress with no date is ambiguous: submitted and under ECFMG's
    // review, or not yet. It is judged like a submitted application whose decision is pending (its
    // review may end any day; an OET result still to come is reviewed after it arrives), so the
    // season is never written off on the guess that it was not submitted; the projected-deadline
    // warning below still counts from today and asks the applicant to confirm.
    const maybeSent = day === null && undatedPathwayMaybeSent(context, pastDeadline);
    const oetNeeded = needed(context, OET);
    pathway = maybeSent
      ? oetNeeded
        ? Math.max(context.now, oet.reported + (review?.days ?? 0) * DAY_MS)
        : context.now
      : Math.max(
          context.now,
          (oetNeeded ? Math.max(submitted, oet.reported) : submitted) + (review?.days ?? 0) * DAY_MS,
        );
    // Presumed sent by an interview, it cannot miss its application deadline.
    const unsent = sent || presumedSent(context, PATHWAY.index) ? null : submitted;
    pathwayLate = missedPathwayDeadline(context, unsent, oet.reported, needed(context, OET));
    if (!sent && !maybeSent) pathwayToSubmit = submitted;
    takes.push({ key: "ecfmg_pathway", prep: null, wait: null, report: review, reportedAt: pathway });
  }
  const readyAt = Math.max(context.now, step1.reported, step2.reported, oet.reported, pathway);
  noteCrossing(context, readyAt, rol);
  // ECFMG certifies only after graduation (official), and residents must be certified to start: a
  // graduation after the start cannot make that season. The time ECFMG then takes to verify the
  // diploma is not published (our 45 days are advice), so, as with study time for the exams, it
  // puts a season at risk (CERTIFICATION_AFTER_START, critical) but never out of reach.
  const graduation = startOfLocalDate(context.zone, context.applicant.graduation);
  // The OET's deadlines bind only while the Pathway still needs its result: a sitting still ahead (or
  // sat after it: oetSittingJudged) by its last sitting day, its result (as expected from the sitting, so one sat in time and not
  // yet reported is not written off) by the documents deadline.
  const oetForPathway = needed(context, OET) && needed(context, PATHWAY);
  const times: ChainTimes = {
    readyAt,
    pathwayToSubmit,
    oetSitting: oetForPathway ? oetSittingJudged(context, oet.sitting, oetCutOff) : null,
    oetResult: oetForPathway ? oet.expected : null,
  };
  noteSittingCrossing(context, times);
  const cause = unfitCause(context, times, graduation, context.calendar.matchYear);
  // Out of reach on a Pathway deadline, pathwayLate names that one; in reach, the warning's.
  const late: PathwayLate | null =
    cause === "documents" && pathwayLate?.what !== "documents"
      ? { what: "documents", at: oet.reported, due: pathwayDocumentsDeadline(context.calendar) ?? rol }
      : pathwayLate;
  const earliestMatchYear =
    cause === null ? context.calendar.matchYear : earliestFitYear(context, times, graduation);
  const dropped = cause === null ? null : droppedMatch(context, times, graduation, earliestMatchYear);
  return {
    readyAt,
    infeasible: cause !== null,
    cause,
    slack: chainSlack(times, context.calendar, takes),
    earliestMatchYear,
    takes,
    dropped,
    // The step that missed the deadline that dropped a later Match out, when one did.
    decidedBy:
      cause === "graduation"
        ? null
        : dropped?.cause === "documents" && needed(context, OET)
          ? OET.key
          : cause === "pathway" ||
              dropped?.cause === "pathway" ||
              (pathway === readyAt && needed(context, PATHWAY))
            ? PATHWAY.key
            : oet.reported === readyAt && needed(context, OET)
              ? OET.key
              : step2.reported === readyAt && needed(context, STEP2)
                ? STEP2.key
                : step1.reported === readyAt && needed(context, STEP1)
                  ? STEP1.key
                  : null,
    pathwayLate:
      cause === null || cause === "documents" || (cause === "pathway" && late?.what === "application")
        ? late
        : null,
    studyUncounted: undefined,
  };
}
