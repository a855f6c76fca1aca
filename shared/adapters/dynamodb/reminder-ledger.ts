import { TransientError } from "#errors";
import type { StoredPlan } from "#ports/plans.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import { cancellationCodes } from "./errors.ts";
import { eventItems } from "./event-log.ts";
import { keys } from "./keys.ts";
import { DynamoPlanRepository, planItem } from "./plan-repository.ts";
import { chunk, type DynamoTable, MAX_TRANSACTION_ACTIONS, type TransactItem } from "./table.ts";

/**
 * The REMINDER# items: claims before a send, sent marks after it.
 *
 * Requests: claimReminders 1 conditional PutItem for one reminder, 1 TransactWriteItems for several
 * (then 1 conditional PutItem per reminder, in parallel, when a concurrent claim cancelled it);
 * markRemindersSent 1 TransactWriteItems per 100 reminders, the plan and the copies of the events
 * published with it in the last one; releaseClaims
 * 1 DeleteItem per reminder, in parallel.
 */
export class DynamoReminderLedger implements ReminderLedger {
  private readonly plans: DynamoPlanRepository;

  constructor(private readonly table: DynamoTable) {
    this.plans = new DynamoPlanRepository(table);
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
    slotAt: Date = now,
  ): Promise<string[]> {
    const ids = [...new Set(reminderIds)];
    if (ids.length > 1 && ids.length <= MAX_TRANSACTION_ACTIONS) {
      try {
        await this.table.transact(
          ids.map((reminderId) => ({
            Put: {
              TableName: this.table.name,
              ...claimPut(applicantId, reminderId, now, staleAfterMs, slotAt),
            },
          })),
        );
        return ids;
      } catch (error) {
        // Sent or claimed meanwhile (ConditionalCheckFailed), or a concurrent transaction on the
        // same items (TransactionConflict, wrapped as transient): sort it out reminder by reminder.
        const cause = error instanceof TransientError ? error.cause : error;
        const contended = cancellationCodes(cause)?.every(
          (code) => code === "None" || code === "ConditionalCheckFailed" || code === "TransactionConflict",
        );
        if (!contended) throw error;
      }
    }
    return this.claimEach(applicantId, ids, now, staleAfterMs, slotAt);
  }

  /** One conditional PutItem per reminder, in parallel: each claim stands alone. */
  private async claimEach(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
    slotAt: Date,
  ): Promise<string[]> {
    const results = await Promise.allSettled(
      reminderIds.map(async (reminderId) => {
        const put = claimPut(applicantId, reminderId, now, staleAfterMs, slotAt);
        // A failed condition means sent, or claimed by a live sender: not ours to send, not an error.
        return (await this.table.putUnlessConditionFails("PutItem(claim)", put)) ? reminderId : undefined;
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
  ): Promise<void> {
    const marks = [...new Set(reminderIds)].map((reminderId) =>
      this.sentMark(applicantId, reminderId, messageId, sentAt),
    );
    const parts = chunk(marks, MAX_TRANSACTION_ACTIONS);
    const last = parts.pop() ?? [];
    for (const part of parts) await this.table.transact(part);
    if (plan === undefined) {
      if (last.length > 0) await this.table.transact(last);
      return;
    }
    const planPuts: TransactItem[] = [
      planItem(applicantId, plan.plan, plan.summary),
      ...eventItems(plan.events ?? []),
    ].map((Item) => ({ Put: { TableName: this.table.name, Item } }));
    if (last.length + planPuts.length <= MAX_TRANSACTION_ACTIONS) {
      try {
        await this.table.transact([...last, ...planPuts]);
        return;
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
      }
    }
    if (last.length > 0) await this.table.transact(last);
    await this.plans.savePlan(applicantId, plan.plan, plan.summary, plan.events);
  }

  private sentMark(applicantId: string, reminderId: string, messageId: string, sentAt: Date): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
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
function claimPut(applicantId: string, reminderId: string, now: Date, staleAfterMs: number, slotAt: Date) {
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
