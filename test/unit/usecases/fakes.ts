import { createHash } from "node:crypto";
import { storedZoneRefusal } from "#domain/console/submission-refusals.ts";
import type { NextStep, Plan, Reminder } from "#domain/plan.ts";
import type { MilestoneKey, Submission } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, ConcurrentChangeError, InvalidInputError } from "#errors";
import type { ApplicantProfile, ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { DomainEvent, EventPublisher } from "#ports/event-publisher.ts";
import type { IntakeResult, IntakeSource, IntakeStore } from "#ports/intake-store.ts";
import type { Mailer, OutgoingEmail } from "#ports/mailer.ts";
import type { PlanRepository, StoredPlan, StoredPlanSummary } from "#ports/plans.ts";
import type { LedgerEntry, LedgerSubject, ReminderLedger, WithheldReason } from "#ports/reminder-ledger.ts";
import type { ResubscribeOutcome, SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";
import type { Planning } from "#usecases/planning.ts";

/** Typed in-memory ports that behave like the real ones (no mocks), plus factories for their data. */

/** JSON with keys sorted and undefined members dropped: "same content" as the store compares it. */
function canonical(value: unknown): string {
  const sorted = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(sorted)
      : node !== null && typeof node === "object"
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([, member]) => member !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([name, member]) => [name, sorted(member)]),
          )
        : node;
  return JSON.stringify(sorted(value)) ?? "undefined";
}

export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

export function profileFactory(overrides: Partial<ApplicantProfile> = {}): ApplicantProfile {
  return {
    applicantId: "a_ada",
    externalId: "ada",
    email: "ada@example.com",
    fullName: "Ada Okafor",
    timezone: "Africa/Lagos",
    matchYear: 2027,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2024-06-30",
    medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
    programsPlanned: 80,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function reminderFactory(overrides: Partial<Reminder> = {}): Reminder {
  const deadline = overrides.deadline ?? "2026-09-24T16:00:00.000Z";
  return {
    id: "eras_application:due-in-7d",
    milestone: "eras_application",
    rung: "due-in-7d",
    title: "Submit the ERAS application",
    deadline,
    deadlineDetail: {
      at: deadline,
      local: "Thu 24 Sep 2026, 5:00 PM WAT",
      et: "Thu 24 Sep 2026, 12:00 PM ET",
      status: "confirmed",
      source: "https://www.aamc.org/services/eras-for-institutions/program-timeline",
    },
    sendAt: "2026-09-17T08:00:00.000Z",
    sendAtLocal: "2026-09-17T09:00:00.000+01:00",
    why: "Programs start reviewing on the first day; late applications are seen last.",
    ...overrides,
  };
}

export function stepFactory(overrides: Partial<NextStep> = {}): NextStep {
  return {
    milestone: "eras_application",
    title: "Submit the ERAS application",
    why: "Programs review early applications first.",
    action: "Certify and submit in MyERAS.",
    dueBy: "2026-09-24T16:00:00.000Z",
    urgency: "soon",
    ...overrides,
  };
}

export function planFactory(overrides: Partial<Plan> = {}): Plan {
  return {
    now: "2026-09-17T08:00:00.000Z",
    matchYear: 2027,
    seasonStatus: "confirmed",
    nextSteps: [stepFactory()],
    blocked: [],
    overdue: [],
    risks: [],
    reminders: [reminderFactory()],
    budget: { currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0 },
    ...overrides,
  };
}

/**
 * A small planner with the real one's shape: each milestone not done or waived yields its
 * reminders; due = sendAt reached and deadline not passed; next wake-up = earliest unsent sendAt after now
 * (the semantics of #domain/reminder-policy.ts).
 */
export class FakePlanning implements Planning {
  constructor(
    public remindersByMilestone: Partial<Record<MilestoneKey, Reminder[]>>,
    /** Like the real planner, leave out reminders whose slot is already past at plan time. */
    private readonly dropPast = false,
  ) {}

  plan(state: ApplicantState, now: Date): Plan {
    const finished = new Set(
      state.milestones
        .filter((entry) => entry.status === "done" || entry.status === "waived")
        .map((entry) => entry.key),
    );
    const reminders = Object.entries(this.remindersByMilestone)
      .filter(([key]) => !finished.has(key as MilestoneKey))
      .flatMap(([, list]) => list ?? [])
      .filter((reminder) => !this.dropPast || Date.parse(reminder.sendAt) >= now.getTime());
    const steps = reminders.map((reminder) =>
      stepFactory({
        milestone: reminder.milestone,
        title: reminder.title,
        dueBy: reminder.deadline,
        // Like the real planner's, a step counts down to its reminders' deadline: the email reads
        // its reminders in the steps' reading order (remindersInReadingOrder).
        ...(reminder.deadlineDetail === undefined ? {} : { deadline: reminder.deadlineDetail }),
      }),
    );
    return planFactory({ now: now.toISOString(), reminders, nextSteps: steps });
  }

  planHash(plan: Plan): string {
    const content = JSON.stringify({ steps: plan.nextSteps, risks: plan.risks, reminders: plan.reminders });
    return createHash("sha256").update(content).digest("hex").slice(0, 16);
  }

  dueReminders(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Reminder[] {
    return plan.reminders
      .filter(
        (r) =>
          !alreadySent.has(r.id) &&
          Date.parse(r.sendAt) <= now.getTime() &&
          Date.parse(r.deadline) > now.getTime(),
      )
      .sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
  }

  nextWakeUp(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Date | undefined {
    const later = plan.reminders
      .filter((r) => !alreadySent.has(r.id) && Date.parse(r.sendAt) > now.getTime())
      .map((r) => Date.parse(r.sendAt));
    return later.length === 0 ? undefined : new Date(Math.min(...later));
  }
}

interface StoredApplicant {
  state: ApplicantState;
  plan?: Plan;
}

/** Every per-applicant store port at once: one in-memory table serves them all, as one DynamoDB table does. */
type ApplicantStorePorts = IntakeStore &
  ApplicantRepository &
  PlanRepository &
  ReminderLedger &
  SuppressionList;

/** The store's contract in memory, including conditional claims and the suppression list. */
export class InMemoryApplicantStore
  implements IntakeStore, ApplicantRepository, PlanRepository, ReminderLedger, SuppressionList
{
  readonly applicants = new Map<string, StoredApplicant>();
  readonly suppressed = new Map<string, string>();
  readonly suppressedAt = new Map<string, string>();
  readonly submissions = new Set<string>();
  /** Counts calls per method, to check what a use case cost. */
  readonly calls: Record<string, number> = {};
  /** The events whose copies were written with a plan (savePlan, markRemindersSent), in order. */
  readonly copiedEvents: DomainEvent[] = [];
  /** Make the next call of a method fail. */
  failNext: Partial<Record<keyof ApplicantStorePorts, Error>> = {};

  private count(method: keyof ApplicantStorePorts): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const failure = this.failNext[method];
    if (failure) {
      delete this.failNext[method];
      throw failure;
    }
  }

  add(profile: ApplicantProfile, rest: Partial<Omit<ApplicantState, "profile">> = {}): void {
    this.applicants.set(profile.applicantId, {
      state: { profile, milestones: [], interviews: [], ledger: [], ...rest },
    });
  }

  state(applicantId: string): ApplicantState {
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new Error(`no applicant ${applicantId} in the fake store`);
    return stored.state;
  }

  async submissionApplied(provider: string, submissionId: string): Promise<boolean> {
    return this.submissions.has(`${provider}#${submissionId}`);
  }

  async applySubmission(
    submission: Submission,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    this.count("applySubmission");
    const key = `${source.provider}#${source.submissionId}`;
    if (submission.type === "applicant.snapshot") {
      const applicantId = `a_${submission.applicant.externalId}`;
      if (this.submissions.has(key)) return { applicantId, outcome: "duplicate" };
      const existing = this.applicants.get(applicantId);
      const at = receivedAt.toISOString();
      this.applicants.set(applicantId, {
        state: {
          profile: {
            ...submission.applicant,
            applicantId,
            createdAt: existing?.state.profile.createdAt ?? at,
            updatedAt: at,
          },
          milestones: submission.milestones,
          interviews: submission.interviews,
          ledger: existing?.state.ledger ?? [],
          ...(existing?.state.storedPlan ? { storedPlan: existing.state.storedPlan } : {}),
        },
      });
      this.submissions.add(key);
      return { applicantId, outcome: existing ? "updated" : "created" };
    }
    const ref = submission.applicant;
    const found = [...this.applicants.values()].find((stored) =>
      "externalId" in ref
        ? stored.state.profile.externalId === ref.externalId
        : stored.state.profile.email === ref.email,
    );
    if (!found) throw new ApplicantNotFoundError("No applicant matches the update");
    const applicantId = found.state.profile.applicantId;
    if (this.submissions.has(key)) return { applicantId, outcome: "duplicate" };
    // The port's refusal in the applicant's stored zone, as the DynamoDB store's.
    const refused = storedZoneRefusal(submission, found.state.profile.timezone, receivedAt);
    if (refused !== undefined) throw new InvalidInputError(refused.message, refused.problems);
    const byKey = new Map(found.state.milestones.map((entry) => [entry.key, entry]));
    // The port's condition (IntakeSource.decidedOn): a milestone changed since the caller read it
    // writes nothing and throws ConcurrentChangeError, as the DynamoDB store's transaction does.
    for (const [milestone, seen] of source.decidedOn ?? [])
      if (canonical(byKey.get(milestone)) !== canonical(seen))
        throw new ConcurrentChangeError(`Milestone ${milestone} changed since the update was decided`);
    for (const entry of submission.milestones) byKey.set(entry.key, entry);
    // Interviews as the real store treats them: added or moved by id, removed when cancelled.
    const interviews = new Map(found.state.interviews.map((entry) => [entry.id ?? entry.program, entry]));
    for (const change of submission.interviews ?? []) {
      if (change.status === "cancelled") interviews.delete(change.id);
      else {
        const { status: _scheduled, ...interview } = change;
        interviews.set(interview.id ?? interview.program, interview);
      }
    }
    found.state = { ...found.state, milestones: [...byKey.values()], interviews: [...interviews.values()] };
    this.submissions.add(key);
    return { applicantId, outcome: "updated" };
  }

  async loadApplicant(applicantId: string): Promise<ApplicantState | undefined> {
    this.count("loadApplicant");
    const stored = this.applicants.get(applicantId);
    if (!stored) return undefined;
    const state = structuredClone(stored.state);
    if (stored.plan) this.plansRead.set(state, stored.plan.reminders);
    return state;
  }

  /** The stored plan's reminders as loadApplicant read them, like the DynamoDB repository. */
  private readonly plansRead = new WeakMap<ApplicantState, readonly Reminder[]>();

  storedReminders(state: ApplicantState): readonly Reminder[] {
    return this.plansRead.get(state) ?? [];
  }

  async savePlan(
    applicantId: string,
    plan: Plan,
    summary: StoredPlanSummary,
    events: readonly DomainEvent[] = [],
  ): Promise<void> {
    this.count("savePlan");
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new ApplicantNotFoundError(applicantId);
    this.copiedEvents.push(...events);
    stored.plan = plan;
    stored.state = { ...stored.state, storedPlan: summary };
  }

  async claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
    slotAt: Date = now,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<string[]> {
    this.count("claimReminders");
    const state = this.state(applicantId);
    const claimed: string[] = [];
    for (const reminderId of new Set(reminderIds)) {
      const entry = state.ledger.find((candidate) => candidate.reminderId === reminderId);
      const stale = entry?.status === "claimed" && Date.parse(entry.claimedAt) < now.getTime() - staleAfterMs;
      if (entry && !stale) continue;
      const claim: LedgerEntry = {
        reminderId,
        status: "claimed",
        claimedAt: now.toISOString(),
        slotAt: slotAt.toISOString(),
      };
      const subject = subjects?.get(reminderId);
      if (subject) claim.subject = subject;
      state.ledger = [...state.ledger.filter((candidate) => candidate.reminderId !== reminderId), claim];
      claimed.push(reminderId);
    }
    return claimed;
  }

  async markRemindersSent(
    applicantId: string,
    reminderIds: string[],
    messageId: string,
    sentAt: Date,
    plan?: StoredPlan,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<void> {
    this.count("markRemindersSent");
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new ApplicantNotFoundError(applicantId);
    stored.state.ledger = stored.state.ledger.map((entry) => {
      if (!reminderIds.includes(entry.reminderId)) return entry;
      const subject = subjects?.get(entry.reminderId);
      return {
        ...entry,
        status: "sent",
        sentAt: sentAt.toISOString(),
        messageId,
        ...(subject ? { subject } : {}),
      };
    });
    if (plan) {
      stored.plan = plan.plan;
      stored.state = { ...stored.state, storedPlan: plan.summary };
      this.copiedEvents.push(...(plan.events ?? []));
    }
  }

  async markRemindersWithheld(
    applicantId: string,
    reminderIds: string[],
    because: WithheldReason,
    at: Date,
  ): Promise<void> {
    this.count("markRemindersWithheld");
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new ApplicantNotFoundError(applicantId);
    const known = new Set(stored.state.ledger.map((entry) => entry.reminderId));
    stored.state.ledger = [
      ...stored.state.ledger.map((entry) =>
        reminderIds.includes(entry.reminderId)
          ? { ...entry, status: "withheld" as const, withheldBecause: because }
          : entry,
      ),
      ...reminderIds
        .filter((reminderId) => !known.has(reminderId))
        .map((reminderId) => ({
          reminderId,
          status: "withheld" as const,
          claimedAt: at.toISOString(),
          withheldBecause: because,
        })),
    ];
  }

  async releaseClaims(applicantId: string, reminderIds: string[]): Promise<void> {
    this.count("releaseClaims");
    const state = this.state(applicantId);
    state.ledger = state.ledger.filter(
      (entry) => !(entry.status === "claimed" && reminderIds.includes(entry.reminderId)),
    );
  }

  async isSuppressed(email: string): Promise<boolean> {
    this.count("isSuppressed");
    return this.suppressed.has(email.toLowerCase());
  }

  async suppress(email: string, reason: "bounce" | "complaint" | "unsubscribe", at?: Date): Promise<void> {
    this.count("suppress");
    if (!this.suppressed.has(email.toLowerCase()) && at)
      this.suppressedAt.set(email.toLowerCase(), at.toISOString());
    this.suppressed.set(email.toLowerCase(), reason);
  }

  async suppressedSince(email: string): Promise<string | undefined> {
    this.count("suppressedSince");
    return this.suppressed.has(email.toLowerCase()) ? this.suppressedAt.get(email.toLowerCase()) : undefined;
  }

  async suppressionReason(email: string): Promise<SuppressionReason | undefined> {
    this.count("suppressionReason");
    return this.suppressed.get(email.toLowerCase()) as SuppressionReason | undefined;
  }

  async resubscribe(applicantId: string, at: Date): Promise<ResubscribeOutcome> {
    this.count("resubscribe");
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    const email = stored.state.profile.email.toLowerCase();
    const reason = this.suppressed.get(email);
    if (reason === "bounce" || reason === "complaint") return reason;
    if (stored.state.profile.unsubscribedAt === undefined) return "already-subscribed";
    const { unsubscribedAt: _lifted, ...profile } = stored.state.profile;
    stored.state.profile = { ...profile, resubscribedAt: at.toISOString() };
    this.suppressed.delete(email);
    return "resubscribed";
  }

  async unsubscribe(applicantId: string, at: Date): Promise<void> {
    this.count("unsubscribe");
    const stored = this.applicants.get(applicantId);
    if (!stored) throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    stored.state.profile = { ...stored.state.profile, unsubscribedAt: at.toISOString() };
    this.suppressed.set(stored.state.profile.email.toLowerCase(), "unsubscribe");
  }
}

/** One pending wake-up per applicant, and a log of every call. */
export class InMemoryWakeUps implements WakeUpScheduler {
  readonly pending = new Map<string, Date>();
  readonly log: string[] = [];

  async arm(applicantId: string, at: Date): Promise<void> {
    this.log.push(`arm ${applicantId} ${at.toISOString()}`);
    this.pending.set(applicantId, at);
  }

  async disarm(applicantId: string): Promise<void> {
    this.log.push(`disarm ${applicantId}`);
    this.pending.delete(applicantId);
  }
}

export class InMemoryMailer implements Mailer {
  readonly sent: (OutgoingEmail & { messageId: string })[] = [];
  failNext?: Error;

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = undefined;
      throw failure;
    }
    const messageId = `msg-${this.sent.length + 1}`;
    this.sent.push({ ...email, messageId });
    return { messageId };
  }
}

export class InMemoryEvents implements EventPublisher {
  readonly published: DomainEvent[] = [];
  async publish(events: DomainEvent[]): Promise<void> {
    this.published.push(...events);
  }
}

/**
 * The fake as the use cases take it: one named dependency per store port (what a composition root
 * builds from the Dynamo repositories), every one of them this one in-memory store.
 */
export function storePorts(store: InMemoryApplicantStore) {
  return { intake: store, applicants: store, plans: store, ledger: store, suppression: store };
}
