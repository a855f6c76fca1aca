import {
  type AboutApplicant,
  heldBackReason,
  riskForAdvisor,
  stepForAdvisor,
} from "#domain/console/advisor-voice.ts";
import { matchWeekReported, rankListReported } from "#domain/console/match-day-advisor-voice.ts";
import { basisMark } from "#domain/date-basis.ts";
import type { Plan, Risk } from "#domain/plan.ts";
import { tellsJ1StartBeforeMatch } from "#domain/planner/j1-start-before-match.ts";
import { asksAboutNoteRecord } from "#domain/planner/note-contradicted-by-record.ts";
import { nrmpLateFeeKind } from "#domain/planner/nrmp-late-fee-kind.ts";
import { NRMP_PLANNED_AT_CLOSE_TITLES, nrmpLateFeeTitle } from "#domain/planner/nrmp-late-fee-title.ts";
import { asksNrmpRegistration, NRMP_ASKED_RISK_TITLE } from "#domain/planner/nrmp-registration-asked.ts";
import { SEASON_OVER_TITLES, seasonOverStanding } from "#domain/planner/season-over-title.ts";
import { newlyOverdue } from "#domain/reminder-policy.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { J1_START_BEFORE_MATCH_RISK_TITLE, RISK_TITLES } from "./risk-titles.ts";
import { UNMATCHED_VISA_TITLES } from "./unmatched-visa-titles.ts";

export { RISK_TITLES };

/** Ledger ids of escalations start with this, so they are never mistaken for the applicant's own reminders. */
export const ESCALATION_ID_PREFIX = "escalation:";

/** How long a claimed escalation is held before a retry may send it again (as for reminders). */
export const ESCALATION_CLAIM_STALE_AFTER_MS = 15 * 60_000;

/**
 * A risk's title for the advisor in `plan` (its Match and instant): RISK_TITLES, but NRMP_LATE_FEE
 * asking whether the applicant registered (asksNrmpRegistration) is titled as the question it is,
 * and otherwise as its early deadline stands at the plan's instant (nrmpLateFeeTitle).
 */
export function riskTitle(
  risk: Pick<Risk, "code" | "message" | "matchOutcome">,
  plan: Pick<Plan, "matchYear" | "now">,
): string {
  // Stored before the code was split: the record question under the interview's code.
  if (asksAboutNoteRecord(risk)) return RISK_TITLES.ANSWERS_CONTRADICT_RECORD;
  if (asksNrmpRegistration(risk)) return NRMP_ASKED_RISK_TITLE;
  if (risk.matchOutcome !== undefined) return UNMATCHED_VISA_TITLES[risk.matchOutcome];
  if (tellsJ1StartBeforeMatch(risk)) return J1_START_BEFORE_MATCH_RISK_TITLE;
  // Over only once nothing is left to try: a later NRMP deadline or SOAP still open is the heading.
  if (risk.code === "SEASON_OVER") return SEASON_OVER_TITLES[seasonOverStanding(risk)];
  const kind = nrmpLateFeeKind(risk);
  if (kind === "after-close" || kind === "on-close") return NRMP_PLANNED_AT_CLOSE_TITLES[kind];
  return risk.code === "NRMP_LATE_FEE"
    ? nrmpLateFeeTitle(plan.matchYear, Date.parse(plan.now))
    : RISK_TITLES[risk.code];
}

/** One thing the advisor is told about, once: a critical risk, or a critical deadline the applicant missed. */
export interface Escalation {
  /**
   * Stable per applicant, Match season and subject: `escalation:<matchYear>:risk:<RISK_CODE>` or
   * `escalation:<matchYear>:overdue:<subject>` (subject as `overdueSubjects` spells it). The ledger
   * records it, so it is sent once per season: a risk told of for the 2027 Match that appears again
   * after the applicant moved to the 2028 one is news. Rows written before
   * the season was in the id read `escalation:risk:<RISK_CODE>` (see escalationIdParts).
   */
  id: string;
  title: string;
  detail: string;
  /** Where the detail's dates come from (URLs, projection rules): shown after it, in small print. */
  sources?: string[];
  /**
   * The risk a risk escalation is about: the email words its detail again once it knows whether
   * the applicant's own address is suppressed (escalation-email.ts), which the pure rules here
   * cannot read.
   */
  risk?: Pick<Plan["risks"][number], "code" | "message" | "matchOutcome">;
}

/**
 * What to tell the advisor after a re-plan, one entry per risk: each critical risk the stored plan
 * did not have as critical (its cohort row's critical codes), and each step a critical risk names that became
 * overdue since the stored plan (the diff MilestoneOverdue uses) while that risk was already known.
 * Steps no critical risk names (a CV, a budget) are the applicant's own reminders' business.
 * Empty without the applicant's consent (`escalateToAdvisor`) or an `advisorEmail`. Pure.
 */
export function escalationsFor(state: ApplicantState, plan: Plan): Escalation[] {
  if (!consents(state)) return [];
  const risks = state.storedPlan?.cohort?.risks;
  // The row lists critical codes first (the planner orders risks by severity): a risk stored as a
  // warning that turns critical is a critical risk appearing.
  return escalationsSince(
    { criticalCodes: risks?.codes.slice(0, risks.critical) ?? [], overdue: state.storedPlan?.overdue },
    plan,
    aboutApplicant(state),
  );
}

/**
 * Whom an escalation is about, and whether their reminders are paused or they unsubscribed (the
 * profile says so; a suppressed address needs a read the pure rules do not make): then the
 * applicant was emailed nothing, and the detail does not say what they "were told". The one
 * summary every advisor's text is built from (escalation email, console page, digest): callers
 * override only what they know better (the suppression read).
 */
export function aboutApplicant({ profile, milestones }: ApplicantState): AboutApplicant {
  return {
    rankListReported: rankListReported(milestones),
    matchWeekReported: matchWeekReported(milestones),
    fullName: profile.fullName,
    matchYear: profile.matchYear,
    visa: profile.visa,
    heldBack: heldBackReason(profile, false),
  };
}

/** Whether the applicant agreed that their advisor is told, and names one. */
export function consents(state: ApplicantState): boolean {
  return state.profile.escalateToAdvisor === true && state.profile.advisorEmail !== undefined;
}

/**
 * What `plan` has to tell compared with what was known before it: the critical risk codes of the
 * earlier plan and its overdue subjects (undefined: no earlier plan, everything overdue is new). The rules
 * of escalationsFor, without the consent check. Pure.
 */
export function escalationsSince(
  before: { criticalCodes: readonly string[]; overdue: readonly string[] | undefined },
  plan: Plan,
  about?: AboutApplicant,
): Escalation[] {
  const knownCodes = new Set(before.criticalCodes);
  const critical = plan.risks.filter((risk) => risk.severity === "critical");
  const escalations: Escalation[] = [];
  const namedByNewRisk = new Set<string>();
  for (const risk of critical) {
    if (knownCodes.has(risk.code)) continue;
    for (const milestone of risk.milestones) namedByNewRisk.add(milestone);
    escalations.push(riskEscalation(risk, plan, about));
  }
  const namedByKnownRisk = new Set(
    critical.filter((risk) => knownCodes.has(risk.code)).flatMap((risk) => risk.milestones),
  );
  const newlyMissed = new Set(newlyOverdue(plan, before.overdue));
  for (const step of plan.overdue) {
    if (!newlyMissed.delete(overdueSubject(step))) continue;
    if (!namedByKnownRisk.has(step.milestone) || namedByNewRisk.has(step.milestone)) continue;
    escalations.push(overdueEscalation(step, plan.matchYear));
  }
  return escalations;
}

/** The detail in the advisor's voice when it is known whom it is about (only the ids matter otherwise). */
function riskEscalation(
  risk: Plan["risks"][number],
  plan: Pick<Plan, "matchYear" | "now">,
  about: AboutApplicant | undefined,
): Escalation {
  return {
    id: `${ESCALATION_ID_PREFIX}${plan.matchYear}:risk:${risk.code}`,
    title: riskTitle(risk, plan),
    detail: about ? riskForAdvisor(risk, about) : risk.message,
    sources: risk.sources ?? [],
    risk: {
      code: risk.code,
      message: risk.message,
      ...(risk.matchOutcome === undefined ? {} : { matchOutcome: risk.matchOutcome }),
    },
  };
}

/**
 * What an escalation's ledger id says: its kind ("risk" or "overdue"), its subject (a risk code, or
 * an overdue subject) and, for ids written since the season was part of them, the Match year.
 */
export function escalationIdParts(id: string): { kind: string; subject: string; matchYear?: number } {
  const parts = id.slice(ESCALATION_ID_PREFIX.length).split(":");
  const matchYear = /^\d{4}$/.test(parts[0] ?? "") ? Number(parts.shift()) : undefined;
  const [kind = "", ...subject] = parts;
  return { kind, subject: subject.join(":"), ...(matchYear === undefined ? {} : { matchYear }) };
}

/** An overdue step as `overdueSubjects` spells it: the milestone key, or `<milestone>:<interview id>`. */
export function overdueSubject(step: Plan["overdue"][number]): string {
  return step.interviewId === undefined ? step.milestone : `${step.milestone}:${step.interviewId}`;
}

function overdueEscalation(step: Plan["overdue"][number], matchYear: number): Escalation {
  return {
    id: `${ESCALATION_ID_PREFIX}${matchYear}:overdue:${overdueSubject(step)}`,
    title: `Overdue: ${stepForAdvisor(step)}`,
    // Marked by who sets the date (basisMark): an advice date is never called projected.
    detail: `The deadline passed on ${step.deadline.et}${basisMark(step.deadline)}.`,
  };
}

/**
 * Escalations whose claim was left behind by a sender that died between claim and send: claimed
 * more than ESCALATION_CLAIM_STALE_AFTER_MS before `now`, never marked sent, and still true of
 * today's plan (the risk still critical, the step still overdue under a critical risk) while the
 * applicant still consents. The diff against the stored plan no longer finds them (the retry that
 * met the live claim stored the plan), so without this they would never be sent. Pure.
 */
export function strandedEscalations(state: ApplicantState, plan: Plan, now: Date): Escalation[] {
  const { profile } = state;
  if (profile.escalateToAdvisor !== true || profile.advisorEmail === undefined) return [];
  const staleBefore = now.getTime() - ESCALATION_CLAIM_STALE_AFTER_MS;
  const stranded = new Set(
    state.ledger
      .filter(
        (entry) =>
          entry.reminderId.startsWith(ESCALATION_ID_PREFIX) &&
          entry.status === "claimed" &&
          Date.parse(entry.claimedAt) < staleBefore,
      )
      .map((entry) => entry.reminderId),
  );
  if (stranded.size === 0) return [];
  // Today's escalations as if nothing had been told yet: every critical risk and every overdue step
  // a critical risk names.
  const critical = plan.risks.filter((risk) => risk.severity === "critical");
  const named = new Set(critical.flatMap((risk) => risk.milestones));
  const current = [
    ...critical.map((risk) => riskEscalation(risk, plan, aboutApplicant(state))),
    ...plan.overdue
      .filter((step) => named.has(step.milestone))
      .map((step) => overdueEscalation(step, plan.matchYear)),
  ];
  return current.filter((escalation) => stranded.has(escalation.id));
}

/** Whether the ledger holds an escalation claim that went stale unsent (strandedEscalations may send it). */
export function hasStaleEscalationClaim(state: ApplicantState, now: Date): boolean {
  const staleBefore = now.getTime() - ESCALATION_CLAIM_STALE_AFTER_MS;
  return state.ledger.some(
    (entry) =>
      entry.reminderId.startsWith(ESCALATION_ID_PREFIX) &&
      entry.status === "claimed" &&
      Date.parse(entry.claimedAt) < staleBefore,
  );
}
