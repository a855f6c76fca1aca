import { ApplicantNotFoundError } from "#errors";
import type { ResubscribeOutcome, SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";
import { cancellationCodes } from "./errors.ts";
import { keys, normalizeEmail } from "./keys.ts";
import type { DynamoTable } from "./table.ts";

/**
 * The SUPPRESSION# items, and the unsubscribe mark on the profile.
 *
 * Requests: isSuppressed, suppressionReason and suppressedSince 1 GetItem; suppress 1 conditional PutItem;
 * unsubscribe 1 GetItem + 1 TransactWriteItems (1 PutItem when already unsubscribed); resubscribe
 * 2 GetItem + 1 TransactWriteItems (the 2 reads alone when there is nothing to lift).
 */
export class DynamoSuppressionList implements SuppressionList {
  constructor(private readonly table: DynamoTable) {}

  async isSuppressed(email: string): Promise<boolean> {
    return (await this.table.get(keys.suppression(email))) !== undefined;
  }

  async suppressionReason(email: string, consistent = false): Promise<SuppressionReason | undefined> {
    const item = await this.table.get(keys.suppression(email), { consistent });
    if (item === undefined) return undefined;
    // An item without a known reason is treated as the strictest one: never lifted by a link.
    return item.reason === "unsubscribe" || item.reason === "bounce" ? item.reason : "complaint";
  }

  async suppressedSince(email: string): Promise<string | undefined> {
    const item = await this.table.get(keys.suppression(email));
    return typeof item?.at === "string" ? item.at : undefined;
  }

  async suppress(email: string, reason: SuppressionReason, at: Date): Promise<void> {
    await this.table.putUnlessConditionFails("PutItem(suppression)", {
      Item: {
        ...keys.suppression(email),
        entity: "suppression",
        email: normalizeEmail(email),
        reason,
        at: at.toISOString(),
      },
      // The first reason is kept: a later unsubscribe does not hide an earlier hard bounce.
      ConditionExpression: "attribute_not_exists(pk)",
    });
  }

  async unsubscribe(applicantId: string, at: Date): Promise<void> {
    const profile = await this.table.get(keys.profile(applicantId), { consistent: true });
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
      await this.table.transact([
        {
          Update: {
            TableName: this.table.name,
            Key: keys.profile(applicantId),
            UpdateExpression: "SET unsubscribedAt = :at",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(unsubscribedAt)",
            ExpressionAttributeValues: { ":at": at.toISOString() },
          },
        },
        {
          // An update that creates the item, keeping the first reason and time: an unsubscribe after
          // a bounce or complaint must not turn it into one a "Subscribe again" could lift.
          Update: {
            TableName: this.table.name,
            Key: keys.suppression(profile.email),
            UpdateExpression:
              "SET entity = :entity, email = :email, reason = if_not_exists(reason, :reason), #at = if_not_exists(#at, :at)",
            ExpressionAttributeNames: { "#at": "at" },
            ExpressionAttributeValues: {
              ":entity": "suppression",
              ":email": profile.email,
              ":reason": "unsubscribe",
              ":at": at.toISOString(),
            },
          },
        },
      ]);
    } catch (error) {
      // A concurrent unsubscribe (the one-click POST is often sent twice) already did both writes.
      if (cancellationCodes(error)?.[0] !== "ConditionalCheckFailed") throw error;
    }
  }

  async resubscribe(applicantId: string, at: Date): Promise<ResubscribeOutcome> {
    const profile = await this.table.get(keys.profile(applicantId), { consistent: true });
    if (profile === undefined || typeof profile.email !== "string") {
      throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    }
    const reason = await this.suppressionReason(profile.email, true);
    if (reason === "bounce" || reason === "complaint") return reason;
    if (typeof profile.unsubscribedAt !== "string") return "already-subscribed";
    try {
      await this.table.transact([
        {
          // A profile write: the planner re-plans and arms the next wake-up again.
          Update: {
            TableName: this.table.name,
            Key: keys.profile(applicantId),
            UpdateExpression: "REMOVE unsubscribedAt SET resubscribedAt = :at, updatedAt = :at",
            ConditionExpression: "attribute_exists(unsubscribedAt)",
            ExpressionAttributeValues: { ":at": at.toISOString() },
          },
        },
        {
          Delete: {
            TableName: this.table.name,
            Key: keys.suppression(profile.email),
            // A bounce or complaint that arrived since the read stays.
            ConditionExpression: "attribute_not_exists(pk) OR reason = :unsubscribe",
            ExpressionAttributeValues: { ":unsubscribe": "unsubscribe" },
          },
        },
      ]);
    } catch (error) {
      const codes = cancellationCodes(error);
      // A concurrent "Subscribe again" (a double tap) already did both writes.
      if (codes?.[0] === "ConditionalCheckFailed") return "already-subscribed";
      if (codes?.[1] === "ConditionalCheckFailed") {
        return (await this.suppressionReason(profile.email, true)) === "bounce" ? "bounce" : "complaint";
      }
      throw error;
    }
    return "resubscribed";
  }
}
