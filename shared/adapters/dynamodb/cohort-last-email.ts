import { gzipSync } from "node:zlib";
import { TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CohortRow, LastEmail } from "#domain/console/cohort-row.ts";
import type { DeliveryOutcome } from "#ports/email-feedback.ts";
import { cancellationCodes, dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
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
 * message with another outcome): an email sent without a plan write, a console resend
 * (the cohort kept the email before it until the next re-plan). SES's report on it then
 * reaches the row through recordLastEmailOutcome.
 *
 * `sentAs` is the ledger entry that recorded the send (REMINDER#`sentAs`). SES's report can mark it
 * after the caller read the ledger and before this write, while recordLastEmailOutcome, finding
 * the row still naming the email before, writes nothing: the row would say "sent" until the next
 * plan, hiding a bounce from the advisor. So the report is read from that entry here, and the row
 * is written in one transaction with a check that the entry still holds that report: a report
 * landing meanwhile cancels the write and the row is read again; one landing after it finds the
 * row naming its message and updates it.
 *
 * Requests: 1 GetItem of the PLAN item, 1 GetItem of the ledger entry, and 1 TransactWriteItems
 * (the row's conditional Update and the entry's ConditionCheck) when the row changes.
 */
export async function recordLastEmail(
  table: DynamoTable,
  applicantId: string,
  lastEmail: LastEmail,
  sentAs: string,
): Promise<boolean> {
  const entryKey = keys.reminder(applicantId, sentAs);
  let email = lastEmail;
  return updateCohortRow(
    table,
    applicantId,
    (row) => {
      const was = row.lastEmail;
      if (
        was !== undefined &&
        (was.sentAt > email.sentAt || (was.messageId === email.messageId && was.outcome === email.outcome))
      )
        return false;
      row.lastEmail = { ...email };
      return true;
    },
    async () => {
      const entry = await table.get(entryKey, { consistent: true, operation: "GetItem(ledger)" });
      const reported =
        entry?.messageId === lastEmail.messageId && typeof entry.delivery === "string"
          ? (entry.delivery as DeliveryOutcome)
          : undefined;
      email = reported === undefined ? lastEmail : { ...lastEmail, outcome: reported };
      return {
        TableName: table.name,
        Key: entryKey,
        ConditionExpression:
          reported === undefined ? "attribute_not_exists(delivery)" : "delivery = :delivery",
        ...(reported === undefined ? {} : { ExpressionAttributeValues: { ":delivery": reported } }),
      };
    },
  );
}

/** A ConditionCheck that must hold when the row is written (the state the change was read from). */
type Guard = NonNullable<NonNullable<TransactWriteCommandInput["TransactItems"]>[number]["ConditionCheck"]>;

/**
 * Reads the stored cohort row, lets `change` edit it (false: nothing to write), writes it back if
 * unchanged meanwhile and, with `guard` (read before `change` on each attempt), if its check holds.
 */
async function updateCohortRow(
  table: DynamoTable,
  applicantId: string,
  change: (row: CohortRow) => boolean,
  guard?: () => Promise<Guard>,
): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = (await table.get(keys.plan(applicantId), { consistent: true, operation: "GetItem(plan)" }))
      ?.cohort;
    // Only the row as planItem stores it (gzipped JSON): one kept in an older form is rewritten
    // by its applicant's next plan.
    if (!(stored instanceof Uint8Array)) return false;
    const row = storedCohortRow(stored);
    if (row === undefined) return false;
    const check = guard === undefined ? undefined : await guard();
    if (!change(row)) return false;
    const update = {
      TableName: table.name,
      Key: keys.plan(applicantId),
      UpdateExpression: "SET cohort = :row",
      ConditionExpression: "cohort = :stored",
      ExpressionAttributeValues: { ":row": gzipSync(JSON.stringify(row)), ":stored": stored },
    };
    try {
      if (check === undefined)
        await dynamoRequest("UpdateItem(plan cohort)", () => table.client.send(new UpdateCommand(update)));
      else
        await dynamoRequest("TransactWriteItems(plan cohort)", () =>
          table.client.send(
            new TransactWriteCommand({ TransactItems: [{ Update: update }, { ConditionCheck: check }] }),
          ),
        );
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error) && !(cancellationCodes(error) ?? []).some(isRetriedCode))
        throw error;
    }
  }
  return false;
}

/** A transaction cancelled by a changed row or ledger entry, or by a write to them in flight, is read again. */
function isRetriedCode(code: string | undefined): boolean {
  return code === "ConditionalCheckFailed" || code === "TransactionConflict";
}
