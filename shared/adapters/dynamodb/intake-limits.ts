import { MAX_INTERVIEWS, MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import { LimitExceededError } from "#errors";
import { SK } from "./keys.ts";
import { MAX_TRANSACTION_ACTIONS, type TransactItem } from "./table.ts";

/**
 * Refuses a submission whose writes (the idempotency record and the applicant's intake copy
 * included) would not fit one TransactWriteItems, naming the fields that drive the count.
 */
export function checkActionCount(actions: number): void {
  if (actions > MAX_TRANSACTION_ACTIONS) {
    throw new LimitExceededError(
      `the submission would need ${actions} writes; one atomic write holds ${MAX_TRANSACTION_ACTIONS}`,
      [
        {
          path: "milestones",
          message: `milestones and interviews together change too many items; send at most ${MILESTONE_KEYS.length} milestones`,
        },
        {
          path: "interviews",
          message: `milestones and interviews together change too many items; send at most ${MAX_INTERVIEWS} interviews and cancel past ones first`,
        },
      ],
      422,
    );
  }
}

/** DynamoDB's item size limit (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
export const MAX_ITEM_BYTES = 400 * 1024;
/** The aggregate size limit of one TransactWriteItems request (same page). */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/**
 * Refuses, before writing, what DynamoDB would refuse for size. The JSON length of an item's names
 * and values is an upper bound of DynamoDB's own measure (it counts no quotes or braces), so
 * nothing that passes here is refused there. The body limit (256 KB) keeps every submission far
 * below both today; this holds if a limit moves. Names the field whose item is too large.
 */
export function checkItemSizes(actions: readonly TransactItem[]): void {
  let total = 0;
  for (const action of actions) {
    const content = action.Put?.Item ?? action.Update?.ExpressionAttributeValues ?? action.Delete?.Key ?? {};
    const size = Buffer.byteLength(JSON.stringify(content));
    total += size;
    if (size > MAX_ITEM_BYTES) {
      const sk = String(action.Put?.Item?.sk ?? action.Update?.Key?.sk ?? "");
      throw new LimitExceededError(
        `one item would be ${size} bytes; DynamoDB stores at most ${MAX_ITEM_BYTES}`,
        [
          {
            path: fieldOfSortKey(sk),
            message: `must be smaller: its stored item would exceed ${MAX_ITEM_BYTES} bytes`,
          },
        ],
        413,
      );
    }
  }
  if (total > MAX_TRANSACTION_BYTES) {
    throw new LimitExceededError(
      `the submission would write ${total} bytes; one transaction holds ${MAX_TRANSACTION_BYTES}`,
      [{ path: "(root)", message: `must be smaller: ${MAX_TRANSACTION_BYTES} bytes at most in one write` }],
      413,
    );
  }
}

function fieldOfSortKey(sk: string): string {
  if (sk.startsWith(SK.milestonePrefix)) return `milestones.${sk.slice(SK.milestonePrefix.length)}`;
  if (sk.startsWith(SK.interviewPrefix)) return `interviews.${sk.slice(SK.interviewPrefix.length)}`;
  return sk === SK.profile ? "applicant" : "(root)";
}
