import { gunzipSync, gzipSync } from "node:zlib";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Plan } from "#domain/plan.ts";
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
import type {
  ApplicantProfile,
  ApplicantState,
  ApplicantStore,
  IntakeResult,
  IntakeSource,
  LedgerEntry,
  StoredPlan,
  StoredPlanSummary,
} from "#ports/applicant-store.ts";
import { cancellationCodes, dynamo, isConditionalCheckFailed } from "./errors.ts";
import {
  applicantIdFor,
  interviewIdFor,
  keys,
  normalizeEmail,
  SK,
  type TableKey,
  type WakeUpKind,
  wakeUpGsiKeys,
} from "./keys.ts";
import { TTL_ATTRIBUTE } from "./table-design.ts";
import { type DueWakeUp, queryDueWakeUps } from "./wake-up-index.ts";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
type Item = Record<string, unknown>;

/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html */
export const MAX_TRANSACTION_ACTIONS = 100;

/**
 * Idempotency records live 90 days. Providers retry failed webhook deliveries for hours to a few
 * days (Standard Webhooks' reference schedule ends after about 1.5 days; form tools retry less), and
 * operators re-send exports by hand within weeks: 90 days covers every retry horizon with margin
 * while keeping the table from growing without bound. DynamoDB deletes expired items "typically
 * within a few days" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html),
 * so the exact expiry instant never matters.
 */
export const IDEMPOTENCY_TTL_DAYS = 90;

export interface DynamoApplicantStoreOptions {
  /** A DocumentClient built once per cold start (by the composition root). */
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Defaults to IDEMPOTENCY_TTL_DAYS. */
  idempotencyTtlDays?: number;
}

interface CurrentItems {
  profile?: Item;
  milestones: Map<string, Item>;
  interviews: Map<string, Item>;
  ledger: Item[];
  plan?: Item;
}

/** Removes undefined members so that any DocumentClient (with or without removeUndefinedValues) accepts it. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
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

function interviewWithId(interview: Interview): Interview & { id: string } {
  return { ...interview, id: interview.id ?? interviewIdFor(interview.program, interview.startsAt) };
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * The applicant store on one DynamoDB table (key design: DATA-MODEL.md beside this file).
 *
 * Requests per operation:
 * - applySubmission: 1 Query (+1 GetItem when a milestone update names the applicant by email,
 *   +1 GetItem when a re-snapshot changes the email) + 1 TransactWriteItems. Only items whose
 *   content changed are written, so an unchanged milestone produces no stream record.
 * - loadApplicant: 1 Query (more pages only past 1 MB). savePlan: 1 PutItem (the plan gzipped).
 * - claimReminders: 1 conditional PutItem for one reminder, 1 TransactWriteItems for several (then
 *   1 conditional PutItem per reminder, in parallel, when a concurrent claim cancelled it).
 * - markRemindersSent: 1 TransactWriteItems per 100 reminders, the plan in the last one.
 *   releaseClaims: 1 DeleteItem per reminder, in parallel.
 * - isSuppressed, suppress: 1 GetItem / 1 PutItem. unsubscribe: 1 GetItem + 1 TransactWriteItems.
 */
export class DynamoApplicantStore implements ApplicantStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly ttlDays: number;

  constructor(options: DynamoApplicantStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.ttlDays = options.idempotencyTtlDays ?? IDEMPOTENCY_TTL_DAYS;
  }

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
    const current = await this.readCurrent(applicantId);
    const writes: TransactItem[] = [];

    const applicant = plain<Applicant>(snapshot.applicant);
    const email = normalizeEmail(applicant.email);
    const oldEmail = typeof current.profile?.email === "string" ? current.profile.email : undefined;
    if (current.profile === undefined || !sameContent(current.profile.applicant, applicant)) {
      // UpdateItem rather than PutItem: createdAt and unsubscribedAt survive a re-snapshot.
      writes.push({
        Update: {
          TableName: this.tableName,
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
    if (oldEmail !== email) {
      // Last writer wins when two applicants share an address: the lookup names the latest one.
      writes.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.emailLookup(email), entity: "email", applicantId, updatedAt: now },
        },
      });
      if (oldEmail !== undefined) {
        const oldLookup = await this.get(keys.emailLookup(oldEmail));
        if (oldLookup?.applicantId === applicantId) {
          // The condition keeps a concurrent re-assignment of the old address to someone else.
          writes.push({
            Delete: {
              TableName: this.tableName,
              Key: keys.emailLookup(oldEmail),
              ConditionExpression: "applicantId = :id",
              ExpressionAttributeValues: { ":id": applicantId },
            },
          });
        }
      }
    }

    const wantedMilestones = new Set<string>();
    for (const milestone of snapshot.milestones) {
      wantedMilestones.add(milestone.key);
      const write = this.milestoneWrite(applicantId, milestone, current, now);
      if (write !== undefined) writes.push(write);
    }
    for (const [key] of current.milestones) {
      if (!wantedMilestones.has(key)) {
        writes.push({ Delete: { TableName: this.tableName, Key: keys.milestone(applicantId, key) } });
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
        writes.push({ Delete: { TableName: this.tableName, Key: keys.interview(applicantId, id) } });
      }
    }

    const outcome = current.profile === undefined ? "created" : "updated";
    return this.commit(applicantId, outcome, writes, snapshot.type, source, receivedAt);
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
    const current = applicantId === undefined ? undefined : await this.readCurrent(applicantId);
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
          writes.push({ Delete: { TableName: this.tableName, Key: keys.interview(applicantId, change.id) } });
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
    const lookup = await this.get(keys.emailLookup(ref.email));
    return typeof lookup?.applicantId === "string" ? lookup.applicantId : undefined;
  }

  private milestoneWrite(
    applicantId: string,
    milestone: MilestoneEntry,
    current: CurrentItems,
    now: string,
  ): TransactItem | undefined {
    const content = plain(milestone);
    if (sameContent(current.milestones.get(milestone.key)?.milestone, content)) return undefined;
    return {
      Put: {
        TableName: this.tableName,
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
    current: CurrentItems,
    now: string,
  ): TransactItem | undefined {
    const content = plain(interview);
    if (sameContent(current.interviews.get(interview.id)?.interview, content)) return undefined;
    return {
      Put: {
        TableName: this.tableName,
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
        TableName: this.tableName,
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
      const existing = await this.get(submissionKey, true);
      if (existing !== undefined) return duplicateOf(existing, applicantId);
      const parts = chunk(writes, MAX_TRANSACTION_ACTIONS - 1);
      itemWrites = parts.pop() ?? [];
      for (const part of parts) await this.transact(part);
    }

    try {
      await this.transact([idempotency, ...itemWrites]);
      return { applicantId, outcome };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === "ConditionalCheckFailed") {
        const reason = (error as { CancellationReasons?: { Item?: Record<string, never> }[] })
          .CancellationReasons?.[0];
        const stored =
          reason?.Item !== undefined ? unmarshall(reason.Item) : await this.get(submissionKey, true);
        return duplicateOf(stored, applicantId);
      }
      if (codes?.some((code) => code === "ConditionalCheckFailed")) {
        // Only the old-email guard can fail here: its address was just taken over. Retrying re-reads it.
        throw new TransientError("Email lookup changed during the write; retry", { cause: error });
      }
      throw error;
    }
  }

  private async transact(items: TransactItem[]): Promise<void> {
    await dynamo("TransactWriteItems", () =>
      this.client.send(new TransactWriteCommand({ TransactItems: items })),
    );
  }

  async loadApplicant(applicantId: string): Promise<ApplicantState | undefined> {
    const current = await this.readCurrent(applicantId);
    const profile = current.profile;
    if (profile === undefined) return undefined;
    const state: ApplicantState = {
      profile: toProfile(profile),
      milestones: [...current.milestones.values()].map((item) => item.milestone as MilestoneEntry),
      interviews: [...current.interviews.values()].map((item) => item.interview as Interview),
      ledger: current.ledger.map(toLedgerEntry),
    };
    if (current.plan !== undefined) state.storedPlan = toPlanSummary(current.plan);
    return state;
  }

  /** The stored plan itself (the state carries only its summary); undefined if none was stored. */
  async loadPlan(applicantId: string): Promise<Plan | undefined> {
    const item = await this.get(keys.plan(applicantId), true);
    if (item?.planGz instanceof Uint8Array)
      return JSON.parse(gunzipSync(item.planGz).toString("utf8")) as Plan;
    // Plans stored before compression (a JSON string) stay readable until their next write.
    return typeof item?.planJson === "string" ? (JSON.parse(item.planJson) as Plan) : undefined;
  }

  async savePlan(applicantId: string, plan: Plan, summary: StoredPlanSummary): Promise<void> {
    await dynamo("PutItem(plan)", () =>
      this.client.send(
        new PutCommand({ TableName: this.tableName, Item: this.planItem(applicantId, plan, summary) }),
      ),
    );
  }

  /**
   * The PLAN item. The plan is read whole, never queried by field, so it is kept as gzip-compressed
   * JSON in a Binary attribute: about a seventh of the JSON's size (a 20 KB plan becomes about 3 KB),
   * and DynamoDB bills writes per KB of item and reads per 4 KB, on every write of the plan and on
   * every Query of the applicant's partition (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
   * JSON also avoids marshalling rules (undefined members, empty sets) for a structure the domain owns.
   */
  private planItem(applicantId: string, plan: Plan, summary: StoredPlanSummary): Item {
    const item: Item = {
      ...keys.plan(applicantId),
      entity: "plan",
      applicantId,
      planGz: gzipSync(JSON.stringify(plan)),
      planHash: summary.planHash,
      computedAt: summary.computedAt,
    };
    if (summary.calendarVersion !== undefined) item.calendarVersion = summary.calendarVersion;
    if (summary.overdue !== undefined && summary.overdue.length > 0) item.overdue = summary.overdue;
    if (summary.wakeUpAt !== undefined) {
      item.wakeUpAt = summary.wakeUpAt;
      Object.assign(item, wakeUpGsiKeys("plan", applicantId, new Date(summary.wakeUpAt)));
    }
    return item;
  }

  /**
   * Applicants whose armed wake-up is at or before `instant`: kind "plan" reads the PLAN items'
   * wakeUpAt (the cloud's daily sweeper re-arms missed ones), kind "local" the local scheduler's
   * WAKEUP items. 16 Queries in parallel.
   */
  async listWakeUpsDueBefore(instant: Date, kind: WakeUpKind): Promise<DueWakeUp[]> {
    return queryDueWakeUps(this.client, this.tableName, kind, instant);
  }

  /**
   * One request in the usual case: a conditional PutItem for one reminder, one TransactWriteItems
   * with the same condition on each for several. The caller has just read the ledger (strongly
   * consistent), so the transaction is cancelled only by a concurrent claim or send; then each
   * reminder is claimed on its own (one conditional PutItem each), so the others are still claimed.
   */
  async claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
  ): Promise<string[]> {
    const ids = [...new Set(reminderIds)];
    if (ids.length > 1 && ids.length <= MAX_TRANSACTION_ACTIONS) {
      try {
        await this.transact(
          ids.map((reminderId) => ({ Put: this.claimPut(applicantId, reminderId, now, staleAfterMs) })),
        );
        return ids;
      } catch (error) {
        // Sent or claimed meanwhile (ConditionalCheckFailed), or a concurrent transaction on the
        // same items (TransactionConflict, wrapped as transient): sort it out reminder by reminder.
        const cause = error instanceof TransientError ? error.cause : error;
        const codes = cancellationCodes(cause);
        const contended = codes?.every(
          (code) => code === "None" || code === "ConditionalCheckFailed" || code === "TransactionConflict",
        );
        if (!contended) throw error;
      }
    }
    return this.claimEach(applicantId, ids, now, staleAfterMs);
  }

  private claimPut(applicantId: string, reminderId: string, now: Date, staleAfterMs: number) {
    return {
      TableName: this.tableName,
      Item: {
        ...keys.reminder(applicantId, reminderId),
        entity: "reminder",
        applicantId,
        reminderId,
        status: "claimed",
        claimedAt: now.toISOString(),
      },
      // Not sent, and not claimed by a sender that may still be alive.
      ConditionExpression: "attribute_not_exists(pk) OR (#status = :claimed AND claimedAt < :stale)",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":claimed": "claimed",
        ":stale": new Date(now.getTime() - staleAfterMs).toISOString(),
      },
    };
  }

  /** One conditional PutItem per reminder, in parallel: each claim stands alone. */
  private async claimEach(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
  ): Promise<string[]> {
    const results = await Promise.allSettled(
      reminderIds.map(async (reminderId) => {
        try {
          await dynamo("PutItem(claim)", () =>
            this.client.send(new PutCommand(this.claimPut(applicantId, reminderId, now, staleAfterMs))),
          );
          return reminderId;
        } catch (error) {
          // Sent, or claimed by a live sender: not ours to send, and not an error.
          if (isConditionalCheckFailed(error)) return undefined;
          throw error;
        }
      }),
    );
    const claimed = results.flatMap((r) =>
      r.status === "fulfilled" && r.value !== undefined ? [r.value] : [],
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure !== undefined) {
      // Give back what we did claim so the retry can claim it at once instead of waiting out staleness.
      await this.releaseClaims(applicantId, claimed);
      throw failure.reason;
    }
    return claimed;
  }

  /**
   * One TransactWriteItems holding the sent marks and, when given, the plan (see the port). If that
   * request fails transiently, the marks are written alone and then the plan, so a plan that cannot
   * be stored never takes the record of the send with it (which would send the email again once
   * the claims went stale). Any other failure is rethrown as is.
   */
  async markRemindersSent(
    applicantId: string,
    reminderIds: string[],
    messageId: string,
    sentAt: Date,
    plan?: StoredPlan,
  ): Promise<void> {
    const marks = [...new Set(reminderIds)].map((reminderId) =>
      this.sentMark(applicantId, reminderId, messageId, sentAt),
    );
    const parts = chunk(marks, MAX_TRANSACTION_ACTIONS);
    const last = parts.pop() ?? [];
    for (const part of parts) await this.transact(part);
    if (plan === undefined) {
      if (last.length > 0) await this.transact(last);
      return;
    }
    const planPut: TransactItem = {
      Put: { TableName: this.tableName, Item: this.planItem(applicantId, plan.plan, plan.summary) },
    };
    if (last.length < MAX_TRANSACTION_ACTIONS) {
      try {
        await this.transact([...last, planPut]);
        return;
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
      }
    }
    if (last.length > 0) await this.transact(last);
    await this.savePlan(applicantId, plan.plan, plan.summary);
  }

  private sentMark(applicantId: string, reminderId: string, messageId: string, sentAt: Date): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.reminder(applicantId, reminderId),
        UpdateExpression:
          "SET entity = :entity, applicantId = :applicantId, reminderId = :reminderId, #status = :sent, " +
          "sentAt = :at, messageId = :messageId, claimedAt = if_not_exists(claimedAt, :at)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":entity": "reminder",
          ":applicantId": applicantId,
          ":reminderId": reminderId,
          ":sent": "sent",
          ":at": sentAt.toISOString(),
          ":messageId": messageId,
        },
      },
    };
  }

  async releaseClaims(applicantId: string, reminderIds: string[]): Promise<void> {
    await Promise.all(
      [...new Set(reminderIds)].map(async (reminderId) => {
        try {
          await dynamo("DeleteItem(claim)", () =>
            this.client.send(
              new DeleteCommand({
                TableName: this.tableName,
                Key: keys.reminder(applicantId, reminderId),
                // Never erase the record of a reminder that was sent.
                ConditionExpression: "#status = :claimed",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: { ":claimed": "claimed" },
              }),
            ),
          );
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }),
    );
  }

  async isSuppressed(email: string): Promise<boolean> {
    return (await this.get(keys.suppression(email))) !== undefined;
  }

  async suppress(email: string, reason: "bounce" | "complaint" | "unsubscribe", at: Date): Promise<void> {
    try {
      await dynamo("PutItem(suppression)", () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...keys.suppression(email),
              entity: "suppression",
              email: normalizeEmail(email),
              reason,
              at: at.toISOString(),
            },
            // The first reason is kept: a later unsubscribe does not hide an earlier hard bounce.
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async unsubscribe(applicantId: string, at: Date): Promise<void> {
    const profile = await this.get(keys.profile(applicantId), true);
    if (profile === undefined || typeof profile.email !== "string") {
      throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    }
    if (typeof profile.unsubscribedAt === "string") {
      // Already unsubscribed: make sure the address is suppressed, without touching the profile
      // (a PROFILE write would wake the planner for nothing).
      await this.suppress(profile.email, "unsubscribe", at);
      return;
    }
    try {
      await this.transact([
        {
          Update: {
            TableName: this.tableName,
            Key: keys.profile(applicantId),
            UpdateExpression: "SET unsubscribedAt = :at",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(unsubscribedAt)",
            ExpressionAttributeValues: { ":at": at.toISOString() },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.suppression(profile.email),
              entity: "suppression",
              email: profile.email,
              reason: "unsubscribe",
              at: at.toISOString(),
            },
          },
        },
      ]);
    } catch (error) {
      // A concurrent unsubscribe (the one-click POST is often sent twice) already did both writes.
      if (cancellationCodes(error)?.[0] !== "ConditionalCheckFailed") throw error;
    }
  }

  private async get(key: TableKey, consistent = false): Promise<Item | undefined> {
    const result = await dynamo("GetItem", () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent })),
    );
    return result.Item;
  }

  /** One strongly consistent Query over the applicant's partition (more pages only past 1 MB). */
  private async readCurrent(applicantId: string): Promise<CurrentItems> {
    const current: CurrentItems = { milestones: new Map(), interviews: new Map(), ledger: [] };
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo("Query(applicant)", () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": keys.applicantPk(applicantId) },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        const sk = String(item.sk);
        if (sk === SK.profile) current.profile = item;
        else if (sk === SK.plan) current.plan = item;
        else if (sk.startsWith(SK.milestonePrefix))
          current.milestones.set(sk.slice(SK.milestonePrefix.length), item);
        else if (sk.startsWith(SK.interviewPrefix))
          current.interviews.set(sk.slice(SK.interviewPrefix.length), item);
        else if (sk.startsWith(SK.reminderPrefix)) current.ledger.push(item);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return current;
  }
}

function duplicateOf(stored: Item | undefined, fallbackApplicantId: string): IntakeResult {
  const applicantId = typeof stored?.applicantId === "string" ? stored.applicantId : fallbackApplicantId;
  return { applicantId, outcome: "duplicate" };
}

function describeRef(ref: ApplicantRef): string {
  return "externalId" in ref ? `externalId ${ref.externalId}` : `email ${ref.email}`;
}

function toProfile(item: Item): ApplicantProfile {
  const profile: ApplicantProfile = {
    ...(item.applicant as Applicant),
    applicantId: String(item.applicantId),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
  if (typeof item.unsubscribedAt === "string") profile.unsubscribedAt = item.unsubscribedAt;
  return profile;
}

function toLedgerEntry(item: Item): LedgerEntry {
  const entry: LedgerEntry = {
    reminderId: String(item.reminderId),
    status: item.status === "sent" ? "sent" : "claimed",
    claimedAt: String(item.claimedAt),
  };
  if (typeof item.sentAt === "string") entry.sentAt = item.sentAt;
  if (typeof item.messageId === "string") entry.messageId = item.messageId;
  if (typeof item.delivery === "string")
    entry.delivery = item.delivery as NonNullable<LedgerEntry["delivery"]>;
  if (typeof item.deliveryAt === "string") entry.deliveryAt = item.deliveryAt;
  return entry;
}

function toPlanSummary(item: Item): StoredPlanSummary {
  const summary: StoredPlanSummary = { planHash: String(item.planHash), computedAt: String(item.computedAt) };
  if (typeof item.wakeUpAt === "string") summary.wakeUpAt = item.wakeUpAt;
  if (typeof item.calendarVersion === "string") summary.calendarVersion = item.calendarVersion;
  if (Array.isArray(item.overdue)) summary.overdue = item.overdue.map(String);
  return summary;
}
