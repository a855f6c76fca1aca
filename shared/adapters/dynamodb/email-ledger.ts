import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type DeliveryOutcome, type EmailLedger, OUTCOME_RANK } from "#ports/email-feedback.ts";
import { recordLastEmailOutcome } from "./cohort-last-email.ts";
import { dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { keys, SK } from "./keys.ts";
import { DynamoTable, type DynamoTableOptions, queryAll } from "./table.ts";

export type DynamoEmailLedgerOptions = DynamoTableOptions;

/**
 * Delivery feedback on the reminder ledger (REMINDER# items carry the SES message id they went
 * out in), and the EMAIL# lookup for events that carry no applicant tag.
 *
 * Requests: applicantIdForEmail 1 GetItem; recordDeliveryOutcome 1 Query (the applicant's
 * REMINDER# items) + 1 conditional UpdateItem per entry of that message, then the cohort row
 * (cohort-last-email.ts) when an entry was marked. Ledger writes never reach the planner (stream
 * filter), so feedback cannot trigger a re-plan.
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
    const sent = await queryAll(this.table.client, "Query(ledger)", {
      TableName: this.table.name,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :reminder)",
      FilterExpression: "messageId = :messageId",
      ExpressionAttributeValues: {
        ":pk": keys.applicantPk(applicantId),
        ":reminder": SK.reminderPrefix,
        ":messageId": messageId,
      },
      ProjectionExpression: "sk",
    });
    for (const item of sent) if (typeof item.sk === "string") sortKeys.push(item.sk);

    const precedence = yieldsTo(outcome);
    let marked = 0;
    for (const sk of sortKeys) {
      try {
        await dynamoRequest("UpdateItem(ledger delivery)", () =>
          this.table.client.send(
            new UpdateCommand({
              TableName: this.table.name,
              Key: { pk: keys.applicantPk(applicantId), sk },
              UpdateExpression: "SET delivery = :outcome, deliveryAt = :at",
              // Only the entry still recording that message (a later re-send is not marked), and
              // only when no outcome that wins is there already (OUTCOME_RANK: events come in any order).
              ConditionExpression: `messageId = :messageId AND ${precedence.condition}`,
              ExpressionAttributeValues: {
                ":outcome": outcome,
                ":at": at.toISOString(),
                ":messageId": messageId,
                ...precedence.values,
              },
            }),
          ),
        );
        marked++;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    if (marked > 0) await recordLastEmailOutcome(this.table, applicantId, messageId, outcome);
    return marked;
  }
}

/**
 * The condition under which `outcome` replaces what an entry holds: nothing yet, an outcome of a
 * lower rank, or one of the same rank that happened no later (`deliveryAt`; the same event again
 * rewrites the same values, so a redelivered event is harmless).
 */
function yieldsTo(outcome: DeliveryOutcome): { condition: string; values: Record<string, string> } {
  const rank = OUTCOME_RANK[outcome];
  const all = Object.entries(OUTCOME_RANK) as [DeliveryOutcome, number][];
  const values: Record<string, string> = {};
  const list = (outcomes: DeliveryOutcome[], prefix: string) =>
    outcomes
      .map((name, index) => {
        values[`:${prefix}${index}`] = name;
        return `:${prefix}${index}`;
      })
      .join(", ");
  const lower = all.filter(([, other]) => other < rank).map(([name]) => name);
  const same = all.filter(([, other]) => other === rank).map(([name]) => name);
  const clauses = [
    "attribute_not_exists(delivery)",
    `(delivery IN (${list(same, "same")}) AND deliveryAt <= :at)`,
  ];
  if (lower.length > 0) clauses.push(`delivery IN (${list(lower, "lower")})`);
  return { condition: `(${clauses.join(" OR ")})`, values };
}
