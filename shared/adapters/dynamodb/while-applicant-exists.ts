import { TransientError } from "#errors";
import { cancellationCodes } from "./errors.ts";
import { keys } from "./keys.ts";
import { chunk, type DynamoTable, MAX_TRANSACTION_ACTIONS, type TransactItem } from "./table.ts";

/**
 * Writes into an applicant's partition that hold only while the applicant exists, so that an
 * erase leaves no item of the applicant. The erase (applicant-erasure.ts) deletes the profile
 * first and sweeps the partition after; a writer that read the applicant before the erase and
 * writes after its sweep (the planner's plan, the reminder's claims and sent marks, event copies,
 * the local wake-up) would otherwise leave an item behind. Each such write is one
 * TransactWriteItems whose last action is a ConditionCheck that the profile exists: a write that
 * commits before the profile's delete is found by the sweep; one after it is cancelled whole.
 * A write that only replaces an item the erase deletes by key (a re-plan's PLAN item) may instead
 * be a single write conditioned on that item existing (plan-repository.ts): billed once, not twice.
 *
 * Why a ConditionCheck and not a re-read after the write: the same request count (the per-email
 * figure stays 4), no window between check and write. The price: items written in a transaction
 * are billed twice (2 WRU per KB) and the check bills the profile's size as a transactional write,
 * a few WRU per write group; on demand, cents per thousand applicants a season. The console's audit
 * entries (console-store.ts recordAudit) have used the same check since the erase existed.
 */

/** The ConditionCheck: the applicant's profile still exists. */
export function profileExists(tableName: string, applicantId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.profile(applicantId),
      ConditionExpression: "attribute_exists(pk)",
    },
  };
}

/** The cancellation codes of a cancelled transaction, whether or not it was wrapped as transient. */
export function cancelledCodes(error: unknown): (string | undefined)[] | undefined {
  return cancellationCodes(error instanceof TransientError ? error.cause : error);
}

/** Whether `error` is a transaction cancelled by profileExists as its last action (the applicant is gone). */
export function cancelledAsErased(error: unknown, actions: number): boolean {
  return cancelledCodes(error)?.[actions - 1] === "ConditionalCheckFailed";
}

/**
 * Writes `items` for the applicant, each group of up to 99 in one TransactWriteItems with the
 * profile check. Resolves "written", or "erased" when the applicant no longer exists (nothing of
 * that group or any later one is written). Any other failure is rethrown as is.
 */
export async function transactWhileApplicantExists(
  table: DynamoTable,
  applicantId: string,
  items: readonly TransactItem[],
): Promise<"written" | "erased"> {
  for (const part of chunk(items, MAX_TRANSACTION_ACTIONS - 1)) {
    const actions = [...part, profileExists(table.name, applicantId)];
    try {
      await table.transact(actions);
    } catch (error) {
      if (cancelledAsErased(error, actions.length)) return "erased";
      throw error;
    }
  }
  return "written";
}
