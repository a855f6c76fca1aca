import { randomUUID } from "node:crypto";
import {
  type CohortFilter,
  type CohortRow,
  type CohortSort,
  selectRows,
} from "#domain/console/cohort-row.ts";
import { applicantToday, markDoneProblems } from "#domain/console/mark-done.ts";
import { rowAsOf } from "#domain/console/row-as-of.ts";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, ConcurrentChangeError, ForbiddenError, InvalidInputError } from "#errors";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { AuditEntry, ConsoleStore, RecentEvent } from "#ports/console-store.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import type { SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { currentPlan, shownScheduled } from "./console-plans.ts";
import { applicantHeldBack, type HeldBack } from "./held-back.ts";
import type { Planning } from "./planning.ts";
import { receiveSubmission } from "./receive-submission.ts";
import { resendDecision } from "./resend-refusal.ts";

/**
 * The advisor's console: what an advisor or admin may see and do. Every read checks that the
 * applicant is theirs (an advisor sees only applicants whose advisorEmail is their email; an admin
 * sees all); every action is audited with who, what, when, before and after.
 */
export interface ConsoleDeps {
  applicants: ApplicantRepository;
  intake: IntakeStore;
  console: ConsoleStore;
  clock: Clock;
  /**
   * Read for the applicant's page: whether the advisor's address can get escalations, and whether
   * the applicant's own address can get reminders (and since when it cannot).
   */
  suppression?: Pick<SuppressionList, "suppressionReason" | "suppressedSince">;
  /**
   * The reminders' own planning, read for the applicant's page: whether "Resend the latest notice"
   * would be refused (resendDecision, the POST's rule). Without it the page offers the button.
   */
  planning?: Pick<Planning, "plan">;
}

/** The intake provider name console actions are recorded under. */
export const CONSOLE_PROVIDER = "console";

export function mayAccess(principal: Principal, advisorEmail: string | undefined): boolean {
  return principal.role === "admin" || advisorEmail?.trim().toLowerCase() === principal.email;
}

/** The cohort the principal may see, filtered and sorted. */
export async function viewCohort(
  principal: Principal,
  filter: CohortFilter,
  sort: CohortSort,
  deps: ConsoleDeps,
): Promise<{ rows: CohortRow[]; all: CohortRow[] }> {
  const now = deps.clock.now().toISOString();
  const all = await deps.console.listCohort(principal.role === "admin" ? undefined : principal.email);
  // The index is keyed by advisor already; this check keeps a mis-keyed row from ever leaking.
  // Rows are read as of now (row-as-of.ts), so filters, sorts, counts and the CSV agree with the
  // applicant page even when no re-plan happened since a deadline passed.
  const visible = all.filter((row) => mayAccess(principal, row.advisorEmail)).map((row) => rowAsOf(row, now));
  return { rows: selectRows(visible, filter, sort), all: visible };
}

/**
 * Loads an applicant the principal may see. An advisor gets the same 403 for an id that is not
 * theirs and for one that does not exist, so the answer never tells them whether another advisor's
 * applicant exists; an admin, who may see everyone, gets 404 for an unknown id.
 */
export async function authorizedApplicant(
  principal: Principal,
  applicantId: string,
  deps: ConsoleDeps,
): Promise<ApplicantState> {
  const state = await deps.applicants.loadApplicant(applicantId);
  if (state === undefined && principal.role === "admin")
    throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
  if (state === undefined || !mayAccess(principal, state.profile.advisorEmail))
    throw new ForbiddenError("This applicant is not one of yours (or does not exist)");
  return state;
}

export interface ApplicantView {
  state: ApplicantState;
  /** The plan as of now (computed, never stored by viewing). */
  plan: Plan;
  /**
   * The plan the applicant's reminders follow as of now (Planning.plan: their snoozes, email
   * preferences and the notices the ledger says went out), which the notice ledger's "scheduled"
   * rows list: `plan` alone listed a reminder a recorded Snooze holds back. Absent when the deps
   * carry no planning.
   */
  remindersPlan?: Plan;
  audit: AuditEntry[];
  submissions: Awaited<ReturnType<ConsoleStore["listSubmissions"]>>;
  /** The applicant's recent domain events, newest first. */
  events: RecentEvent[];
  /**
   * Why the advisor gets no escalation email although the applicant consents: their address is on
   * the suppression list (a hard bounce or a complaint). Absent when escalations can go.
   */
  advisorSuppressed?: SuppressionReason;
  /**
   * Why the applicant is emailed nothing now (applicantHeldBack, the rule the escalation email and
   * the digest use), with when their address was suppressed when known. Absent: reminders go out.
   */
  heldBack?: HeldBack & { since?: string };
  /**
   * Why "Resend the latest notice" would be refused now (resendDecision, the rule the POST
   * follows), in the advisor's words: the page shows it beside a disabled button.
   * Absent: a resend would go, or the deps carry no planning to tell.
   */
  resendRefused?: string;
}

export async function viewApplicant(
  principal: Principal,
  applicantId: string,
  deps: ConsoleDeps,
): Promise<ApplicantView> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const { advisorEmail, escalateToAdvisor } = state.profile;
  const [audit, submissions, events, advisorSuppressed, heldBack] = await Promise.all([
    deps.console.listAudit(applicantId),
    deps.console.listSubmissions(applicantId),
    deps.console.listEvents(applicantId),
    escalateToAdvisor === true && advisorEmail !== undefined
      ? deps.suppression?.suppressionReason(advisorEmail)
      : undefined,
    applicantHeldBackSince(state.profile, deps.suppression),
  ]);
  const now = deps.clock.now();
  // The list's answer when it matters: a pause or an unsubscribe refuses first, without asking it.
  const remindersPlan = deps.planning?.plan(state, now);
  const decision = remindersPlan
    ? resendDecision(state, remindersPlan, heldBack?.reason === "suppressed", now)
    : undefined;
  return {
    state,
    plan: currentPlan(state, now),
    ...(remindersPlan ? { remindersPlan } : {}),
    audit,
    submissions,
    events,
    ...(advisorSuppressed ? { advisorSuppressed } : {}),
    ...(heldBack ? { heldBack } : {}),
    ...(decision && "refused" in decision ? { resendRefused: decision.refused } : {}),
  };
}

/** applicantHeldBack, and for a suppressed address when it was suppressed; the profile alone without the list. */
async function applicantHeldBackSince(
  profile: ApplicantState["profile"],
  suppression: ConsoleDeps["suppression"],
): Promise<ApplicantView["heldBack"]> {
  const heldBack = await applicantHeldBack(profile, suppression);
  if (heldBack?.reason !== "suppressed" || suppression === undefined) return heldBack;
  const since = await suppression.suppressedSince(profile.email);
  return since === undefined ? heldBack : { ...heldBack, since };
}

/** What Mark done did: "recorded" on `date`, or "already-done" (on its recorded date, if any) with nothing written or audited. */
export type MarkDoneOutcome =
  | { outcome: "recorded"; date: string }
  | { outcome: "already-done"; date?: string };

/** Reads and decisions one Mark done makes before a lasting race is answered 503 (retriable). */
const CONCURRENT_CHANGE_ATTEMPTS = 4;

/**
 * Marks one milestone done on the applicant's behalf (a milestone.update recorded as the
 * principal's, audited) on `given`, else on the applicant's today in their own zone. The write is
 * conditioned on the step as it was checked (IntakeSource.decidedOn): a change that lands between
 * the read and the write (the applicant's Done link, a form) is never overwritten unseen; the step
 * is read and decided again. A step the plan holds done already
 * (done, and not listed again for this Match) is "already-done": nothing is written or audited, so
 * a double click or a stale page records once; a step done without a date takes a date given. Still racing after a few tries, ConcurrentChangeError
 * (503, nothing written). Throws InvalidInputError naming `milestone` or `date` (markDoneProblems).
 */
export async function markStepDone(
  principal: Principal,
  applicantId: string,
  key: MilestoneKey,
  given: string | undefined,
  deps: ConsoleDeps,
): Promise<MarkDoneOutcome> {
  for (let attempt = 1; ; attempt++) {
    const state = await authorizedApplicant(principal, applicantId, deps);
    const now = deps.clock.now();
    const plan = currentPlan(state, now);
    const checked = state.milestones.find((milestone) => milestone.key === key);
    const date = given ?? applicantToday(state.profile, now);
    const problems = markDoneProblems(
      { applicant: state.profile, milestones: state.milestones },
      plan,
      key,
      date,
      now,
    );
    if (problems.length > 0) throw new InvalidInputError("The step cannot be marked done", problems);
    // Done already for this Match: a re-applicant's step done for an earlier one is listed again
    // (pastSeasonWork), and a step done without a date still takes the date the advisor gives.
    const listed = [...plan.nextSteps, ...plan.overdue, ...plan.blocked].some(
      (step) => step.milestone === key,
    );
    if (checked?.status === "done" && !listed && (checked.date !== undefined || given === undefined))
      return { outcome: "already-done", ...(checked.date ? { date: checked.date } : {}) };
    const submissionId = `console-${randomUUID()}`;
    const milestone = { key, status: "done" as const, date };
    try {
      await receiveSubmission(
        {
          type: "milestone.update",
          submissionId,
          applicant: { externalId: state.profile.externalId },
          milestones: [milestone],
        },
        CONSOLE_PROVIDER,
        deps,
        new Map([[key, checked]]),
        shownScheduled(state, plan, now),
      );
    } catch (error) {
      // The step changed since it was checked and nothing was written: decide again on what is stored.
      if (error instanceof ConcurrentChangeError && attempt < CONCURRENT_CHANGE_ATTEMPTS) continue;
      throw error;
    }
    await audit(principal, applicantId, "milestone.mark", deps, {
      before: milestonesOf(state, [key]),
      after: [milestone],
    });
    return { outcome: "recorded", date };
  }
}

/**
 * Pauses (true) or resumes (false) the applicant's reminders. "unchanged", with nothing written
 * or audited, when they already were (paused twice, resumed while not paused).
 */
export async function setPaused(
  principal: Principal,
  applicantId: string,
  paused: boolean,
  deps: ConsoleDeps,
): Promise<"changed" | "unchanged"> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const before = state.profile.remindersPausedAt ?? null;
  if ((before !== null) === paused) return "unchanged";
  const pausedAt = paused ? deps.clock.now().toISOString() : undefined;
  await deps.console.setRemindersPaused(applicantId, pausedAt);
  await audit(principal, applicantId, paused ? "reminders.pause" : "reminders.resume", deps, {
    before: { remindersPausedAt: before },
    after: { remindersPausedAt: pausedAt ?? null },
  });
  return "changed";
}

export function throwIfProblems(title: string, problems: { path: string; message: string }[]): void {
  if (problems.length > 0) throw new InvalidInputError(title, problems);
}

export function milestonesOf(state: ApplicantState, keys: readonly string[]) {
  return keys.map(
    (key) => state.milestones.find((milestone) => milestone.key === key) ?? { key, status: "not_started" },
  );
}

export async function audit(
  principal: Principal,
  applicantId: string,
  action: string,
  deps: ConsoleDeps,
  change: { before: unknown; after: unknown },
): Promise<void> {
  await deps.console.recordAudit({
    at: deps.clock.now().toISOString(),
    actor: principal.email,
    role: principal.role,
    action,
    applicantId,
    before: change.before,
    after: change.after,
  });
}
