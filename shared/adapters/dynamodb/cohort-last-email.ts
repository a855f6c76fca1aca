import { gzipSync } from "node:zlib";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CohortRow, LastEmail } from "#domain/console/cohort-row.ts";
import type { DeliveryOutcome } from "#ports/email-feedback.ts";
import { dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { keys } from "./keys.ts";
import { storedCohortRow } from "./plan-repository.ts";
import type { DynamoTable } from "./table.ts";

/** A planner storing the plan meanwhile rewrites the row; each attempt re-reads it. */
const ATTEMPTS = 3;

/**
 * Puts SES's report about message `messageId` into the applicant's cohort row (the PLAN item's
 * `cohort` row (gzipped JSON, see planItem), read by the console through GSI2) when that message is the row's last email.
 * The planner derives the row from the ledger each time it stores a plan (planning.ts, lastEmailOf),
 * but feedback arrives after the send and never re-plans (stream filter), so without this the
 * cohort would say "sent" until the next plan. The caller has marked the ledger first, so a plan
 * stored after this read carries the outcome too; a plan stored between the read and the write
 * fails the write's condition (`cohort` unchanged) and the row is read again.
 *
 * Requests: 1 GetItem of the PLAN item, and 1 conditional UpdateItem when the row names that
 * message with another outcome (billed by the whole PLAN item's size, about 3-5 KB). A PLAN
 * item is not in the planner's stream filter, so this never wakes the planner.
 */
export async function recordLastEmailOutcome(
  table: DynamoTable,
  applicantId: string,
  messageId: string,
  outcome: DeliveryOutcome,
): Promise<boolean> {
  return updateCohortRow(table, applicantId, (row) => {
    if (row.lastEmail?.messageId !== messageId || row.lastEmail.outcome === outcome) return false;
    row.lastEmail.outcome = outcome;
    return true;
  });
}

/**
 * Puts `lastEmail` into the applicant's cohort row when it is later than the row's (or the same
 * message with another outcome): an email sent without a plan write, a console resend (tester s11
 * issue 15e B2: the cohort kept the email before it until the next re-plan). SES's report on it then
 * reaches the row through recordLastEmailOutcome. Requests as recordLastEmailOutcome's.
 */
export async function recordLastEmail(
  table: DynamoTable,
  applicantId: string,
  lastEmail: LastEmail,
): Promise<boolean> {
  return updateCohortRow(table, applicantId, (row) => {
    const was = row.lastEmail;
    if (
      was !== undefined &&
      (was.sentAt > lastEmail.sentAt ||
        (was.messageId === lastEmail.messageId && was.outcome === lastEmail.outcome))
    )
      return false;
    row.lastEmail = { ...lastEmail };
    return true;
  });
}

/** Reads the stored cohort row, lets `change` edit it (false: nothing to write), writes it back if unchanged meanwhile. */
async function updateCohortRow(
  table: DynamoTable,
  applicantId: string,
  change: (row: CohortRow) => boolean,
): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = (await table.get(keys.plan(applicantId), { consistent: true, operation: "GetItem(plan)" }))
      ?.cohort;
    // Only the row as planItem stores it (gzipped JSON): one kept in an older form is rewritten
    // by its applicant's next plan.
    if (!(stored instanceof Uint8Array)) return false;
    const row = storedCohortRow(stored);
    if (row === undefined || !change(row)) return false;
    try {
      await dynamoRequest("UpdateItem(plan cohort)", () =>
        table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.plan(applicantId),
            UpdateExpression: "SET cohort = :row",
            ConditionExpression: "cohort = :stored",
            ExpressionAttributeValues: { ":row": gzipSync(JSON.stringify(row)), ":stored": stored },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return false;
}
