import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Preferences } from "#domain/preferences.ts";
import { ApplicantNotFoundError } from "#errors";
import type { ApplicantSettings } from "#ports/applicants.ts";
import { dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { keys } from "./keys.ts";
import type { DynamoTable } from "./table.ts";

/**
 * What the applicant sets from their own pages, kept on the PROFILE item: `preferences` and
 * `feedGeneration`. A re-snapshot from an intake form leaves both alone (it updates the applicant
 * fields only). Being profile writes, both reach the planner through the stream, so a new delivery
 * time re-arms the next wake-up.
 *
 * Requests: savePreferences 1 conditional UpdateItem; revokeFeed 1 conditional UpdateItem (keyed by
 * the request, so a repeat writes nothing), and 1 GetItem when the SDK's retry of it was refused.
 */
export class DynamoApplicantSettings implements ApplicantSettings {
  constructor(private readonly table: DynamoTable) {}

  async savePreferences(applicantId: string, preferences: Preferences, at: Date): Promise<void> {
    await this.update(applicantId, "UpdateItem(preferences)", "SET preferences = :p, updatedAt = :at", {
      ":p": preferences,
      ":at": at.toISOString(),
    });
  }

  async revokeFeed(applicantId: string, at: Date, requestKey?: string): Promise<number | undefined> {
    if (requestKey === undefined) {
      const attributes = await this.update(
        applicantId,
        "UpdateItem(feedGeneration)",
        "ADD feedGeneration :one SET updatedAt = :at",
        { ":one": 1, ":at": at.toISOString() },
      );
      return Number(attributes?.feedGeneration ?? 0);
    }
    try {
      const result = await dynamoRequest("UpdateItem(feedGeneration)", () =>
        this.table.client.send(
          new UpdateCommand({
            TableName: this.table.name,
            Key: keys.profile(applicantId),
            UpdateExpression: "ADD feedGeneration :one SET updatedAt = :at, feedRotatedBy = :key",
            ConditionExpression:
              "attribute_exists(pk) AND (attribute_not_exists(feedRotatedBy) OR feedRotatedBy <> :key)",
            ExpressionAttributeValues: { ":one": 1, ":at": at.toISOString(), ":key": requestKey },
            ReturnValues: "UPDATED_NEW",
          }),
        ),
      );
      return Number(result.Attributes?.feedGeneration ?? 0);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      // Refused on the SDK's retry with the profile carrying this request's key: the rotation is
      // this request's own, answered late. Telling "unchanged" then would leave the applicant with
      // the old address, which no longer works, and no new one.
      let rotated: number | undefined;
      const own = await this.table.landedOnRetry(error, keys.profile(applicantId), (stored) => {
        rotated = Number(stored?.feedGeneration ?? 0);
        return stored?.feedRotatedBy === requestKey;
      });
      // Otherwise refused: this request already rotated, or the applicant is gone (the caller reloads to tell).
      return own ? rotated : undefined;
    }
  }

  private async update(
    applicantId: string,
    operation: string,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      const result = await dynamoRequest(operation, () =>
        this.table.client.send(
          new UpdateCommand({
            TableName: this.table.name,
            Key: keys.profile(applicantId),
            UpdateExpression: expression,
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: values,
            ReturnValues: "UPDATED_NEW",
          }),
        ),
      );
      return result.Attributes;
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
      throw error;
    }
  }
}
