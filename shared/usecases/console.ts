import { randomUUID } from "node:crypto";
import {
  type CohortFilter,
  type CohortRow,
  type CohortSort,
  selectRows,
} from "#domain/console/cohort-row.ts";
import { markDoneProblems, whatIfDoneProblems } from "#domain/console/mark-done.ts";
import { rowAsOf } from "#domain/console/row-as-of.ts";
import {
  applyWhatIf,
  type PlanDiff,
  planDiff,
  unknownInterviewIds,
  type WhatIfChange,
  whatIfAsUpdate,
} from "#domain/console/what-if.ts";
import type { Plan } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type MilestoneKey, SubmissionSchema } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, ForbiddenError, InvalidInputError } from "#errors";
import type { ApplicantState, ApplicantStore } from "#ports/applicant-store.ts";
import type { Clock } from "#ports/clock.ts";
import type { AuditEntry, ConsoleStore, ErasureReport, RecentEvent } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { receiveSubmission } from "./receive-submission.ts";

/**
 * The advisor's console: what an advisor or admin may see and do. Every read checks that the
 * applicant is theirs (an advisor sees only applicants whose advisorEmail is their email; an admin
 * sees all); every action is audited with who, what, when, before and after.
 */
export interface ConsoleDeps {
  store: ApplicantStore;
  console: ConsoleStore;
  clock: Clock;
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
  const state = await deps.store.loadApplicant(applicantId);
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
  audit: AuditEntry[];
  submissions: Awaited<ReturnType<ConsoleStore["listSubmissions"]>>;
  /** The applicant's recent domain events, newest first. */
  events: RecentEvent[];
}

export async function viewApplicant(
  principal: Principal,
  applicantId: string,
  deps: ConsoleDeps,
): Promise<ApplicantView> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const [audit, submissions, events] = await Promise.all([
    deps.console.listAudit(applicantId),
    deps.console.listSubmissions(applicantId),
    deps.console.listEvents(applicantId),
  ]);
  return { state, plan: currentPlan(state, deps.clock.now()), audit, submissions, events };
}

function currentPlan(state: ApplicantState, now: Date): Plan {
  return planFor(
    { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
    seasonCalendar(state.profile.matchYear),
    now,
  );
}

export interface WhatIfResult {
  before: Plan;
  after: Plan;
  diff: PlanDiff;
  /**
   * The id saving this what-if will carry (`console-what-if-<uuid>`): the intake's idempotency key,
   * so saving one preview twice (a double click, a retried request) records it once.
   */
  saveId: string;
}

/** What a what-if's save id looks like (runWhatIf makes them). */
export const WHAT_IF_SAVE_ID = /^console-what-if-[0-9a-f-]{36}$/;

/** The plan with the changes applied, beside today's: computed only, nothing is written. */
export async function runWhatIf(
  principal: Principal,
  applicantId: string,
  changes: readonly WhatIfChange[],
  deps: ConsoleDeps,
): Promise<WhatIfResult> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  throwIfProblems("The what-if names an unknown interview", unknownInterviewIds(state.interviews, changes));
  const now = deps.clock.now();
  const input = { applicant: state.profile, milestones: state.milestones, interviews: state.interviews };
  const changed = applyWhatIf(input, changes);
  const before = currentPlan(state, now);
  const after = planFor(changed, seasonCalendar(changed.applicant.matchYear), now);
  return { before, after, diff: planDiff(before, after), saveId: `console-what-if-${randomUUID()}` };
}

/**
 * Saves a what-if (any change it offers: milestones, interviews, visa track, Match year) as one
 * `milestone.update` through the intake use case the forms use, from provider `console` with the
 * preview's save id, and audits it as the principal's. "already-saved" when that preview was
 * saved before: nothing is written or audited twice. Throws InvalidInputError naming the field
 * (a key repeated, a bad save id), ForbiddenError/ApplicantNotFoundError as authorizedApplicant.
 */
export async function saveWhatIf(
  principal: Principal,
  applicantId: string,
  changes: readonly WhatIfChange[],
  saveId: string,
  deps: ConsoleDeps,
): Promise<"saved" | "already-saved"> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  if (!WHAT_IF_SAVE_ID.test(saveId))
    throw new InvalidInputError("The what-if cannot be saved", [
      { path: "saveId", message: "must be the save id the what-if's difference carried" },
    ]);
  throwIfProblems("The what-if names an unknown interview", unknownInterviewIds(state.interviews, changes));
  const update = whatIfAsUpdate(changes, state.profile.externalId, saveId);
  // The intake contract's own rules (each milestone and interview once) answer first, 400 naming
  // the field (receiveSubmission); then Mark done's check of every step the save marks done.
  if (SubmissionSchema.safeParse(update).success)
    throwIfProblems(
      "The what-if cannot be saved",
      whatIfDoneProblems(
        { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
        changes,
        deps.clock.now(),
      ),
    );
  const result = await receiveSubmission(update, CONSOLE_PROVIDER, deps);
  if (result.outcome === "duplicate") return "already-saved";
  const interviewIds = new Set(update?.interviews?.map((interview) => interview.id));
  await audit(principal, applicantId, "what-if.save", deps, {
    before: {
      milestones: milestonesOf(state, update?.milestones.map((m) => m.key) ?? []),
      interviews: state.interviews.filter((interview) => interviewIds.has(interview.id)),
      ...(update?.track ? { track: { visa: state.profile.visa, matchYear: state.profile.matchYear } } : {}),
    },
    after: update,
  });
  return "saved";
}

/** Marks one milestone done on the applicant's behalf (a milestone.update recorded as the principal's). */
export async function markStepDone(
  principal: Principal,
  applicantId: string,
  key: MilestoneKey,
  date: string,
  deps: ConsoleDeps,
): Promise<void> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const now = deps.clock.now();
  const problems = markDoneProblems(state.profile, currentPlan(state, now), key, date, now);
  if (problems.length > 0) throw new InvalidInputError("The step cannot be marked done", problems);
  const submissionId = `console-${randomUUID()}`;
  const milestone = { key, status: "done" as const, date };
  await deps.store.applySubmission(
    {
      type: "milestone.update",
      submissionId,
      applicant: { externalId: state.profile.externalId },
      milestones: [milestone],
    },
    { provider: CONSOLE_PROVIDER, submissionId },
    now,
  );
  await audit(principal, applicantId, "milestone.mark", deps, {
    before: milestonesOf(state, [key]),
    after: [milestone],
  });
}

/** Pauses (true) or resumes (false) the applicant's reminders. */
export async function setPaused(
  principal: Principal,
  applicantId: string,
  paused: boolean,
  deps: ConsoleDeps,
): Promise<void> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const before = state.profile.remindersPausedAt ?? null;
  const pausedAt = paused ? (before ?? deps.clock.now().toISOString()) : undefined;
  await deps.console.setRemindersPaused(applicantId, pausedAt);
  await audit(principal, applicantId, paused ? "reminders.pause" : "reminders.resume", deps, {
    before: { remindersPausedAt: before },
    after: { remindersPausedAt: pausedAt ?? null },
  });
}

/** How an erase confirmation compares names: case and runs of spaces do not matter. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
}

/**
 * Erases the applicant and every item of theirs (right to erasure). Confirmed twice: the caller
 * must send `confirm` "erase" and the applicant's full name as shown.
 */
export async function eraseApplicant(
  principal: Principal,
  applicantId: string,
  confirmation: { confirm?: string; fullName?: string },
  deps: ConsoleDeps,
): Promise<ErasureReport> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const problems = [];
  if (confirmation.confirm !== "erase") problems.push({ path: "confirm", message: "must be erase" });
  if (normalizeName(confirmation.fullName ?? "") !== normalizeName(state.profile.fullName))
    problems.push({
      path: "fullName",
      message: `must repeat the applicant's full name, ${state.profile.fullName} (case and extra spaces do not matter)`,
    });
  if (problems.length > 0) throw new InvalidInputError("The erase was not confirmed", problems);
  return deps.console.eraseApplicant(applicantId, {
    at: deps.clock.now().toISOString(),
    actor: principal.email,
    role: principal.role,
    action: "applicant.erase",
    applicantId,
  });
}

function throwIfProblems(title: string, problems: { path: string; message: string }[]): void {
  if (problems.length > 0) throw new InvalidInputError(title, problems);
}

function milestonesOf(state: ApplicantState, keys: readonly string[]) {
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
