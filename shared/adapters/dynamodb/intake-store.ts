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
import { ApplicantNotFoundError, InvalidInputError, TransientError } from "#errors";
import type { IntakeResult, IntakeSource, IntakeStore } from "#ports/intake-store.ts";
import { type ApplicantItems, readApplicantItems } from "./applicant-repository.ts";
import { cancellationCodes } from "./errors.ts";
import { applicantIdFor, interviewIdFor, keys, normalizeEmail } from "./keys.ts";
import {
  chunk,
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
    for (const interview of snapshot.interviews) {
      const withId = interviewWithId(interview);
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
    for (const [index, change] of (update.interviews ?? []).entries()) {
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
      const write = this.interviewWrite(applicantId, interviewWithId(interview), current, now);
      if (write !== undefined) writes.push(write);
    }
    if (unknownCancels.length > 0) {
      throw new InvalidInputError(
        "the update cancels an interview the applicant does not have",
        unknownCancels,
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

    let itemWrites = writes;
    if (writes.length + 1 > MAX_TRANSACTION_ACTIONS) {
      // Too many changes for one transaction (a snapshot may list up to 200 interviews). Check the
      // record first so a redelivery rewrites nothing, write the items in idempotent chunks, and
      // commit the record last: a crash in between leaves no record, so the retry completes the work.
      const existing = await this.table.get(submissionKey, { consistent: true });
      if (existing !== undefined) return duplicateOf(existing, applicantId);
      const parts = chunk(writes, MAX_TRANSACTION_ACTIONS - 1);
      itemWrites = parts.pop() ?? [];
      for (const part of parts) await this.table.transact(part);
    }

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

function interviewWithId(interview: Interview): Interview & { id: string } {
  return { ...interview, id: interview.id ?? interviewIdFor(interview.program, interview.startsAt) };
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

function duplicateOf(stored: Item | undefined, fallbackApplicantId: string): IntakeResult {
  const applicantId = typeof stored?.applicantId === "string" ? stored.applicantId : fallbackApplicantId;
  return { applicantId, outcome: "duplicate" };
}

function describeRef(ref: ApplicantRef): string {
  return "externalId" in ref ? `externalId ${ref.externalId}` : `email ${ref.email}`;
}
