import { type CatalogEntry, MILESTONE_CATALOG } from "./catalog/index.ts";
import type { Plan, Risk, StepSubject } from "./plan.ts";
import { markBehindOurPlan, markBehindOurPlanReminders } from "./planner/behind-our-plan.ts";
import { undateBlockedBeforePrerequisite } from "./planner/blocked-before-prerequisite.ts";
import { buildBudget } from "./planner/budget.ts";
import { spaceCertificateQuestion } from "./planner/certificate-question-spacing.ts";
import { buildContext, isFinished, type PlannerInput, statusOf, uncheckedGate } from "./planner/context.ts";
import { contextWith } from "./planner/context-with.ts";
import { criticalRiskNotices } from "./planner/critical-risk-notice.ts";
import { firstGateOf } from "./planner/first-gate.ts";
import { confirmedByTheMatch } from "./planner/in-the-match.ts";
import { planInterviews } from "./planner/interviews.ts";
import { joinLateArrivals } from "./planner/join-late-arrivals.ts";
import { laterCandidateSteps } from "./planner/later-candidate-steps.ts";
import { laterMatchInReach } from "./planner/later-match.ts";
import { matchOverUnreported } from "./planner/match-day-risk.ts";
import { listLocked, matchWeekMatched } from "./planner/match-week-matched.ts";
import { lastDayCountdown, oetLastDayCountdown } from "./planner/match-year-last-day-countdown.ts";
import { type Collected, type Gates, planMilestone } from "./planner/milestone-step.ts";
import { movedPlanNotices, movedPlanRisks } from "./planner/moved-plan-risks.ts";
import { foldNrmpAskedIntoRankList } from "./planner/nrmp-asked-fold.ts";
import { spaceNrmpQuestion } from "./planner/nrmp-question-spacing.ts";
import { orderNextSteps, orderOverdue } from "./planner/ordering.ts";
import { laterSeasonSteps } from "./planner/past-season.ts";
import { planDates } from "./planner/plan-dates.ts";
import { feasibilityOf, presumedInTheMatch, withLaterPresumed } from "./planner/presumed-in-the-match.ts";
import { presumedStatusQuestions } from "./planner/presumed-status-questions.ts";
import { rankListAsked } from "./planner/rank-list-unreported.ts";
import { registrationClosedUnregistered } from "./planner/registration-closed.ts";
import { orderReminders } from "./planner/reminder-order.ts";
import { riskChanges } from "./planner/risk-change-instants.ts";
import { assessRisks } from "./planner/risks.ts";
import { roadReached } from "./planner/road-reached.ts";
import { seasonIsOver, soapMayStillPlace } from "./planner/season-over-state.ts";
import { slippedSteps } from "./planner/slipped-step-targets.ts";
import { soapDeclinedUnmatched } from "./planner/soap-declined.ts";
import { soapOutcomeFeasibility, soapOutcomeUnreported } from "./planner/soap-outcome.ts";
import { acceptedSoapPosition } from "./planner/soap-position.ts";
import { followStartDays } from "./planner/start-day-rungs.ts";
import { targetPassedRisk } from "./planner/target-passed.ts";
import { withTargetRisks } from "./planner/target-risks.ts";
import { targetedMatch } from "./planner/targeted-match.ts";
import { pressCriticalSteps } from "./planner/urgency.ts";
import { visaLastDayToday } from "./planner/visa-last-day-today.ts";
import { hasMatched } from "./planner/visa-start-risk.ts";
import { warningRiskNotices } from "./planner/warning-risk-notice.ts";
import { withdrawnByLateResult } from "./planner/withdrawn-by-late-result.ts";
import { type SeasonCalendar, seasonCalendar } from "./seasons/index.ts";
import { isoUtc } from "./time.ts";

export type { PlannerInput } from "./planner/context.ts";

/**
 * The plan for one applicant at one instant. Pure and deterministic: the same input, calendar and
 * `now` give a deep-equal plan with the same reminder ids; no clock, no I/O.
 *
 * - nextSteps: actionable steps (milestones and interviews), most urgent first, each saying why,
 *   with its hard deadline and, for early milestones, the competitive target planned backwards
 *   from the target Match; the text fits the step's status.
 * - blocked: steps waiting for prerequisites or a gate (no ECFMG sponsor note, WDOMS unchecked),
 *   naming them in `waitingFor` and what lifts a gate in `resolvedBy`. A Match year out of reach
 *   holds nothing back: the later Match's steps are planned on its dates.
 *   A blocked step has no reminders and no upcoming fee.
 * - overdue: applicable, unfinished milestones whose hard deadline has passed and that wait on no
 *   other step (a blocked step is never overdue: the step it waits on is).
 * - risks: the rules in RISK_CODES, critical first.
 * - reminders: stable ids, at the applicant's delivery time (a late arrival: now, outside quiet
 *   hours), never after their deadline, never before `now`, none for done, waived or blocked steps;
 *   a target gets its ladder and the hard deadline its own (see remindersFor); a critical risk
 *   that asks for action now adds one notice at once (see criticalRiskNotices), as does a warning
 *   whose code opts in (see warningRiskNotices).
 * - budget: spent / upcoming / total from the fee table, and fees to verify; never a deadline.
 *
 * Milestones missing from the input count as not started. Throws RangeError when the calendar's
 * Match year differs from the applicant's, or on an unknown time zone.
 */
export function plan(input: PlannerInput, calendar: SeasonCalendar, now: Date): Plan {
  // Being in the Match proves ECFMG had the exams and the Pathway: read as done from here on.
  // An interview for this Match is evidence of being in it: the certification
  // steps never reported read as done too, unless the Match is out of reach on what was reported.
  // After the rank order list deadline, such an applicant who never reported NRMP nor the list is
  // asked whether they ranked, the Match kept meanwhile. A certified list beside a result
  // dated after that deadline counts for nothing: NRMP withdrew them (withdrawnByLateResult).
  // A SOAP position reported (SOAP done from Match Week on) is Match Day done.
  const context = rankListAsked(
    presumedInTheMatch(
      withdrawnByLateResult(confirmedByTheMatch(acceptedSoapPosition(buildContext(input, calendar, now)))),
    ),
  );
  const dates = planDates(context);
  const ineligible = context.eligibility === "ineligible";
  // A SOAP outcome unreported past its date: no position, the next Match
  // planned as a Match out of reach is (the moved plan below), SOAP_OUTCOME_UNREPORTED its standing line.
  const native = feasibilityOf(context);
  const soapOver = !ineligible && !native.infeasible && soapOutcomeUnreported(context, dates);
  // "Not matched, not in SOAP" (SOAP Not for me in Match Week): the next Match now, the same way.
  const declined = !ineligible && !native.infeasible && !soapOver && soapDeclinedUnmatched(context);
  // Never registered with NRMP once late registration closed: neither that Match nor its SOAP, the same way.
  const closed =
    !ineligible && !native.infeasible && !soapOver && !declined && registrationClosedUnregistered(context);
  const entered = soapOver || declined || closed ? soapOutcomeFeasibility(context, native) : native;
  // Out of reach, the later Match as its entered applicant's, built once: its year by the
  // native rules, its context shared by its season steps, its risks and `targeted`.
  // With no sponsor note its season steps stay blocked: only the earliest feasible year is read from it.
  const reached = entered.infeasible ? laterMatchInReach(input, context, entered, now) : null;
  const later = ineligible ? null : reached;
  const feasibility = reached?.outOfReach ?? entered;
  const unchecked = uncheckedGate(context);
  // Out of reach: the early steps are planned against the earliest feasible Match, as a starter
  // for that Match is, instead of pushing the deadlines of a season that cannot be made; its fees
  // are that Match's too (no late fee of the season out of reach).
  const targeted = targetedMatch(context, dates, feasibility, later ?? undefined);
  const plannedSeason = targeted.calendar;
  const seasonOver = !ineligible && !feasibility.infeasible && seasonIsOver(context);
  const collected: Collected = {
    budget: buildBudget(context, ineligible, unchecked, plannedSeason, dates, feasibility),
    nextSteps: [],
    blocked: [],
    overdue: [],
    reminders: [],
  };
  const gates: Gates = {
    ineligible,
    unchecked,
    feasibility,
    targeted,
    // Targets TARGETS_SLIPPED moves, worked out once for the steps and the risk (one target a step).
    // A plan moved on: the later Match's, as its risks are (movedPlanRisks).
    slipped: ineligible
      ? null
      : later !== null
        ? uncheckedGate(later.context)
          ? null
          : slippedSteps(later.context, targeted.dates)
        : unchecked || feasibility.infeasible
          ? null
          : slippedSteps(context, dates),
    firstGate: firstGateOf(context, unchecked),
    // A season out of reach at its deadline is not "over" for the applicant: its steps stay the
    // feasible Match's, as before the deadline (see assessFeasibility).
    seasonOver,
    // So is a Match whose result was never told once residency has started (the
    // certificate "overdue" for a Match that is over): the certificate is dated for the next one.
    afterSeasonDates:
      (seasonOver && !soapMayStillPlace(context)) || matchOverUnreported(context)
        ? planDates(contextWith(context, { calendar: seasonCalendar(calendar.matchYear + 1) }))
        : null,
  };
  // An index loop: the planner bench measured the for-of here (on every plan) as the slower one.
  // Out of reach, the steps done for this Match are the later one's to do again (laterSeasonSteps).
  const stepContext = feasibility.infeasible
    ? laterSeasonSteps(withLaterPresumed(context, later?.context ?? null), plannedSeason)
    : context;
  // The later Match is planned in full: its season's steps (letters, ERAS, NRMP,
  // ranking, the visa) get its calendar's dates, targets and reminders, as if the applicant had
  // entered that Match year, instead of "waiting for a feasible Match year" while the budget counts
  // its fees. The out-of-reach notice asks once for the form's Match year (critical-notice-titles.ts).
  const laterSeason = later?.context ?? null;
  // In reach on the later candidate only: the steps that chain waits on carry its last days.
  // A plan moved on: the later Match's own (its risks are its entered applicant's, movedPlanRisks).
  const candidate = laterCandidateSteps(later?.feasibility ?? feasibility, later ? null : context, dates);
  // A step not season-bound reads its dates from the targeted Match's (milestone-step.ts).
  const candidateGates =
    candidate === null ? gates : { ...gates, targeted: { ...gates.targeted, dates: candidate.dates } };
  // Once matched, a step that only strengthens an application (catalog strengthensApplication) has no
  // application left to strengthen: no next step, no reminder (USCE in May's emails).
  // Matched reads Match Week done too: NRMP's Monday "matched" already ends the application; a list
  // locked at the deadline, its outcome ahead, ends it for that Match (listLocked).
  const matched = hasMatched(context) || matchWeekMatched(context);
  const strengthened = matched || listLocked(context, feasibility.infeasible);
  // Told by NRMP where they matched (Match Day done, or Match Week's "matched"), the steps that build
  // the application (APPLICATION_ONLY: letters, statement, ERAS) have none either: letters
  // of an earlier season were "overdue" in June beside a signed contract. A contract reported alone
  // is not that answer (it keeps them, as it keeps the season in reach: in-the-match-feasibility).
  const applicationOver = isFinished(statusOf(context, "match_day")) || matchWeekMatched(context);
  for (let index = 0; index < MILESTONE_CATALOG.length; index++) {
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    // With no sponsor note nothing that needs ECFMG can start, so no US step that only strengthens an
    // application is offered either (research); one that needs ECFMG stays blocked behind the gate.
    if (
      (applicationOver && APPLICATION_ONLY.has(entry.key)) ||
      (entry.strengthensApplication !== undefined &&
        (strengthened || (ineligible && !entry.needsEcfmgEligibleSchool)))
    )
      continue;
    if (laterSeason !== null && entry.seasonBound === true)
      planMilestone(laterSeason, gates.targeted.dates, gates, entry, index, collected);
    else if (candidate?.keys.has(entry.key))
      planMilestone(candidate.context, candidate.dates, candidateGates, entry, index, collected);
    else planMilestone(stepContext, dates, gates, entry, index, collected);
  }
  // Out of reach, the target Match's interviews (before its rank order list deadline) are the
  // dropped Match's: as MATCH_YEAR_NOT_FEASIBLE says, never with no sponsor note.
  const droppedUntil =
    !ineligible && feasibility.infeasible
      ? calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
      : null;
  planInterviews(context, collected.nextSteps, collected.reminders, droppedUntil);
  // Moved to a later Match, its risks are its entered applicant's, plus the one out-of-reach risk.
  const risks =
    later !== null
      ? movedPlanRisks(
          context,
          later,
          targeted.dates,
          gates.slipped,
          soapOver ? dates : declined ? "declined" : closed ? "unregistered" : null,
        )
      : withTargetRisks(assessRisks(context, dates, feasibility, targeted), context, dates, gates);
  pressCriticalSteps(risks, collected.nextSteps);
  if (later === null) markBehindOurPlan(context, dates, collected, risks); // Past our allowance, the visa's date ahead
  // No step before a step it needs at the same or a higher urgency, as the reading order:
  // orderNextSteps applies prerequisitesFirst's rule on its keyed records (needed-first.ts).
  const nextSteps = orderNextSteps(collected.nextSteps);
  const overdue = orderOverdue(collected.overdue);
  undateBlockedBeforePrerequisite(collected.blocked, nextSteps, overdue);
  // Read from the next steps (a blocked or booked step has none to act on); last in RISK_CODES, a warning.
  const targetPassed = targetPassedRisk(later?.context ?? context, nextSteps, risks);
  if (targetPassed !== null) risks.push(targetPassed);
  let noticedOn: ReadonlyMap<Risk, StepSubject> | undefined;
  if (later !== null)
    noticedOn = movedPlanNotices(context, dates, later, targeted, risks, nextSteps, collected.reminders);
  else {
    noticedOn = criticalRiskNotices(
      context,
      risks,
      nextSteps,
      dates,
      collected.reminders,
      targeted,
      candidate,
    );
    // The last day that keeps the Match, counted down on the step it names first.
    lastDayCountdown(context, risks, nextSteps, dates, collected.reminders, targeted);
    oetLastDayCountdown(context, risks, nextSteps, dates, collected.reminders);
    // The visa's last day for the start, on its own morning, on the step its notice rides on.
    visaLastDayToday(context, risks, noticedOn, nextSteps, dates, collected.reminders);
    // A warning that opted in (WARNING_NOTICES) is emailed too; no other warning is.
    warningRiskNotices(context, risks, nextSteps, dates, collected.reminders);
    // The presumed steps' last days, asked about before each: the warning alone was never reminded.
    presumedStatusQuestions(context, dates, risks, nextSteps, collected.blocked, collected.reminders);
  }
  followStartDays(context, collected.reminders); // One email on a start-by's card day, as on its own day
  spaceNrmpQuestion(context, collected.reminders); // Not on consecutive days
  spaceCertificateQuestion(context, collected.reminders); // At most one a week
  joinLateArrivals(context, collected.reminders);
  // NRMP asked beside the rank list: one email per slot, the rank list's.
  foldNrmpAskedIntoRankList(context, collected.reminders);
  if (later === null) markBehindOurPlanReminders(context, dates, collected.reminders, risks);
  const result: Plan = {
    now: isoUtc(context.now),
    matchYear: calendar.matchYear,
    // The calendar of the season the dates are for: a Match out of reach is planned on a later
    // one's, whose dates may be projected ("confirmed calendar" above 2028's),
    // as the heading says it (matchYearHeading: MATCH_YEAR_NOT_FEASIBLE, with no sponsor note too).
    seasonStatus: plannedSeason.status === "projected" ? "projected" : calendar.status,
    nextSteps,
    blocked: collected.blocked,
    overdue,
    risks: withNoticeSteps(risks, noticedOn),
    reminders: orderReminders(collected.reminders),
    budget: collected.budget,
  };
  // Set only when present, in this order (the plan's keys as JSON): assigned, not spread from a
  // record made for each, which made two objects and copied their fields at run time on every plan.
  const riskChangesAt = riskChanges(context);
  if (riskChangesAt !== undefined) result.riskChangesAt = riskChangesAt;
  const road = roadReached(context, matched);
  if (road !== undefined) result.roadReached = road;
  return result;
}

/**
 * Each risk with the step its critical notice rides on (Risk.noticeOn): the plan keeps it after the
 * notice has gone out, when the reminder itself has left the plan the applicant's pages read.
 */
function withNoticeSteps(risks: Risk[], noticedOn: ReadonlyMap<Risk, StepSubject> | undefined): Risk[] {
  if (noticedOn === undefined) return risks;
  return risks.map((risk) => {
    const step = noticedOn.get(risk);
    return step === undefined ? risk : { ...risk, noticeOn: step };
  });
}

/**
 * The steps that build an application (stage "application") that no step of a later stage waits on:
 * NRMP registration, which ranking and SOAP need, is not one of them, so a step shown is never
 * waiting on one hidden.
 */
const APPLICATION_ONLY: ReadonlySet<string> = new Set(
  MILESTONE_CATALOG.filter(
    (entry) =>
      entry.stage === "application" &&
      !MILESTONE_CATALOG.some(
        (later) =>
          later.stage !== "application" &&
          later.prerequisites.some((prerequisite) => prerequisite.key === entry.key),
      ),
  ).map((entry) => entry.key),
);
