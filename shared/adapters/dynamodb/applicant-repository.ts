import { PreferencesSchema } from "#domain/preferences.ts";
import type { ScheduledReminder } from "#domain/scheduled-reminders.ts";
import type { Applicant, Interview, MilestoneEntry } from "#domain/snapshot.ts";
import type { ApplicantProfile, ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { LedgerEntry, LedgerInterview, LedgerSubject } from "#ports/reminder-ledger.ts";
import { APPLICANT_STATE_SORT_KEYS, keys, PLAN_PLACEHOLDER_ENTITY, SK } from "./keys.ts";
import { storedRemindersOf, toPlanSummary } from "./plan-repository.ts";
import type { DynamoTable, Item } from "./table.ts";

/** The items of one applicant's partition, sorted by kind (milestones and interviews by their key). */
export interface ApplicantItems {
  profile?: Item;
  milestones: Map<string, Item>;
  interviews: Map<string, Item>;
  ledger: Item[];
  plan?: Item;
}

/**
 * One strongly consistent Query over the applicant's state in its partition (more pages only past
 * 1 MB): the sort-key range of APPLICANT_STATE_SORT_KEYS, so the partition's event, intake and
 * audit logs are not read (or billed) on every run.
 */
export async function readApplicantItems(table: DynamoTable, applicantId: string): Promise<ApplicantItems> {
  const current: ApplicantItems = { milestones: new Map(), interviews: new Map(), ledger: [] };
  const items = await table.queryPartition(
    "Query(applicant)",
    keys.applicantPk(applicantId),
    APPLICANT_STATE_SORT_KEYS,
  );
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === SK.profile) current.profile = item;
    else if (sk === SK.plan) current.plan = item;
    else if (sk.startsWith(SK.milestonePrefix))
      current.milestones.set(sk.slice(SK.milestonePrefix.length), item);
    else if (sk.startsWith(SK.interviewPrefix))
      current.interviews.set(sk.slice(SK.interviewPrefix.length), item);
    else if (sk.startsWith(SK.reminderPrefix)) current.ledger.push(item);
  }
  return current;
}

/** Reads an applicant whole: 1 Query of its partition (profile, milestones, interviews, ledger, plan). */
export class DynamoApplicantRepository implements ApplicantRepository {
  /** The PLAN item read with each state, for storedReminders; dropped with the state. */
  private readonly planItems = new WeakMap<ApplicantState, Item>();

  constructor(private readonly table: DynamoTable) {}

  storedReminders(state: ApplicantState): readonly ScheduledReminder[] {
    const item = this.planItems.get(state);
    return item === undefined ? [] : storedRemindersOf(item);
  }

  async loadApplicant(applicantId: string): Promise<ApplicantState | undefined> {
    const current = await readApplicantItems(this.table, applicantId);
    const profile = current.profile;
    if (profile === undefined) return undefined;
    const state: ApplicantState = {
      profile: toProfile(profile),
      milestones: [...current.milestones.values()].map((item) => item.milestone as MilestoneEntry),
      interviews: [...current.interviews.values()].map((item) => item.interview as Interview),
      ledger: current.ledger.map(toLedgerEntry),
    };
    if (current.plan?.entity === PLAN_PLACEHOLDER_ENTITY) state.planSlotStored = true;
    else if (current.plan !== undefined) {
      state.storedPlan = toPlanSummary(current.plan);
      this.planItems.set(state, current.plan);
    }
    const changedAt = latest([
      state.profile.updatedAt,
      ...[...current.milestones.values(), ...current.interviews.values()].map((item) => item.updatedAt),
      state.storedPlan?.computedAt,
    ]);
    if (changedAt !== undefined) state.changedAt = changedAt;
    return state;
  }
}

/** The latest of some ISO UTC instants (ISO strings of one format sort as their instants). */
function latest(instants: unknown[]): string | undefined {
  return instants
    .filter((at): at is string => typeof at === "string")
    .sort()
    .at(-1);
}

function toProfile(item: Item): ApplicantProfile {
  const profile: ApplicantProfile = {
    ...(item.applicant as Applicant),
    applicantId: String(item.applicantId),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
  if (typeof item.unsubscribedAt === "string") profile.unsubscribedAt = item.unsubscribedAt;
  if (typeof item.resubscribedAt === "string") profile.resubscribedAt = item.resubscribedAt;
  if (typeof item.feedGeneration === "number") profile.feedGeneration = item.feedGeneration;
  if (item.preferences !== undefined) {
    const preferences = PreferencesSchema.safeParse(item.preferences);
    // A stored value that no longer parses (an older shape) falls back to the defaults.
    if (preferences.success) profile.preferences = preferences.data;
  }
  if (typeof item.remindersPausedAt === "string") profile.remindersPausedAt = item.remindersPausedAt;
  return profile;
}

function toLedgerEntry(item: Item): LedgerEntry {
  const entry: LedgerEntry = {
    reminderId: String(item.reminderId),
    status: item.status === "sent" || item.status === "withheld" ? item.status : "claimed",
    claimedAt: String(item.claimedAt),
  };
  if (typeof item.slotAt === "string") entry.slotAt = item.slotAt;
  if (typeof item.sentAt === "string") entry.sentAt = item.sentAt;
  if (typeof item.messageId === "string") entry.messageId = item.messageId;
  if (typeof item.delivery === "string")
    entry.delivery = item.delivery as NonNullable<LedgerEntry["delivery"]>;
  if (typeof item.deliveryAt === "string") entry.deliveryAt = item.deliveryAt;
  if (
    item.withheldBecause === "bounce" ||
    item.withheldBecause === "complaint" ||
    item.withheldBecause === "unsubscribe" ||
    item.withheldBecause === "rejected"
  )
    entry.withheldBecause = item.withheldBecause;
  const subject = toLedgerSubject(item.subject);
  if (subject) entry.subject = subject;
  return entry;
}

/** The stored subject of a sent reminder; anything else (older items have none) is left out. */
function toLedgerSubject(value: unknown): LedgerSubject | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { milestone, interviewId, rung, title, matchYear, interview } = value as Record<string, unknown>;
  if (typeof milestone !== "string" || typeof rung !== "string" || typeof title !== "string")
    return undefined;
  const sentInterview = toLedgerInterview(interview);
  return {
    milestone,
    rung,
    title,
    ...(typeof interviewId === "string" ? { interviewId } : {}),
    ...(typeof matchYear === "number" ? { matchYear } : {}),
    ...(sentInterview ? { interview: sentInterview } : {}),
  };
}

/** The interview a sent interview reminder's calendar file gave; anything else is left out. */
function toLedgerInterview(value: unknown): LedgerInterview | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { program, startsAt, timezone, format } = value as Record<string, unknown>;
  if (typeof program !== "string" || typeof startsAt !== "string" || typeof timezone !== "string")
    return undefined;
  return {
    program,
    startsAt,
    timezone,
    ...(format === "virtual" || format === "in_person" ? { format } : {}),
  };
}
