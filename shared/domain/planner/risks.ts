import { MILESTONE_CATALOG, SCHOOL_CHECK } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { answersContradictInterviewRisk } from "./answers-contradict-interview.ts";
import { lastDayOrPlannedLate } from "./application-planned-late.ts";
import { stepIndex } from "./catalog-index.ts";
import { certificateBesideFailedScoreRisks } from "./certificate-beside-failed-score.ts";
import {
  certificateAskedAfterMatchRisk,
  certificationAfterStartRisk,
} from "./certification-after-start-risk.ts";
import { applies, isFinished, type PlanContext, statusAt, uncheckedGate } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { doneOutOfOrderRisk } from "./done-order.ts";
import { ecfmgReviewPastDs2019Risks } from "./ecfmg-review-past-ds2019.ts";
import { oneRiskPerExam, targetedMatchRisks } from "./exam-chain-risks.ts";
import { examsLateForRankingRisk } from "./exams-late-for-ranking-risk.ts";
import type { Feasibility } from "./feasibility.ts";
import { notFeasibleRisk } from "./feasibility-risk.ts";
import { ineligibleSchoolMessage } from "./first-gate.ts";
import { proclamationRisks, step3Risks, visaUndecidedRisks } from "./h1b-risk.ts";
import { interviewVisitorVisaRisk } from "./in-person-interview-visa.ts";
import { interviewAfterRankListDeadlineRisk } from "./interview-after-rank-list-deadline.ts";
import { interviewInEarlierMatchRisk } from "./interview-in-earlier-match.ts";
import { interviewInLaterMatchRisk } from "./interview-in-later-match.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import { lateStepRisks } from "./late-step-risks.ts";
import { laterCandidateOnly } from "./later-candidate-feasibility.ts";
import { laterCandidateRisk } from "./later-candidate-risk.ts";
import { matchDayNotReportedRisks, matchOverUnreported } from "./match-day-risk.ts";
import { matchOutcomeBeforeWindowRisk } from "./match-outcome-before-window.ts";
import { matchWeekSoapConflictRisk } from "./match-week-soap-conflict.ts";
import { implausibleMatchYearRisk } from "./match-year-risk.ts";
import { noInterviewRecordedRisk } from "./no-interview-recorded.ts";
import { noteRecordRisk } from "./note-contradicted-by-record.ts";
import { oetAfterDocumentsRisk } from "./oet-after-documents.ts";
import { oetScoreAgeRisks } from "./oet-score-age-risk.ts";
import { oetSubTestsUnclearRisks } from "./oet-sub-tests-risk.ts";
import { orderRisks } from "./ordering.ts";
import { pathwayCertificateRisks } from "./pathway-certificate-risk.ts";
import { pathwayDoneBeforeOetRisk } from "./pathway-done-oet-ahead.ts";
import { pathwayProjectedRisk } from "./pathway-projected-risk.ts";
import { pathwayUnconfirmedRisk } from "./pathway-unconfirmed-risk.ts";
import { certificationUnreportedRisks } from "./presumed-in-the-match.ts";
import { rankListPlannedLateRisk } from "./rank-list-planned-late.ts";
import { rankListRefusedRisk } from "./rank-list-refused-risk.ts";
import { rankListUnreportedRisks } from "./rank-list-unreported.ts";
import { rankingMayOpenLaterRisks } from "./ranking-may-open-later-risk.ts";
import { citationSource } from "./risk-sources.ts";
import { rolDeadlineMayBeLaterRisks } from "./rol-deadline-may-be-later-risk.ts";
import { scheduledDatePassedRisk } from "./scheduled-date-passed.ts";
import { scheduledScoreRisks } from "./scheduled-score.ts";
import { scoreBelowPassingRisks } from "./score-below-passing-risk.ts";
import { seasonOverRisk } from "./season-over-risk.ts";
import { seasonIsOver } from "./season-over-state.ts";
import { soapDoneBeforeOffersRisk } from "./soap-done-before-offers.ts";
import { stampingWaiverIgnoredRisks } from "./stamping-waiver-risk.ts";
import { startDelayedRisks } from "./start-delayed-risk.ts";
import { step3PetitionAfterRankingRisk } from "./step3-petition-after-ranking-risk.ts";
import type { TargetedMatch } from "./targeted-match.ts";
import { unknownNoteLastDay } from "./unknown-note-last-day.ts";
import { visaChainRisks } from "./visa-chain-risks.ts";

const CERTIFICATION_INDEX = stepIndex("ecfmg_certification");
const STEP3_INDEX = stepIndex("usmle_step3");

/** Every risk rule, in RISK_CODES order; critical before warning. Each rule is a pure check. */
export function assessRisks(
  context: PlanContext,
  dates: PlanDates,
  feasibility: Feasibility,
  targeted: TargetedMatch,
): Risk[] {
  const risks: Risk[] = [];
  const { calendar, now, applicant } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const ineligible = context.eligibility === "ineligible";
  // A closed gate (no sponsor note, or the note still unknown: planner.ts's `unchecked`) holds every step
  // needing ECFMG, and behind it the gate is the one thing to resolve: no risk pushes a held step, its
  // fee, its registration or its deadline; the gate's own step (or SCHOOL_NOT_ECFMG_ELIGIBLE) says so.
  const held = ineligible || uncheckedGate(context);
  // Neither a closed gate nor an out-of-reach season should push anyone to pay this season's fees.
  const pushFees = !held && !feasibility.infeasible;
  // Out of reach at its deadline, the season stays MATCH_YEAR_NOT_FEASIBLE after it (assessFeasibility).
  const seasonOver = !feasibility.infeasible && seasonIsOver(context);

  // Answers an interview for this Match contradicts are asked about first; a note reported false that
  // the record contradicts (an approved application, a Step passed), when no interview asks already;
  // beside a certificate (the gate open) always, the interview's question leaving the note to it.
  const contradicted = answersContradictInterviewRisk(context, false, feasibility.infeasible);
  if (contradicted !== null) risks.push(contradicted);
  const record = contradicted === null || !ineligible ? noteRecordRisk(context) : null;
  if (record !== null) risks.push(record);
  // Match Week done (matched) beside SOAP in progress (not matched): asked at once.
  const matchWeekSoap = held ? null : matchWeekSoapConflictRisk(context);
  if (matchWeekSoap !== null) risks.push(matchWeekSoap);

  if (ineligible) {
    const blocked = MILESTONE_CATALOG.filter(
      (entry) => entry.needsEcfmgEligibleSchool && applies(context, entry),
    );
    risks.push({
      code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
      severity: "critical",
      message: ineligibleSchoolMessage(context),
      milestones: [SCHOOL_CHECK.key, ...blocked.map((entry) => entry.key)],
      sources: [citationSource(SCHOOL_CHECK)],
    });
  }

  // Past the deadline a refused list is SEASON_OVER's to explain ("certify it by" a closed list's date).
  const refusedList = held ? null : rankListRefusedRisk(context);
  if (refusedList !== null) risks.push(refusedList);
  // A list planned for a day after its deadline, the deadline ahead: the Match lost unless it moves.
  const lateList = rankListPlannedLateRisk(context, dates, !held && !feasibility.infeasible && !seasonOver);
  if (lateList !== null) risks.push(lateList);

  // A result below its passing score is read as a retake; this says why.
  if (!held) append(risks, scoreBelowPassingRisks(context, dates));
  // A passing score on an exam not yet done: kept as reported, the applicant asked.
  if (!held) append(risks, scheduledScoreRisks(context));
  // The certificate done beside a failing score it needs passed: asked, never refused.
  if (!held) append(risks, certificateBesideFailedScoreRisks(context));
  // A step dated before a step it needs: asked which date is right, both kept.
  const outOfOrder = held ? null : doneOutOfOrderRisk(context);
  if (outOfOrder !== null) risks.push(outOfOrder);

  const implausible = implausibleMatchYearRisk(context);
  if (implausible !== null) risks.push(implausible);
  // An interview in an earlier Match's season asks whether the Match year is right.
  const earlierInterview = interviewInEarlierMatchRisk(context);
  if (earlierInterview !== null) risks.push(earlierInterview);
  // Its mirror: an interview in a later Match's season.
  const laterInterview = interviewInLaterMatchRisk(context);
  if (laterInterview !== null) risks.push(laterInterview);
  // One after this Match's rank order list deadline, before the next season.
  const lateInterview = interviewAfterRankListDeadlineRisk(context);
  if (lateInterview !== null) risks.push(lateInterview);
  // An in-person US interview for an applicant abroad needs a visitor visa.
  const visitorVisa = interviewVisitorVisaRisk(context);
  if (visitorVisa !== null) risks.push(visitorVisa);

  // Behind a closed gate the Match out of reach is still said (its notice on the WDOMS check, or with
  // SCHOOL_NOT_ECFMG_ELIGIBLE's): it dates no held step, it says which Match the plan is for.
  if (feasibility.infeasible) {
    risks.push(notFeasibleRisk(context, feasibility));
  }
  // The urgency rules judge the Match the plan targets (targeted-match.ts): out of reach, the earliest
  // feasible one, whose own deadlines may be days away.
  if (!held && targeted.moved) append(risks, targetedMatchRisks(targeted));
  // In reach only without study (an interview in hand): EXAMS_LATE_FOR_RANKING's one warning says it.
  // In reach on the later candidate of the projected deadline only: one critical risk says both.
  const laterOnly = laterCandidateOnly(feasibility);
  // Behind the unchecked gate (not a note known absent) the last day is still said, on the WDOMS
  // check (unknownNoteLastDay): the look-up decides whether the Match slips.
  const unchecked = held && !ineligible;
  // In reach on the projected deadline, before it (lastWorkingInstant finds nothing for a Match out of reach).
  const inReach = !seasonOver && now <= rol && !feasibility.infeasible && laterOnly === undefined;
  const last =
    (!held || unchecked) && inReach && feasibility.studyUncounted !== true
      ? lastWorkingInstant(context, feasibility)
      : null;
  // An ECFMG application planned after the chain's last day says so in place of the chain's risk.
  const chainLastDay = lastDayOrPlannedLate(context, dates, last, held || !inReach);
  const lastDay = chainLastDay !== null && unchecked ? unknownNoteLastDay(chainLastDay) : chainLastDay;
  if (lastDay !== null) risks.push(lastDay);
  if ((!held || unchecked) && laterOnly !== undefined) {
    const later = pathwayUnconfirmedRisk(context, laterOnly) ?? laterCandidateRisk(context, laterOnly);
    risks.push(unchecked ? unknownNoteLastDay(later) : later);
  }
  // A missed Pathway deadline or OET result after its documents deadline (out of reach: NOT_FEASIBLE's).
  if (!held && !seasonOver && now <= rol && !feasibility.infeasible) {
    const late = feasibility.pathwayLate;
    const risk =
      late === null ? oetAfterDocumentsRisk(context) : pathwayProjectedRisk(context, late, lastDay);
    if (risk !== null) risks.push(risk);
  }

  if (!held && inReach) {
    const examsLate = examsLateForRankingRisk(context, dates);
    if (examsLate !== null) risks.push(...oneRiskPerExam(context, risks, lastDay, examsLate));
  }

  // Only for a Match still planned: when it is out of reach (MATCH_YEAR_NOT_FEASIBLE), over without
  // a certified list (SEASON_OVER), or over with its result never told (matchOverUnreported),
  // "that Match stays planned" would contradict the plan.
  const matchStillPlanned = !seasonOver && !feasibility.infeasible && !matchOverUnreported(context);
  if (!held && matchStillPlanned && !isFinished(statusAt(context, CERTIFICATION_INDEX))) {
    const late = certificationAfterStartRisk(context, dates);
    if (late !== null) risks.push(late);
  } else if (
    !held &&
    !seasonOver &&
    !feasibility.infeasible &&
    matchOverUnreported(context) &&
    !isFinished(statusAt(context, CERTIFICATION_INDEX))
  ) {
    // With nothing outstanding the question stands whatever the instant.
    const asked = certificateAskedAfterMatchRisk(context);
    if (asked !== null) risks.push(asked);
  }

  const passedDate = held ? null : scheduledDatePassedRisk(context, dates, feasibility.infeasible);
  if (passedDate !== null) risks.push(passedDate);
  const oetAhead = held ? null : pathwayDoneBeforeOetRisk(context);
  if (oetAhead !== null) risks.push(oetAhead);
  const soapEarly = soapDoneBeforeOffersRisk(context);
  if (soapEarly !== null) risks.push(soapEarly);
  // Behind a closed gate no risk pushes a held step (Match Week among them).
  const matchEarly = held ? null : matchOutcomeBeforeWindowRisk(context);
  if (matchEarly !== null) risks.push(matchEarly);

  // Ranking on H-1B is decided by the rank order list deadline; after it the risk is moot (the petition step
  // still asks for Step 3's result): a critical "rank J-1 programs instead" for a closed list inflated
  // the advisor's critical count.
  // A Match out of reach is planned for the earliest feasible one: ranking on H-1B is judged for that
  // Match, on its dates (not the 2027 verdict beside a 2028 plan), until this list closes (stale-risks).
  if (!held && applicant.visa === "H-1B" && !isFinished(statusAt(context, STEP3_INDEX)) && now <= rol) {
    append(risks, step3Risks(targeted.context, targeted.dates, feasibility.readyAt));
  } else if (!held && !feasibility.infeasible) {
    // Ranking over, Match Day ahead: the petition's Step 3 days (the card's) as a risk.
    const petition = step3PetitionAfterRankingRisk(context, dates);
    if (petition !== null) risks.push(petition);
  }
  if (!held) append(risks, stampingWaiverIgnoredRisks(context));
  if (!held) append(risks, proclamationRisks(context));
  if (!held && matchStillPlanned) append(risks, visaUndecidedRisks(context, dates, feasibility.readyAt));
  if (!held) {
    append(risks, pathwayCertificateRisks(context, dates));
    append(risks, rankingMayOpenLaterRisks(context));
  }
  if (!held) append(risks, rolDeadlineMayBeLaterRisks(context));
  // Behind a closed gate the exams are held, so their statuses are not asked for either.
  if (!held) append(risks, certificationUnreportedRisks(context, dates));
  if (!held && !seasonOver) append(risks, oetScoreAgeRisks(context, targeted.year));
  if (!held && !seasonOver) append(risks, oetSubTestsUnclearRisks(context, dates));
  if (!held) {
    append(risks, visaChainRisks(context, dates));
    append(risks, ecfmgReviewPastDs2019Risks(context, dates));
    append(risks, startDelayedRisks(context));
  }
  // Match Day's question is the step's: while a gate blocks the step (the Match out of reach, the
  // school's listing unchecked: `held`) the risk would ask what the plan holds back.
  if (!held && !feasibility.infeasible) append(risks, matchDayNotReportedRisks(context, dates));

  if (pushFees) append(risks, lateStepRisks(context, seasonOver));

  if (seasonOver && !held) risks.push(seasonOverRisk(context));
  // Asked whether they ranked: never beside a gate or a Match out of reach.
  if (!held && !feasibility.infeasible) append(risks, rankListUnreportedRisks(context));
  // No interview recorded once ranking is open: asked, the plan unmoved.
  // Never beside a recorded interview dated after the deadline: that one is asked about.
  const noInterview = noInterviewRecordedRisk(
    context,
    !held && !seasonOver && !feasibility.infeasible && lateInterview === null,
  );
  if (noInterview !== null) risks.push(noInterview);

  return orderRisks(risks);
}

/**
 * Appends a rule's risks (zero, one or a few) to `risks`, in order: `push(...list)` would go through
 * the spread builtin for every rule on every plan, most of them empty (planner bench).
 */
function append(risks: Risk[], list: readonly Risk[]): void {
  for (let index = 0; index < list.length; index++) risks.push(list[index] as Risk);
}
