import { TransientError } from "#errors";
import type { StoredPlan } from "#ports/plans.ts";
import type { LedgerSubject, ReminderLedger, WithheldReason } from "#ports/reminder-ledger.ts";
import { eventItems } from "./event-log.ts";
import { keys } from "./keys.ts";
import { DynamoPlanRepository, planItem } from "./plan-repository.ts";
import { type DynamoTable, MAX_TRANSACTION_ACTIONS, type TransactItem } from "./table.ts";
import {
  cancelledAsErased,
  cancelledCodes,
  profileExists,
  transactWhileApplicantExists,
} from "./while-applicant-exists.ts";

/**
 * The REMINDER# items: claims before a send, sent marks after it.
 *
 * Every write here holds only while the applicant exists (a ConditionCheck of the profile in the
 * same transaction, while-applicant-exists.ts), so a sender that raced an erase claims nothing and
 * marks nothing. Requests: claimReminders 1 TransactWriteItems (then 1 TransactWriteItems per
 * reminder, in parallel, when a concurrent claim cancelled several); markRemindersSent 1
 * TransactWriteItems holding the marks, the plan and the copies of the events published with it
 * (per 99 actions); markRemindersWithheld 1 TransactWriteItems (per 99 actions); releaseClaims
 * 1 DeleteItem per reminder, in parallel.
 */
export class DynamoReminderLedger implements ReminderLedger {
  private readonly plans: DynamoPlanRepository;

  constructor(private readonly table: DynamoTable) {
    this.plans = new DynamoPlanRepository(table);
  }

  /**
   * One request in the usual case: one TransactWriteItems with the claim condition on each reminder
   * and the profile check. The caller has just read the ledger (strongly consistent), so the
   * transaction is cancelled only by a concurrent claim or send, or by an erase; then each of
   * several reminders is claimed on its own, so the others are still claimed.
   */
  async claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
    slotAt: Date = now,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<string[]> {
    const ids = [...new Set(reminderIds)];
    const claimAt = { now, staleAfterMs, slotAt, subjects };
    if (ids.length === 0) return [];
    if (ids.length < MAX_TRANSACTION_ACTIONS) {
      const actions = [
        ...ids.map((reminderId) => this.claimAction(applicantId, reminderId, claimAt)),
        profileExists(this.table.name, applicantId),
      ];
      try {
        await this.table.transact(actions);
        return ids;
      } catch (error) {
        // Erased meanwhile: nothing is claimed, so nothing is sent.
        if (cancelledAsErased(error, actions.length)) return [];
        // Sent or claimed meanwhile (ConditionalCheckFailed), or a concurrent transaction on the
        // same items (TransactionConflict, wrapped as transient): one reminder has nothing more to
        // try; several are sorted out reminder by reminder.
        const contended = cancelledCodes(error)?.every(
          (code) => code === "None" || code === "ConditionalCheckFailed" || code === "TransactionConflict",
        );
        if (!contended) throw error;
        if (ids.length === 1 && cancelledCodes(error)?.[0] === "ConditionalCheckFailed") return [];
      }
    }
    return this.claimEach(applicantId, ids, claimAt);
  }

  /** One transaction per reminder (its claim and the profile check), in parallel: each claim stands alone. */
  private async claimEach(applicantId: string, reminderIds: string[], claimAt: ClaimAt): Promise<string[]> {
    const results = await Promise.allSettled(
      reminderIds.map(async (reminderId) => {
        const claim = this.claimAction(applicantId, reminderId, claimAt);
        try {
          await this.table.transact([claim, profileExists(this.table.name, applicantId)]);
          return reminderId;
        } catch (error) {
          // Sent, claimed by a live sender, or the applicant erased: not ours to send, not an error.
          if (cancelledCodes(error)?.includes("ConditionalCheckFailed")) return undefined;
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

  private claimAction(applicantId: string, reminderId: string, claimAt: ClaimAt): TransactItem {
    return { Put: { TableName: this.table.name, ...claimPut(applicantId, reminderId, claimAt) } };
  }

  /**
   * One TransactWriteItems holding the sent marks and, when given, the plan with its events' copies
   * (see the port). If that request fails transiently, the marks are written alone and then the
   * plan, so a plan that cannot be stored never takes the record of the send with it (which would
   * send the email again once the claims went stale). Any other failure is rethrown as is.
   */
  async markRemindersSent(
    applicantId: string,
    reminderIds: string[],
    messageId: string,
    sentAt: Date,
    plan?: StoredPlan,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<void> {
    const marks = [...new Set(reminderIds)].map((reminderId) =>
      this.sentMark(applicantId, reminderId, messageId, sentAt, subjects?.get(reminderId)),
    );
    const planPuts: TransactItem[] =
      plan === undefined
        ? []
        : [planItem(applicantId, plan.plan, plan.summary), ...eventItems(plan.events ?? [])].map((Item) => ({
            Put: { TableName: this.table.name, Item },
          }));
    if (plan !== undefined && marks.length + planPuts.length < MAX_TRANSACTION_ACTIONS) {
      try {
        await transactWhileApplicantExists(this.table, applicantId, [...marks, ...planPuts]);
        return;
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
      }
    }
    // Erased meanwhile: the email went, but nothing of the applicant is written after the erase.
    if ((await transactWhileApplicantExists(this.table, applicantId, marks)) === "erased") return;
    if (plan !== undefined) await this.plans.savePlan(applicantId, plan.plan, plan.summary, plan.events);
  }

  private sentMark(
    applicantId: string,
    reminderId: string,
    messageId: string,
    sentAt: Date,
    subject: LedgerSubject | undefined,
  ): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.reminder(applicantId, reminderId),
        UpdateExpression:
          "SET entity = :entity, applicantId = :applicantId, reminderId = :reminderId, #status = :sent, " +
          "sentAt = :at, messageId = :messageId, claimedAt = if_not_exists(claimedAt, :at)" +
          (subject ? ", #subject = :subject" : ""),
        ExpressionAttributeNames: { "#status": "status", ...(subject ? { "#subject": "subject" } : {}) },
        ExpressionAttributeValues: {
          ":entity": "reminder",
          ":applicantId": applicantId,
          ":reminderId": reminderId,
          ":sent": "sent",
          ":at": sentAt.toISOString(),
          ":messageId": messageId,
          ...(subject ? { ":subject": subject } : {}),
        },
      },
    };
  }

  async markRemindersWithheld(
    applicantId: string,
    reminderIds: string[],
    because: WithheldReason,
    at: Date,
  ): Promise<void> {
    const marks = [...new Set(reminderIds)].map(
      (reminderId): TransactItem => ({
        Update: {
          TableName: this.table.name,
          Key: keys.reminder(applicantId, reminderId),
          UpdateExpression:
            "SET entity = :entity, applicantId = :applicantId, reminderId = :reminderId, #status = :withheld, " +
            "withheldBecause = :because, claimedAt = if_not_exists(claimedAt, :at)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":entity": "reminder",
            ":applicantId": applicantId,
            ":reminderId": reminderId,
            ":withheld": "withheld",
            ":because": because,
            ":at": at.toISOString(),
          },
        },
      }),
    );
    // The caller holds these claims (just taken), so the marks need no condition of their own.
    await transactWhileApplicantExists(this.table, applicantId, marks);
  }

  async releaseClaims(applicantId: string, reminderIds: string[]): Promise<void> {
    await Promise.all(
      [...new Set(reminderIds)].map((reminderId) =>
        this.table.deleteUnlessConditionFails("DeleteItem(claim)", {
          Key: keys.reminder(applicantId, reminderId),
          // Never erase the record of a reminder that was sent.
          ConditionExpression: "#status = :claimed",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":claimed": "claimed" },
        }),
      ),
    );
  }
}

/** The claim of one reminder: a PutItem whose condition lets only one live sender hold it. */
/** One claim's instants, and the subjects of the reminders claimed (by id), when the caller has them. */
interface ClaimAt {
  now: Date;
  staleAfterMs: number;
  slotAt: Date;
  subjects: ReadonlyMap<string, LedgerSubject> | undefined;
}

function claimPut(applicantId: string, reminderId: string, { now, staleAfterMs, slotAt, subjects }: ClaimAt) {
  const subject = subjects?.get(reminderId);
  return {
    Item: {
      ...keys.reminder(applicantId, reminderId),
      entity: "reminder",
      applicantId,
      reminderId,
      status: "claimed",
      claimedAt: now.toISOString(),
      // The wake-up instant the claim is for: a stale claim is recovered by planning as of it.
      slotAt: slotAt.toISOString(),
      // What it is about, so a claim whose sender died still names it in the console.
      ...(subject ? { subject } : {}),
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
