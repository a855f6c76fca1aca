import {
  type AboutApplicant,
  heldBackReason,
  riskForAdvisor,
  stepForAdvisor,
} from "#domain/console/advisor-voice.ts";
import { matchWeekReported, rankListReported } from "#domain/console/match-day-advisor-voice.ts";
import { basisMark } from "#domain/date-basis.ts";
import type { Plan, Risk, RiskCode } from "#domain/plan.ts";
import { asksAboutNoteRecord } from "#domain/planner/note-contradicted-by-record.ts";
import { nrmpLateFeeKind } from "#domain/planner/nrmp-late-fee-kind.ts";
import {
  NRMP_LATE_FEE_PASSED_TITLE,
  NRMP_PLANNED_AT_CLOSE_TITLES,
  nrmpLateFeeTitle,
} from "#domain/planner/nrmp-late-fee-title.ts";
import { asksNrmpRegistration, NRMP_ASKED_RISK_TITLE } from "#domain/planner/nrmp-registration-asked.ts";
import { SEASON_OVER_TITLES, seasonOverStanding } from "#domain/planner/season-over-title.ts";
import { newlyOverdue } from "#domain/reminder-policy.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { UNMATCHED_VISA_TITLES } from "./unmatched-visa-titles.ts";

/** Ledger ids of escalations start with this, so they are never mistaken for the applicant's own reminders. */
export const ESCALATION_ID_PREFIX = "escalation:";

/** How long a claimed escalation is held before a retry may send it again (as for reminders). */
export const ESCALATION_CLAIM_STALE_AFTER_MS = 15 * 60_000;

/**
 * Each critical risk in an advisor's words, for the email's subject and heading (the code is for
 * machines; the planner's message, which follows in the body, gives the dates and sources).
 */
export const RISK_TITLES: Record<RiskCode, string> = {
  ANSWERS_CONTRADICT_INTERVIEW: "Answers that contradict an interview for the Match",
  ANSWERS_CONTRADICT_RECORD: "Sponsor note answer that contradicts the applicant's own ECFMG record",
  MATCH_WEEK_SOAP_CONFLICT:
    "Matched beside SOAP (a partial match?), or a contract beside not matched in SOAP",
  SCHOOL_NOT_ECFMG_ELIGIBLE: "Medical school not eligible for ECFMG certification",
  SCORE_BELOW_PASSING: "An exam reported passed with a score below the passing score",
  SCORE_ON_SCHEDULED_EXAM: "A passing score reported on an exam not yet marked done",
  CERTIFICATE_BESIDE_FAILING_SCORE: "ECFMG certificate reported done beside a failing USMLE score",
  DONE_DATES_OUT_OF_ORDER:
    "A step reported done on a date before a step it needs, or before the season allows, or beside an answer that says a step it needs is not done",
  EXAMS_LATE_FOR_RANKING: "Exam results may come too late for the rank order list",
  CERTIFICATION_AFTER_START: "ECFMG certification may come after residency starts",
  STEP3_NEEDED_FOR_H1B: "USMLE Step 3 needed for the H-1B visa",
  // A warning in the digest; critical, and escalated, once the applicant is interviewing. Worded
  // for the instant by riskTitle (nrmpLateFeeTitle); this is the title once the deadline passed.
  NRMP_LATE_FEE: NRMP_LATE_FEE_PASSED_TITLE,
  ERAS_LATE_SUBMISSION: "ERAS application not submitted while programs review",
  // Worded by how it stands (riskTitle): this is its heading once the season is over for them.
  SEASON_OVER: SEASON_OVER_TITLES.over,
  RANK_LIST_UNREPORTED: "Interviewing applicant has not told us whether they certified a rank order list",
  MATCH_YEAR_NOT_FEASIBLE: "The target Match year is out of reach",
  SOAP_OUTCOME_UNREPORTED: "Did not match, and no SOAP position reported: the next Match planned",
  UNMATCHED_NOT_IN_SOAP: "Did not match and not taking part in SOAP: the next Match planned",
  NRMP_REGISTRATION_CLOSED:
    "Never registered with NRMP before late registration closed: the next Match planned",
  MATCH_YEAR_LAST_DAY: "The target Match year is out of reach after a day close ahead",
  ROL_BEFORE_RANKING_OPENS: "Rank order list dated before ranking opens",
  RANKING_MAY_OPEN_LATER: "Rank order list dated before ranking may open this season",
  ROL_DEADLINE_MAY_BE_LATER:
    "A list or result dated after the projected rank order list deadline, by its later candidate",
  MATCH_YEAR_IMPLAUSIBLE: "The target Match year looks like a typo",
  INTERVIEW_IN_EARLIER_MATCH: "An interview falls in an earlier Match's season than the plan's",
  INTERVIEW_IN_LATER_MATCH: "An interview falls in a later Match's season than the plan's",
  INTERVIEW_AFTER_RANK_LIST_DEADLINE: "An interview is dated after the rank order list deadline",
  INTERVIEW_NEEDS_VISITOR_VISA: "An in-person US interview for an applicant abroad needs a visitor visa",
  NO_INTERVIEW_RECORDED: "Ranking is open and no interview is recorded",
  SCHEDULED_DATE_PASSED: "An exam or Pathway date has passed with no result",
  CERTIFICATION_STATUS_UNREPORTED: "Interviewing, with exam, Pathway or ERAS statuses never reported",
  H1B_STAMPING_WAIVER_IGNORED: "An H-1B stamping marked Not for me by an applicant outside the US",
  H1B_PROCLAMATION_FEE:
    "A new H-1B petition from abroad or asking for consular notification may need a $100,000 payment",
  PATHWAY_CERTIFICATE_MAY_EXPIRE: "A Pathway-based ECFMG certificate may expire before GME",
  PATHWAY_DEADLINE_PROJECTED: "A Pathway deadline, projected, may be missed",
  OET_SCORE_MAY_BE_TOO_OLD: "An OET result may be too old for the planned Pathways",
  OET_SUB_TESTS_UNCLEAR: "An OET score that passes only if it is the Writing sub-test's",
  TARGET_PASSED: "An exam's target date has passed and it is not booked",
  TARGETS_SLIPPED: "A missed target moved the competitive plan's later targets",
  BOOKED_AFTER_TARGET: "An exam is booked after its competitive target",
  VISA_NOT_READY_FOR_START: "A matched applicant's visa steps are behind for residency start",
  VISA_STEP_LATE: "A matched applicant's visa step is past our advice date; the visa's own date still holds",
  CONTRACT_NOT_RECEIVED: "A matched applicant's program contract is not marked signed yet",
  ECFMG_REVIEW_PAST_DS2019: "A late J-1 sponsorship: ECFMG's review may run past the DS-2019's date",
  DS2019_RECEIVED_LATE: "A DS-2019 received late: the J-1 visa comes in the last week before the start",
  START_DELAYED: "A matched applicant's residency start is delayed (contract, visa or certificate not done)",
  MATCH_DAY_NOT_REPORTED: "Match Day passed and the applicant has not said where they matched",
  VISA_UNDECIDED: "Visa route not chosen before ranking",
  PATHWAY_DONE_BEFORE_OET: "Pathway marked done while the OET is still to be sat",
  SOAP_DONE_BEFORE_OFFERS: "SOAP marked done before SOAP's first offer round (no accepted offer yet)",
  MATCH_OUTCOME_BEFORE_MATCH_WEEK: "A Match outcome marked done before NRMP could have told it",
};

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
