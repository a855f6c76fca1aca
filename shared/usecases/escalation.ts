import {
  type AboutApplicant,
  heldBackReason,
  riskForAdvisor,
  stepForAdvisor,
} from "#domain/console/advisor-voice.ts";
import type { Plan, RiskCode } from "#domain/plan.ts";
import { newlyOverdue } from "#domain/reminder-policy.ts";
import { EmailRejectedError } from "#errors";
import { ESCALATION_REJECTED_MESSAGE } from "#observability/alarmed-log-lines.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger, WithheldReason } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import { escalationEmail } from "./escalation-email.ts";

/** Ledger ids of escalations start with this, so they are never mistaken for the applicant's own reminders. */
export const ESCALATION_ID_PREFIX = "escalation:";

/** How long a claimed escalation is held before a retry may send it again (as for reminders). */
export const ESCALATION_CLAIM_STALE_AFTER_MS = 15 * 60_000;

/**
 * Each critical risk in an advisor's words, for the email's subject and heading (the code is for
 * machines; the planner's message, which follows in the body, gives the dates and sources).
 */
export const RISK_TITLES: Record<RiskCode, string> = {
  SCHOOL_NOT_ECFMG_ELIGIBLE: "Medical school not eligible for ECFMG certification",
  EXAMS_LATE_FOR_RANKING: "Exam results may come too late for the rank order list",
  CERTIFICATION_AFTER_START: "ECFMG certification may come after residency starts",
  STEP3_NEEDED_FOR_H1B: "USMLE Step 3 needed for the H-1B visa",
  NRMP_LATE_FEE: "NRMP registration now costs a late fee",
  ERAS_LATE_SUBMISSION: "ERAS application not submitted while programs review",
  SEASON_OVER: "The Match season is over without a certified rank order list",
  MATCH_YEAR_NOT_FEASIBLE: "The target Match year is out of reach",
  ROL_BEFORE_RANKING_OPENS: "Rank order list dated before ranking opens",
  MATCH_YEAR_IMPLAUSIBLE: "The target Match year looks like a typo",
  SCHEDULED_DATE_PASSED: "An exam or Pathway date has passed with no result",
  H1B_PROCLAMATION_FEE: "A new H-1B petition from abroad may need a $100,000 payment",
  PATHWAY_CERTIFICATE_MAY_EXPIRE: "A Pathway-based ECFMG certificate may expire before GME",
  TARGET_PASSED: "An exam's target date has passed and it is not booked",
  VISA_NOT_READY_FOR_START: "A matched applicant's visa steps are behind for residency start",
};

/** One thing the advisor is told about, once: a critical risk, or a critical deadline the applicant missed. */
export interface Escalation {
  /**
   * Stable per applicant, Match season and subject: `escalation:<matchYear>:risk:<RISK_CODE>` or
   * `escalation:<matchYear>:overdue:<subject>` (subject as `overdueSubjects` spells it). The ledger
   * records it, so it is sent once per season: a risk told of for the 2027 Match that appears again
   * after the applicant moved to the 2028 one is news (tester s8 issue 15 A2). Rows written before
   * the season was in the id read `escalation:risk:<RISK_CODE>` (see escalationIdParts).
   */
  id: string;
  title: string;
  detail: string;
  /** Where the detail's dates come from (URLs, projection rules): shown after it, in small print. */
  sources?: string[];
}

export interface EscalationDeps {
  ledger: Pick<
    ReminderLedger,
    "claimReminders" | "markRemindersSent" | "markRemindersWithheld" | "releaseClaims"
  >;
  mailer: Mailer;
  /**
   * The list the applicant's own reminders honour: an advisor address that hard-bounced or
   * complained is on it too (record-email-event suppresses every recipient of an escalation).
   */
  suppression: Pick<SuppressionList, "suppressionReason">;
  /** The applicant's page in the advisor's console, e.g. `https://…/console#/applicants/a_…` (the shell signs in, then opens it). */
  consoleUrl(applicantId: string): string;
  /**
   * Told of each escalation SES rejected for good (recorded as not sent, never retried), so an
   * operator hears of it: the composition roots log it at error level (no address, no name).
   */
  onRejected?(rejection: RejectedEscalations): void;
}

/**
 * EscalationDeps' `onRejected` over a function's logger: one error-level line, with the
 * applicant's id, the escalation ids and the error's class and message (no address, no name). The
 * stack's EscalationsRejected alarm counts its message (ESCALATION_REJECTED_MESSAGE).
 */
export function logRejectedEscalations(logger: {
  error(message: string, extra: Record<string, unknown>): void;
}): (rejection: RejectedEscalations) => void {
  return (rejection) => logger.error(ESCALATION_REJECTED_MESSAGE, { ...rejection });
}

/** Escalations the mail provider refused for good in one escalate call, for an operator. */
export interface RejectedEscalations {
  applicantId: string;
  escalationIds: string[];
  /** The class and message of the first refusal (the SES error's name, never the recipient). */
  error: { name: string; message: string };
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
    aboutApplicant(state.profile),
  );
}

/**
 * Whom an escalation is about, and whether their reminders are paused or they unsubscribed (the
 * profile says so; a suppressed address needs a read the pure rules do not make): then the
 * applicant was emailed nothing, and the detail does not say what they "were told".
 */
function aboutApplicant(profile: ApplicantState["profile"]): AboutApplicant {
  return {
    fullName: profile.fullName,
    matchYear: profile.matchYear,
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
    escalations.push(riskEscalation(risk, plan.matchYear, about));
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
  matchYear: number,
  about: AboutApplicant | undefined,
): Escalation {
  return {
    id: `${ESCALATION_ID_PREFIX}${matchYear}:risk:${risk.code}`,
    title: RISK_TITLES[risk.code],
    detail: about ? riskForAdvisor(risk, about) : risk.message,
    sources: risk.sources ?? [],
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
    detail: `The deadline passed on ${step.deadline.et} (${step.deadline.status}).`,
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
    ...critical.map((risk) => riskEscalation(risk, plan.matchYear, aboutApplicant(profile))),
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

/**
 * What one escalate call did: the ids sent, the ids whose send failed with their claims kept, and
 * the ids withheld for good, because the advisor's address is suppressed or SES rejected the email.
 */
export interface EscalateResult {
  sent: string[];
  kept: string[];
  withheld: string[];
}

export interface EscalateOptions {
  /**
   * What a send that may pass on a retry does (throttling, a 5xx, any error but EmailRejectedError).
   * "release-and-throw" (the planner's default): the claims are given back and the error rethrown,
   * so the stream record is retried and the diff finds the risk again. "keep-claims" (the reminder
   * function, which must still send the applicant's own reminders): the claims stay, go stale, and
   * the timer escalationWakeUp arms sends them; nothing is thrown. A permanent refusal is the same
   * either way (see escalate).
   */
  onSendFailure?: "release-and-throw" | "keep-claims";
}

/**
 * Sends the advisor one email per escalation not yet sent (new ones, and stranded ones): each is
 * claimed in the applicant's ledger first (a retry or a concurrent re-plan finds it claimed or sent
 * and skips it) and marked sent after SES accepts it; a failed send is handled per `onSendFailure`.
 * When the advisor's address is on the suppression list (a hard bounce or a complaint), nothing is
 * sent: each escalation claimed is marked "withheld" with the reason, so it is handled once, like a
 * sent one, and no timer or re-plan tries it again; the console's ledger shows it as not sent.
 * An email SES rejects for good (EmailRejectedError: MessageRejected, an unverified sender, sending
 * paused) is marked "withheld" as "rejected" the same way, reported through `onRejected`, and the
 * next escalation is tried: a retry would meet the same refusal, every 15 minutes, for ever.
 */
export async function escalate(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  deps: EscalationDeps,
  options: EscalateOptions = {},
): Promise<EscalateResult> {
  const advisor = state.profile.advisorEmail;
  const escalations = [...escalationsFor(state, plan)];
  for (const stranded of strandedEscalations(state, plan, now)) {
    if (!escalations.some((escalation) => escalation.id === stranded.id)) escalations.push(stranded);
  }
  if (advisor === undefined || escalations.length === 0) return { sent: [], kept: [], withheld: [] };
  const { applicantId } = state.profile;
  const suppressed = await deps.suppression.suppressionReason(advisor);
  const claimed = new Set(
    await deps.ledger.claimReminders(
      applicantId,
      escalations.map((escalation) => escalation.id),
      now,
      ESCALATION_CLAIM_STALE_AFTER_MS,
    ),
  );
  if (suppressed !== undefined) {
    const withheld = escalations.filter((escalation) => claimed.has(escalation.id)).map((each) => each.id);
    if (withheld.length > 0) await deps.ledger.markRemindersWithheld(applicantId, withheld, suppressed, now);
    return { sent: [], kept: [], withheld };
  }
  const sent: string[] = [];
  const rejected: string[] = [];
  let refusal: EmailRejectedError | undefined;
  const reportRejected = () => {
    if (refusal !== undefined)
      deps.onRejected?.({
        applicantId,
        escalationIds: rejected,
        error: { name: refusal.name, message: refusal.message },
      });
  };
  for (const escalation of escalations) {
    if (!claimed.has(escalation.id)) continue;
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send(escalationEmail(state, escalation, advisor, deps)));
    } catch (error) {
      if (error instanceof EmailRejectedError) {
        await deps.ledger.markRemindersWithheld(applicantId, [escalation.id], "rejected", now);
        rejected.push(escalation.id);
        refusal ??= error;
        continue;
      }
      reportRejected();
      const done = new Set([...sent, ...rejected]);
      const unsent = escalations.filter((each) => claimed.has(each.id) && !done.has(each.id));
      if (options.onSendFailure === "keep-claims")
        return { sent, kept: unsent.map((each) => each.id), withheld: rejected };
      await deps.ledger.releaseClaims(
        applicantId,
        unsent.map((each) => each.id),
      );
      throw error;
    }
    await deps.ledger.markRemindersSent(applicantId, [escalation.id], messageId, now);
    sent.push(escalation.id);
  }
  reportRejected();
  return { sent, kept: [], withheld: rejected };
}

/** Why an escalation was not sent, in the advisor console's words. */
export const WITHHELD_BECAUSE: Readonly<Record<WithheldReason, string>> = {
  bounce: "not sent: the advisor's address is suppressed after a bounce",
  complaint: "not sent: the advisor's address is suppressed after a spam complaint",
  unsubscribe: "not sent: the advisor's address is on the suppression list (unsubscribed)",
  rejected: "not sent: SES rejected the message",
};
