import { unmarshall } from "@aws-sdk/util-dynamodb";
import type {
  Applicant,
  ApplicantRef,
  ApplicantSnapshot,
  FieldProblem,
  Interview,
  MilestoneEntry,
  MilestoneUpdate,
  Submission,
} from "#domain/snapshot.ts";
import { MAX_INTERVIEWS, MILESTONE_KEYS } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, InvalidInputError, LimitExceededError, TransientError } from "#errors";
import { fingerprint } from "#observability/logger.ts";
import type { IntakeResult, IntakeSource, IntakeStore } from "#ports/intake-store.ts";
import { type ApplicantItems, readApplicantItems } from "./applicant-repository.ts";
import { cancellationCodes } from "./errors.ts";
import { applicantIdFor, interviewIdFor, keys, normalizeEmail, SK } from "./keys.ts";
import {
  type DynamoTable,
  type Item,
  MAX_TRANSACTION_ACTIONS,
  type TransactItem,
  withoutUndefined,
} from "./table.ts";
import { TTL_ATTRIBUTE } from "./table-design.ts";

/**
 * Idempotency records live 90 days. Providers retry failed webhook deliveries for hours to a few
 * days (Standard Webhooks' reference schedule ends after about 1.5 days; form tools retry less), and
 * operators re-send exports by hand within weeks: 90 days covers every retry horizon with margin
 * while keeping the table from growing without bound. DynamoDB deletes expired items "typically
 * within a few days" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html),
 * so the exact expiry instant never matters.
 */
export const IDEMPOTENCY_TTL_DAYS = 90;

/**
 * Intake on the one table: profile, EMAIL# lookup, milestones, interviews and the SUBMISSION#
 * idempotency record, written together.
 *
 * Requests: 1 Query (+1 GetItem when a milestone update names the applicant by email, +1 GetItem
 * when a re-snapshot changes the email) + 1 TransactWriteItems. Only items whose content changed
 * are written, so an unchanged milestone produces no stream record.
 */
export class DynamoIntakeStore implements IntakeStore {
  constructor(
    private readonly table: DynamoTable,
    /** Defaults to IDEMPOTENCY_TTL_DAYS. */
    private readonly ttlDays: number = IDEMPOTENCY_TTL_DAYS,
  ) {}

  async applySubmission(
    submission: Submission,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    return submission.type === "applicant.snapshot"
      ? this.applySnapshot(submission, source, receivedAt)
      : this.applyUpdate(submission, source, receivedAt);
  }

  private async applySnapshot(
    snapshot: ApplicantSnapshot,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    const now = receivedAt.toISOString();
    const applicantId = applicantIdFor(snapshot.applicant.externalId);
    const current = await readApplicantItems(this.table, applicantId);
    const writes: TransactItem[] = [
      ...(await this.profileWrites(applicantId, snapshot.applicant, current, now)),
    ];

    const wantedMilestones = new Set<string>();
    for (const milestone of snapshot.milestones) {
      wantedMilestones.add(milestone.key);
      const write = this.milestoneWrite(applicantId, milestone, current, now);
      if (write !== undefined) writes.push(write);
    }
    for (const [key] of current.milestones) {
      if (!wantedMilestones.has(key)) {
        writes.push({ Delete: { TableName: this.table.name, Key: keys.milestone(applicantId, key) } });
      }
    }

    const wantedInterviews = new Set<string>();
    const interviewIndex = new Map<string, number>();
    for (const [index, interview] of snapshot.interviews.entries()) {
      const withId = interviewWithId(interview, current.interviews);
      onceEach(interviewIndex, withId.id, index);
      wantedInterviews.add(withId.id);
      const write = this.interviewWrite(applicantId, withId, current, now);
      if (write !== undefined) writes.push(write);
    }
    for (const [id] of current.interviews) {
      if (!wantedInterviews.has(id)) {
        writes.push({ Delete: { TableName: this.table.name, Key: keys.interview(applicantId, id) } });
      }
    }

    const outcome = current.profile === undefined ? "created" : "updated";
    return this.commit(applicantId, outcome, writes, snapshot.type, source, receivedAt);
  }

  /** The profile when it changed, and the EMAIL# lookup moved when the address changed. */
  private async profileWrites(
    applicantId: string,
    submitted: Applicant,
    current: ApplicantItems,
    now: string,
  ): Promise<TransactItem[]> {
    const writes: TransactItem[] = [];
    const applicant = withoutUndefined(submitted);
    const email = normalizeEmail(applicant.email);
    const oldEmail = typeof current.profile?.email === "string" ? current.profile.email : undefined;
    if (current.profile === undefined || !sameContent(current.profile.applicant, applicant)) {
      // UpdateItem rather than PutItem: createdAt and unsubscribedAt survive a re-snapshot.
      writes.push({
        Update: {
          TableName: this.table.name,
          Key: keys.profile(applicantId),
          UpdateExpression:
            "SET entity = :entity, applicantId = :id, email = :email, applicant = :applicant, " +
            "updatedAt = :now, createdAt = if_not_exists(createdAt, :now)",
          ExpressionAttributeValues: {
            ":entity": "profile",
            ":id": applicantId,
            ":email": email,
            ":applicant": applicant,
            ":now": now,
          },
        },
      });
    }
    if (oldEmail === email) return writes;
    // Last writer wins when two applicants share an address: the lookup names the latest one.
    writes.push({
      Put: {
        TableName: this.table.name,
        Item: { ...keys.emailLookup(email), entity: "email", applicantId, updatedAt: now },
      },
    });
    if (oldEmail !== undefined) {
      const oldLookup = await this.table.get(keys.emailLookup(oldEmail));
      if (oldLookup?.applicantId === applicantId) {
        // The condition keeps a concurrent re-assignment of the old address to someone else.
        writes.push({
          Delete: {
            TableName: this.table.name,
            Key: keys.emailLookup(oldEmail),
            ConditionExpression: "applicantId = :id",
            ExpressionAttributeValues: { ":id": applicantId },
          },
        });
      }
    }
    return writes;
  }

  private async applyUpdate(
    update: MilestoneUpdate,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    const now = receivedAt.toISOString();
    const applicantId = await this.resolveApplicant(update.applicant);
    // The strongly consistent Query is the existence check: applicants are never deleted, so a
    // PROFILE seen here still exists when the transaction commits.
    const current = applicantId === undefined ? undefined : await readApplicantItems(this.table, applicantId);
    if (applicantId === undefined || current?.profile === undefined) {
      throw new ApplicantNotFoundError(`No applicant matches ${describeRef(update.applicant)}`);
    }
    const writes: TransactItem[] = [];
    for (const milestone of update.milestones) {
      const write = this.milestoneWrite(applicantId, milestone, current, now);
      if (write !== undefined) writes.push(write);
    }
    // An update upserts the interviews it names and leaves the others alone (a snapshot replaces);
    // the same id with a new start moves an interview, and the re-plan moves its reminders.
    const unknownCancels: FieldProblem[] = [];
    const interviewIndex = new Map<string, number>();
    const interviewsAfter = new Set(current.interviews.keys());
    for (const [index, change] of (update.interviews ?? []).entries()) {
      const id = change.status === "cancelled" ? change.id : interviewWithId(change, current.interviews).id;
      onceEach(interviewIndex, id, index);
      if (change.status === "cancelled") interviewsAfter.delete(id);
      else interviewsAfter.add(id);
      if (change.status === "cancelled") {
        if (current.interviews.has(change.id)) {
          writes.push({
            Delete: { TableName: this.table.name, Key: keys.interview(applicantId, change.id) },
          });
        } else {
          unknownCancels.push({
            path: `interviews.${index}.id`,
            message: `the applicant has no interview ${change.id} to cancel`,
          });
        }
        continue;
      }
      const { status: _scheduled, ...interview } = change;
      const write = this.interviewWrite(
        applicantId,
        interviewWithId(interview, current.interviews),
        current,
        now,
      );
      if (write !== undefined) writes.push(write);
    }
    if (unknownCancels.length > 0) {
      throw new InvalidInputError(
        "the update cancels an interview the applicant does not have",
        unknownCancels,
      );
    }
    if (interviewsAfter.size > MAX_INTERVIEWS && interviewsAfter.size > current.interviews.size) {
      // Kept to the snapshot's own limit, so a later snapshot replacing them all still fits in one
      // transaction (snapshot.ts, MAX_INTERVIEWS).
      throw new LimitExceededError(
        `the update would leave the applicant with ${interviewsAfter.size} interviews`,
        [
          {
            path: "interviews",
            message: `an applicant may have at most ${MAX_INTERVIEWS} interviews; cancel past ones first`,
          },
        ],
        422,
      );
    }
    return this.commit(applicantId, "updated", writes, update.type, source, receivedAt);
  }

  private async resolveApplicant(ref: ApplicantRef): Promise<string | undefined> {
    if ("externalId" in ref) return applicantIdFor(ref.externalId);
    const lookup = await this.table.get(keys.emailLookup(ref.email));
    return typeof lookup?.applicantId === "string" ? lookup.applicantId : undefined;
  }

  private milestoneWrite(
    applicantId: string,
    milestone: MilestoneEntry,
    current: ApplicantItems,
    now: string,
  ): TransactItem | undefined {
    const content = withoutUndefined(milestone);
    if (sameContent(current.milestones.get(milestone.key)?.milestone, content)) return undefined;
    return {
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.milestone(applicantId, milestone.key),
          entity: "milestone",
          applicantId,
          milestone: content,
          updatedAt: now,
        },
      },
    };
  }

  private interviewWrite(
    applicantId: string,
    interview: Interview & { id: string },
    current: ApplicantItems,
    now: string,
  ): TransactItem | undefined {
    const content = withoutUndefined(interview);
    if (sameContent(current.interviews.get(interview.id)?.interview, content)) return undefined;
    return {
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.interview(applicantId, interview.id),
          entity: "interview",
          applicantId,
          interview: content,
          updatedAt: now,
        },
      },
    };
  }

  /**
   * Writes the idempotency record and the changed items in one TransactWriteItems. The record's
   * condition (attribute_not_exists) makes a redelivered submission cancel the whole transaction:
   * DynamoDB then reports ConditionalCheckFailed for that action in CancellationReasons, in request
   * order, and with ReturnValuesOnConditionCheckFailure=ALL_OLD the stored record itself
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
   */
  private async commit(
    applicantId: string,
    outcome: IntakeResult["outcome"],
    writes: TransactItem[],
    type: Submission["type"],
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    const submissionKey = keys.submission(source.provider, source.submissionId);
    const idempotency: TransactItem = {
      Put: {
        TableName: this.table.name,
        Item: {
          ...submissionKey,
          entity: "submission",
          applicantId,
          provider: source.provider,
          submissionId: source.submissionId,
          type,
          outcome,
          receivedAt: receivedAt.toISOString(),
          [TTL_ATTRIBUTE]: Math.floor(receivedAt.getTime() / 1000) + this.ttlDays * 86_400,
        },
        ConditionExpression: "attribute_not_exists(pk)",
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    };

    // The applicant's own copy, committed with the record: the console lists it, an erase finds the
    // record by it. One action more than before: the snapshot's worst case (MAX_INTERVIEWS) is 98.
    const intakeCopy: TransactItem = {
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.intake(applicantId, receivedAt.toISOString(), source.provider, source.submissionId),
          entity: "intake",
          applicantId,
          provider: source.provider,
          submissionId: source.submissionId,
          type,
          outcome,
          receivedAt: receivedAt.toISOString(),
        },
      },
    };
    // One transaction, always: it commits whole or not at all. The snapshot contract's limits keep
    // every submission within it (snapshot.ts, MAX_INTERVIEWS); what still does not fit (interviews
    // stored before those limits) is refused before anything is written, never split.
    if (writes.length + 2 > MAX_TRANSACTION_ACTIONS) {
      throw new LimitExceededError(
        `the submission would need ${writes.length + 2} writes; one atomic write holds ${MAX_TRANSACTION_ACTIONS}`,
        [
          {
            path: "milestones",
            message: `milestones and interviews together change too many items; send at most ${MILESTONE_KEYS.length} milestones`,
          },
          {
            path: "interviews",
            message: `milestones and interviews together change too many items; send at most ${MAX_INTERVIEWS} interviews and cancel past ones first`,
          },
        ],
        422,
      );
    }
    const itemWrites = [...writes, intakeCopy];
    checkItemSizes([idempotency, ...itemWrites]);
    try {
      await this.table.transact([idempotency, ...itemWrites]);
      return { applicantId, outcome };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === "ConditionalCheckFailed") {
        const reason = (error as { CancellationReasons?: { Item?: Record<string, never> }[] })
          .CancellationReasons?.[0];
        const stored =
          reason?.Item !== undefined
            ? unmarshall(reason.Item)
            : await this.table.get(submissionKey, { consistent: true });
        return duplicateOf(stored, applicantId);
      }
      if (codes?.some((code) => code === "ConditionalCheckFailed")) {
        // Only the old-email guard can fail here: its address was just taken over. Retrying re-reads it.
        throw new TransientError("Email lookup changed during the write; retry", { cause: error });
      }
      throw error;
    }
  }
}

/**
 * The interview with its id: the operator's, else the stored interview's with the same program and
 * start instant (sent before with another UTC offset), else one derived from program and startsAt.
 * The derivation hashes the startsAt text as stored ids were built; re-deriving it from the instant
 * would re-id every stored interview (and its reminders), so the instant is matched here instead.
 */
function interviewWithId(
  interview: Interview,
  stored: ReadonlyMap<string, Item>,
): Interview & { id: string } {
  if (interview.id !== undefined) return { ...interview, id: interview.id };
  const program = interview.program.trim();
  const instant = Date.parse(interview.startsAt);
  for (const [id, item] of stored) {
    const known = item.interview as Interview | undefined;
    if (known !== undefined && known.program.trim() === program && Date.parse(known.startsAt) === instant) {
      return { ...interview, id };
    }
  }
  return { ...interview, id: interviewIdFor(interview.program, interview.startsAt) };
}

/** Structural equality independent of key order: decides whether an item's content changed. */
function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Item)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * Refuses an interview listed twice under one stored id (an explicit id equal to another's derived
 * one; the contract already refuses the plain repeats): DynamoDB refuses a transaction that writes
 * one item twice, which would be a 500 retried for ever.
 */
function onceEach(seen: Map<string, number>, id: string, index: number): void {
  const earlier = seen.get(id);
  if (earlier === undefined) {
    seen.set(id, index);
    return;
  }
  const message = (other: number) =>
    `interviews.${other} is stored under the same id ${id}; list each interview once`;
  throw new InvalidInputError("two interviews are one", [
    { path: `interviews.${earlier}.id`, message: message(index) },
    { path: `interviews.${index}.id`, message: message(earlier) },
  ]);
}

/** DynamoDB's item size limit (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
export const MAX_ITEM_BYTES = 400 * 1024;
/** The aggregate size limit of one TransactWriteItems request (same page). */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/**
 * Refuses, before writing, what DynamoDB would refuse for size. The JSON length of an item's names
 * and values is an upper bound of DynamoDB's own measure (it counts no quotes or braces), so
 * nothing that passes here is refused there. The body limit (256 KB) keeps every submission far
 * below both today; this holds if a limit moves. Names the field whose item is too large.
 */
function checkItemSizes(actions: readonly TransactItem[]): void {
  let total = 0;
  for (const action of actions) {
    const content = action.Put?.Item ?? action.Update?.ExpressionAttributeValues ?? action.Delete?.Key ?? {};
    const size = Buffer.byteLength(JSON.stringify(content));
    total += size;
    if (size > MAX_ITEM_BYTES) {
      const sk = String(action.Put?.Item?.sk ?? action.Update?.Key?.sk ?? "");
      throw new LimitExceededError(
        `one item would be ${size} bytes; DynamoDB stores at most ${MAX_ITEM_BYTES}`,
        [
          {
            path: fieldOfSortKey(sk),
            message: `must be smaller: its stored item would exceed ${MAX_ITEM_BYTES} bytes`,
          },
        ],
        413,
      );
    }
  }
  if (total > MAX_TRANSACTION_BYTES) {
    throw new LimitExceededError(
      `the submission would write ${total} bytes; one transaction holds ${MAX_TRANSACTION_BYTES}`,
      [{ path: "(root)", message: `must be smaller: ${MAX_TRANSACTION_BYTES} bytes at most in one write` }],
      413,
    );
  }
}

function fieldOfSortKey(sk: string): string {
  if (sk.startsWith(SK.milestonePrefix)) return `milestones.${sk.slice(SK.milestonePrefix.length)}`;
  if (sk.startsWith(SK.interviewPrefix)) return `interviews.${sk.slice(SK.interviewPrefix.length)}`;
  return sk === SK.profile ? "applicant" : "(root)";
}

function duplicateOf(stored: Item | undefined, fallbackApplicantId: string): IntakeResult {
  const applicantId = typeof stored?.applicantId === "string" ? stored.applicantId : fallbackApplicantId;
  return { applicantId, outcome: "duplicate" };
}

/** Names the reference for a log line without the typed value (an address or an operator's id). */
function describeRef(ref: ApplicantRef): string {
  return "externalId" in ref
    ? `externalId ${fingerprint(ref.externalId.trim())}`
    : `email ${fingerprint(normalizeEmail(ref.email))}`;
}
