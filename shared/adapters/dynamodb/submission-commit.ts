import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Submission } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, ConcurrentChangeError, TransientError } from "#errors";
import type { IntakeResult, IntakeSource } from "#ports/intake-store.ts";
import { isChildWrite } from "./child-writes.ts";
import { cancellationCodes } from "./errors.ts";
import { checkActionCount, checkItemSizes } from "./intake-limits.ts";
import { keys } from "./keys.ts";
import type { DynamoTable, Item, TransactItem } from "./table.ts";
import { TTL_ATTRIBUTE } from "./table-design.ts";

/**
 * Writes the idempotency record and the changed items in one TransactWriteItems. The record's
 * condition (attribute_not_exists) makes a redelivered submission cancel the whole transaction:
 * DynamoDB then reports ConditionalCheckFailed for that action in CancellationReasons, in request
 * order, and with ReturnValuesOnConditionCheckFailure=ALL_OLD the stored record itself
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
 * A milestone or interview changed since it was read (childWrite's condition), or a concurrent
 * transaction on the same items, throws ConcurrentChangeError: nothing written, no record kept.
 */
export async function commitSubmission(
  table: DynamoTable,
  /** How long the idempotency record lives (IDEMPOTENCY_TTL_DAYS by default). */
  ttlDays: number,
  applicantId: string,
  outcome: IntakeResult["outcome"],
  writes: TransactItem[],
  type: Submission["type"],
  source: IntakeSource,
  receivedAt: Date,
  /** Checked last in the same transaction: the applicant still exists (milestone updates). */
  profileExists?: TransactItem,
): Promise<IntakeResult> {
  const submissionKey = keys.submission(source.provider, source.submissionId);
  // What the submission record and the applicant's intake copy both say about the submission.
  const recorded = {
    applicantId,
    provider: source.provider,
    submissionId: source.submissionId,
    type,
    outcome,
    receivedAt: receivedAt.toISOString(),
  };
  const idempotency: TransactItem = {
    Put: {
      TableName: table.name,
      Item: {
        ...submissionKey,
        entity: "submission",
        ...recorded,
        [TTL_ATTRIBUTE]: Math.floor(receivedAt.getTime() / 1000) + ttlDays * 86_400,
      },
      ConditionExpression: "attribute_not_exists(pk)",
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    },
  };

  // The applicant's own copy, committed with the record: the console lists it, an erase finds the
  // record by it. One action more than before: the snapshot's worst case (MAX_INTERVIEWS) is 98.
  const intakeCopy: TransactItem = {
    Put: {
      TableName: table.name,
      Item: {
        ...keys.intake(applicantId, receivedAt.toISOString(), source.provider, source.submissionId),
        entity: "intake",
        ...recorded,
      },
    },
  };
  // One transaction, always: it commits whole or not at all. The snapshot contract's limits keep
  // every submission within it (snapshot.ts, MAX_INTERVIEWS); what still does not fit (interviews
  // stored before those limits) is refused before anything is written, never split.
  const guards = profileExists === undefined ? [] : [profileExists];
  checkActionCount(writes.length + 2 + guards.length);
  const itemWrites = [...writes, intakeCopy];
  checkItemSizes([idempotency, ...itemWrites]);
  try {
    await table.transact([idempotency, ...itemWrites, ...guards]);
    return { applicantId, outcome };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === "ConditionalCheckFailed") {
      const reason = (error as { CancellationReasons?: { Item?: Record<string, never> }[] })
        .CancellationReasons?.[0];
      const stored =
        reason?.Item !== undefined
          ? unmarshall(reason.Item)
          : await table.get(submissionKey, { consistent: true });
      return duplicateOf(stored, applicantId);
    }
    if (guards.length > 0 && codes?.at(-1) === "ConditionalCheckFailed") {
      throw new ApplicantNotFoundError(`No applicant ${applicantId} (erased meanwhile)`, { cause: error });
    }
    // writes[i] is the transaction's action i + 1 (the idempotency record is action 0).
    if (writes.some((write, i) => isChildWrite(write) && codes?.[i + 1] === "ConditionalCheckFailed")) {
      throw new ConcurrentChangeError("A milestone or interview changed since it was read", {
        cause: error,
      });
    }
    if (error instanceof TransientError && cancellationCodes(error.cause)?.includes("TransactionConflict")) {
      throw new ConcurrentChangeError("A concurrent write touched the same items", { cause: error });
    }
    if (codes?.some((code) => code === "ConditionalCheckFailed")) {
      // Only the old-email guard can fail here: its address was just taken over. Retrying re-reads it.
      throw new TransientError("Email lookup changed during the write; retry", { cause: error });
    }
    throw error;
  }
}

function duplicateOf(stored: Item | undefined, fallbackApplicantId: string): IntakeResult {
  const applicantId = typeof stored?.applicantId === "string" ? stored.applicantId : fallbackApplicantId;
  return { applicantId, outcome: "duplicate" };
}
