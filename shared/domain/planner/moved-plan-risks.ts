import type { NextStep, Risk, StepSubject } from "../plan.ts";
import { answersContradictInterviewRisk } from "./answers-contradict-interview.ts";
import { type PlanContext, uncheckedGate } from "./context.ts";
import { criticalRiskNotices } from "./critical-risk-notice.ts";
import type { PlanDates } from "./deadlines.ts";
import { notFeasibleRisk } from "./feasibility-risk.ts";
import type { LaterMatch } from "./later-match.ts";
import { routeOetScoreAgeRisks } from "./oet-score-age-risk.ts";
import { movedPlanCertificateRisk } from "./pathway-certificate-risk.ts";
import { rankListRefusedRisk } from "./rank-list-refused-risk.ts";
import { registrationClosedRisk } from "./registration-closed.ts";
import type { TimedReminder } from "./reminders.ts";
import { assessRisks } from "./risks.ts";
import type { SlippedSteps } from "./slipped-step-targets.ts";
import { soapDeclinedRisk } from "./soap-declined.ts";
import { soapOutcomeRisk } from "./soap-outcome.ts";
import { insertRisk, withTargetRisks } from "./target-risks.ts";
import { type TargetedMatch, targetedMatch } from "./targeted-match.ts";

/**
 * The risks of a plan moved to a later Match (MATCH_YEAR_NOT_FEASIBLE): that Match's, judged
 * exactly as for the applicant who entered it (ERAS late, NRMP
 * late or interviewing unregistered, an exam in reach only on any seat, a rank order list dated
 * before ranking opens, its last working day), on `later`'s context and dates (`laterDates`), plus
 * the one MATCH_YEAR_NOT_FEASIBLE of the entered Match (`context`), and that Match's own rank order
 * list refused (ROL_BEFORE_RANKING_OPENS) when the later Match does not read it. In orderRisks' order. `slipped`:
 * the later Match's slipped targets when the planner has them (slippedSteps). `soapOutcomeDates`
 * (the entered Match's dates) when the plan moved for a SOAP outcome unreported: SOAP_OUTCOME_UNREPORTED
 * stands in MATCH_YEAR_NOT_FEASIBLE's place (soap-outcome.ts); "declined" when it moved for "not matched,
 * not in SOAP": UNMATCHED_NOT_IN_SOAP does (soap-declined.ts); "unregistered" when it moved for NRMP
 * registration never made before it closed: NRMP_REGISTRATION_CLOSED does (registration-closed.ts).
 */
export function movedPlanRisks(
  context: PlanContext,
  later: LaterMatch,
  laterDates: PlanDates,
  slipped: SlippedSteps | null = null,
  soapOutcomeDates: PlanDates | "declined" | "unregistered" | null = null,
): Risk[] {
  const native = targetedMatch(later.context, laterDates, later.feasibility);
  const risks = withTargetRisks(
    assessRisks(later.context, laterDates, later.feasibility, native),
    later.context,
    laterDates,
    // Behind the unchecked gate the targets are held steps', for the later Match as for the entered.
    { ineligible: false, unchecked: uncheckedGate(later.context), feasibility: later.feasibility, slipped },
  );
  // Still out of reach after laterMatchInReach's hops (never seen): the plan keeps one such risk.
  for (let index = risks.length - 1; index >= 0; index--)
    if (risks[index]?.code === "MATCH_YEAR_NOT_FEASIBLE") risks.splice(index, 1);
  // Moved for a SOAP outcome unreported (soapOutcomeDates: the entered Match's), its standing line
  // says so instead: the Match was not out of reach, it left the applicant without a position.
  insertRisk(
    risks,
    soapOutcomeDates === "declined"
      ? soapDeclinedRisk(context, later.context.calendar.matchYear)
      : soapOutcomeDates === "unregistered"
        ? registrationClosedRisk(context, later.context.calendar.matchYear)
        : soapOutcomeDates !== null
          ? soapOutcomeRisk(context, soapOutcomeDates, later.context.calendar.matchYear)
          : withTightDay(notFeasibleRisk(context, later.outOfReach), risks, later.context),
  );
  // Moved for SOAP: a certificate through a Pathway may expire before the later Match's start.
  const year = later.context.calendar.matchYear;
  const expiring = soapOutcomeDates === null ? null : movedPlanCertificateRisk(context, year);
  if (expiring !== null && !risks.some((risk) => risk.code === expiring.code)) insertRisk(risks, expiring);
  // The OET's age on the route the card recommends, the current Pathways season.
  const routed = uncheckedGate(context)
    ? null
    : routeOetScoreAgeRisks(context, later.context.calendar.matchYear);
  if (routed !== null) {
    for (let index = risks.length - 1; index >= 0; index--)
      if (risks[index]?.code === "OET_SCORE_MAY_BE_TOO_OLD") risks.splice(index, 1);
    for (const risk of routed) insertRisk(risks, risk);
  }
  // An answer the entered Match's interview contradicts is asked about still: the later
  // plan carries the exams that interview presumes.
  const asked = answersContradictInterviewRisk(context, true);
  if (asked !== null) insertRisk(risks, asked);
  // The entered Match's rank order list reported but not counted (dated before ranking opens) is
  // flagged still: the later Match's context reads a list dated in
  // the entered season as an earlier season's, so its own rules never see it. A list the later
  // Match refuses itself (dated in its season) is that Match's to flag, as before.
  const refused = enteredListRefused(context, later);
  if (refused !== null) insertRisk(risks, refused);
  return risks;
}

/**
 * The critical notices of a moved plan (criticalRiskNotices): MATCH_YEAR_NOT_FEASIBLE's one
 * "update your Match year" notice on the entered Match (`context`, `dates`), with the question of an
 * answer its interview contradicts (ANSWERS_CONTRADICT_INTERVIEW), and the later Match's risks' notices as
 * the applicant who entered it gets them (its context and dates: same ids, titles and deadlines).
 * Returns the step each risk's notice rides on (Risk.noticeOn).
 */
export function movedPlanNotices(
  context: PlanContext,
  dates: PlanDates,
  later: LaterMatch,
  targeted: TargetedMatch,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  into: TimedReminder[],
): Map<Risk, StepSubject> | undefined {
  // Moved for a SOAP outcome unreported: that notice is about the entered Match's SOAP, on its dates.
  const entered = (risk: Risk) =>
    risk.code === "MATCH_YEAR_NOT_FEASIBLE" ||
    risk.code === "ANSWERS_CONTRADICT_INTERVIEW" ||
    risk.code === "SOAP_OUTCOME_UNREPORTED" ||
    risk.code === "NRMP_REGISTRATION_CLOSED";
  // The entered Match's refused rank order list (movedPlanRisks) is flagged, never emailed: the
  // dropped Match's season steps get no notice, the out-of-reach one names what to redo.
  const droppedList = (risk: Risk) =>
    risk.code === "ROL_BEFORE_RANKING_OPENS" && later.context.rolRefused === null;
  const outOfReach = risks.filter(entered);
  const season = risks.filter((risk) => !entered(risk) && !droppedList(risk));
  const noticedOn = criticalRiskNotices(context, outOfReach, nextSteps, dates, into, targeted);
  const onLater = criticalRiskNotices(later.context, season, nextSteps, targeted.dates, into);
  if (noticedOn === undefined || onLater === undefined) return noticedOn ?? onLater;
  for (const [risk, step] of onLater) noticedOn.set(risk, step);
  return noticedOn;
}

/**
 * MATCH_YEAR_NOT_FEASIBLE with the Match the plan moved to, when that one is tight (its
 * MATCH_YEAR_LAST_DAY among `risks`), saying so: "… The 2027 Match is tight: ECFMG can still confirm
 * … if you act by Sat 26 Dec 2026 (projected) …": the
 * out-of-reach notice carries these words, so its first email names the next Match's decisive day,
 * not only a second one weeks later. Unchanged otherwise; the notice id does not read the words.
 */
function withTightDay(outOfReach: Risk, risks: readonly Risk[], later: PlanContext): Risk {
  const tight = risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
  if (tight === undefined) return outOfReach;
  const sources = [...(outOfReach.sources ?? [])];
  for (const source of tight.sources ?? []) if (!sources.includes(source)) sources.push(source);
  return {
    ...outOfReach,
    message: `${outOfReach.message} The ${later.calendar.matchYear} Match is tight: ${tight.message}`,
    ...(sources.length > 0 ? { sources } : {}),
  };
}

/**
 * ROL_BEFORE_RANKING_OPENS of the entered Match's list (rankListRefusedRisk, its words saying the
 * plan moved to `later`'s Match) when the later Match does not refuse the list itself, else null.
 */
function enteredListRefused(context: PlanContext, later: LaterMatch): Risk | null {
  if (later.context.rolRefused !== null || uncheckedGate(context)) return null;
  return rankListRefusedRisk(context, later.context.calendar.matchYear);
}
