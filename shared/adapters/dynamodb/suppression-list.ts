import { ApplicantNotFoundError } from "#errors";
import type { SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";
import { cancellationCodes } from "./errors.ts";
import { keys, normalizeEmail } from "./keys.ts";
import type { DynamoTable } from "./table.ts";

/**
 * The SUPPRESSION# items, and the unsubscribe mark on the profile.
 *
 * Requests: isSuppressed 1 GetItem; suppress 1 conditional PutItem; unsubscribe 1 GetItem +
 * 1 TransactWriteItems (1 PutItem when already unsubscribed).
 */
export class DynamoSuppressionList implements SuppressionList {
  constructor(private readonly table: DynamoTable) {}

  async isSuppressed(email: string): Promise<boolean> {
    return (await this.table.get(keys.suppression(email))) !== undefined;
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
          Put: {
            TableName: this.table.name,
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
}
