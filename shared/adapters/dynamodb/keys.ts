import { createHash } from "node:crypto";

/**
 * Key builders for the one table (see DATA-MODEL.md). Every key the store, the local wake-up
 * scheduler and the tests use is built here, so a key format lives in exactly one place.
 */

/** Number of GSI1 partitions wake-ups are spread over, so no single index partition gets hot. */
export const WAKE_UP_SHARDS = 16;

const BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * The applicant id is derived from the operator's externalId (130 bits of its SHA-256, base32), so
 * a snapshot upsert knows the partition key without a lookup item or a read, and two concurrent
 * first snapshots of one applicant land on the same partition instead of creating two applicants.
 */
export function applicantIdFor(externalId: string): string {
  return `a_${base32(sha256(externalId.trim())).slice(0, 26)}`;
}

/** Interviews without an operator id get a stable one from program and start, so re-snapshots match. */
export function interviewIdFor(program: string, startsAt: string): string {
  return `iv_${base32(sha256(`${program.trim()}\u0000${startsAt}`)).slice(0, 20)}`;
}

/** Email addresses are compared case-insensitively for lookups and suppression. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function wakeUpShard(applicantId: string): number {
  return (sha256(applicantId)[0] ?? 0) % WAKE_UP_SHARDS;
}

export type WakeUpKind = "local" | "plan";

/**
 * Local WAKEUP items and PLAN items are indexed under different GSI1 partitions so each due-query
 * reads only its own kind: the cloud sweeper never pays for local items and vice versa.
 */
const WAKE_UP_GSI_PREFIX: Record<WakeUpKind, string> = { local: "WAKEUP#", plan: "PLANWAKE#" };

export function wakeUpGsiPk(kind: WakeUpKind, shard: number): string {
  return `${WAKE_UP_GSI_PREFIX[kind]}${shard}`;
}

export function wakeUpGsiKeys(
  kind: WakeUpKind,
  applicantId: string,
  at: Date,
): { gsi1pk: string; gsi1sk: string } {
  return {
    gsi1pk: wakeUpGsiPk(kind, wakeUpShard(applicantId)),
    gsi1sk: `${at.toISOString()}#${applicantId}`,
  };
}

/**
 * Upper bound for "due at or before instant": toISOString() always has the same width, so ISO
 * strings sort as instants, and "~" sorts after every character of an applicant id.
 */
export function wakeUpDueBound(instant: Date): string {
  return `${instant.toISOString()}#~`;
}

/** Number of GSI2 partitions cohort rows are spread over (every re-plan writes one row). */
export const COHORT_SHARDS = 16;

/** Sorts after every email address, so unassigned applicants come last in an admin's listing. */
export const UNASSIGNED_ADVISOR = "~";

export function cohortGsiPk(shard: number): string {
  return `COHORT#${shard}`;
}

/** The GSI2 keys of an applicant's PLAN item: shard by applicant, sort by advisor then applicant. */
export function cohortGsiKeys(
  applicantId: string,
  advisorEmail: string | undefined,
): { gsi2pk: string; gsi2sk: string } {
  return {
    gsi2pk: cohortGsiPk(wakeUpShard(applicantId) % COHORT_SHARDS),
    gsi2sk: `${cohortAdvisorPrefix(advisorEmail)}${applicantId}`,
  };
}

/** The gsi2sk prefix of one advisor's applicants. */
export function cohortAdvisorPrefix(advisorEmail: string | undefined): string {
  return `${advisorEmail === undefined ? UNASSIGNED_ADVISOR : normalizeEmail(advisorEmail)}#`;
}

export const SK = {
  profile: "PROFILE",
  plan: "PLAN",
  wakeUp: "WAKEUP",
  submission: "SUBMISSION",
  emailLookup: "APPLICANT",
  suppression: "SUPPRESSION",
  milestonePrefix: "MILESTONE#",
  interviewPrefix: "INTERVIEW#",
  reminderPrefix: "REMINDER#",
  auditPrefix: "AUDIT#",
  intakePrefix: "INTAKE#",
  eventPrefix: "EVENT#",
} as const;

/**
 * The sort keys an applicant's state is made of (applicant-repository.ts): INTERVIEW#, MILESTONE#,
 * PLAN, PROFILE and REMINDER# sort together, after the logs that only grow (AUDIT#, EVENT#, INTAKE#:
 * the console's audit, its copies of the domain events, the intake records) and before the local
 * WAKEUP item. DynamoDB bills a Query by the bytes it reads, so reading the state with
 * `sk BETWEEN from AND to` leaves the logs unread: they grow all season and the state needs none of
 * them. `to` ends just past every REMINDER# key ('$' follows '#').
 */
export const APPLICANT_STATE_SORT_KEYS = { from: SK.interviewPrefix, to: "REMINDER$" } as const;

/**
 * The `entity` of the empty PLAN item a new applicant gets at intake (intake-writes.ts): not "plan",
 * so nothing takes it for a stored plan (the sweeper's scan filters on entity = "plan").
 */
export const PLAN_PLACEHOLDER_ENTITY = "plan-placeholder";

export interface TableKey {
  pk: string;
  sk: string;
}

export const keys = {
  applicantPk: (applicantId: string): string => `APPLICANT#${applicantId}`,
  profile: (applicantId: string): TableKey => ({ pk: keys.applicantPk(applicantId), sk: SK.profile }),
  milestone: (applicantId: string, key: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.milestonePrefix}${key}`,
  }),
  interview: (applicantId: string, interviewId: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.interviewPrefix}${interviewId}`,
  }),
  plan: (applicantId: string): TableKey => ({ pk: keys.applicantPk(applicantId), sk: SK.plan }),
  reminder: (applicantId: string, reminderId: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.reminderPrefix}${reminderId}`,
  }),
  wakeUp: (applicantId: string): TableKey => ({ pk: keys.applicantPk(applicantId), sk: SK.wakeUp }),
  submission: (provider: string, submissionId: string): TableKey => ({
    pk: `SUBMISSION#${provider}#${submissionId}`,
    sk: SK.submission,
  }),
  emailLookup: (email: string): TableKey => ({ pk: `EMAIL#${normalizeEmail(email)}`, sk: SK.emailLookup }),
  suppression: (email: string): TableKey => ({
    pk: `SUPPRESSION#${normalizeEmail(email)}`,
    sk: SK.suppression,
  }),
  /** One console action on an applicant (erased with the applicant). */
  audit: (applicantId: string, at: string, id: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.auditPrefix}${at}#${id}`,
  }),
  /** A copy of an intake record in the applicant's partition: what the console lists, what an erase finds. */
  intake: (applicantId: string, receivedAt: string, provider: string, submissionId: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.intakePrefix}${receivedAt}#${provider}#${submissionId}`,
  }),
  /** A copy of one published domain event in the applicant's partition (event-log.ts; expires by TTL). */
  event: (applicantId: string, at: string, id: string): TableKey => ({
    pk: keys.applicantPk(applicantId),
    sk: `${SK.eventPrefix}${at}#${id}`,
  }),
  /** An erasure's own record: outlives the applicant, holds no personal data. */
  erasureAudit: (at: string, applicantId: string): TableKey => ({
    pk: "AUDIT#erasure",
    sk: `${at}#${applicantId}`,
  }),
  /** The sweeper's progress through a calendar walk (one item for the table). */
  calendarSweep: (): TableKey => ({ pk: "SWEEP#calendar", sk: "SWEEP" }),
};
