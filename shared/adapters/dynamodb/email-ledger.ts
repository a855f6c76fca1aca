import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DeliveryOutcome, EmailLedger } from "#ports/email-feedback.ts";
import { dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { keys, SK } from "./keys.ts";
import { DynamoTable, type DynamoTableOptions } from "./table.ts";

export type DynamoEmailLedgerOptions = DynamoTableOptions;

/**
 * Delivery feedback on the reminder ledger (REMINDER# items carry the SES message id they went
 * out in), and the EMAIL# lookup for events that carry no applicant tag.
 *
 * Requests: applicantIdForEmail 1 GetItem; recordDeliveryOutcome 1 Query (the applicant's
 * REMINDER# items) + 1 conditional UpdateItem per entry of that message. Ledger writes never
 * reach the planner (stream filter), so feedback cannot trigger a re-plan.
 */
export class DynamoEmailLedger implements EmailLedger {
  private readonly table: DynamoTable;

  constructor(options: DynamoEmailLedgerOptions) {
    this.table = new DynamoTable(options);
  }

  async applicantIdForEmail(email: string): Promise<string | undefined> {
    const result = await dynamoRequest("GetItem(email)", () =>
      this.table.client.send(new GetCommand({ TableName: this.table.name, Key: keys.emailLookup(email) })),
    );
    const applicantId = result.Item?.applicantId;
    return typeof applicantId === "string" ? applicantId : undefined;
  }

  async recordDeliveryOutcome(
    applicantId: string,
    messageId: string,
    outcome: DeliveryOutcome,
    at: Date,
  ): Promise<number> {
    const sortKeys: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamoRequest("Query(ledger)", () =>
        this.table.client.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :reminder)",
            FilterExpression: "messageId = :messageId",
            ExpressionAttributeValues: {
              ":pk": keys.applicantPk(applicantId),
              ":reminder": SK.reminderPrefix,
              ":messageId": messageId,
            },
            ProjectionExpression: "sk",
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) if (typeof item.sk === "string") sortKeys.push(item.sk);
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);

    let marked = 0;
    for (const sk of sortKeys) {
      try {
        await dynamoRequest("UpdateItem(ledger delivery)", () =>
          this.table.client.send(
            new UpdateCommand({
              TableName: this.table.name,
              Key: { pk: keys.applicantPk(applicantId), sk },
              UpdateExpression: "SET delivery = :outcome, deliveryAt = :at",
              // Only the entry still recording that message: a later re-send is not marked.
              ConditionExpression: "messageId = :messageId",
              ExpressionAttributeValues: {
                ":outcome": outcome,
                ":at": at.toISOString(),
                ":messageId": messageId,
              },
            }),
          ),
        );
        marked++;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    return marked;
  }
}
