import type { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { describeError } from "#observability/logger.ts";
import { type InvocationBudget, type PlanApplicantsDeps, planApplicants } from "#usecases/plan-applicants.ts";
import { batchItemFailures, groupByApplicant } from "./stream-records.ts";

/**
 * Plans every applicant a stream batch touched, once each, and reports as batchItemFailures the
 * records of applicants that failed and the poisoned records (they are retried, then go to the
 * mapping's on-failure destination; none is dropped). With a `budget` (the handler's), applicants
 * not started before the invocation's reserve are reported too, so the answer comes before the
 * timeout; nothing failed for them, so they are logged once, as a warning, not as planning failures.
 */
export function createPlanBatch(deps: PlanApplicantsDeps, logger: Pick<Logger, "info" | "warn" | "error">) {
  return async (event: DynamoDBStreamEvent, budget?: InvocationBudget): Promise<DynamoDBBatchResponse> => {
    const { byApplicant, poisoned } = groupByApplicant(event.Records ?? []);
    if (poisoned.length > 0) logger.error("stream records name no applicant", { sequenceNumbers: poisoned });
    const failed: string[] = [...poisoned];
    const notStarted: string[] = [];
    for (const result of await planApplicants(byApplicant.keys(), deps, budget)) {
      if (result.ok) {
        logger.info("planned", { applicantId: result.applicantId, outcome: result.outcome });
        continue;
      }
      failed.push(...(byApplicant.get(result.applicantId) ?? []));
      if ("notStarted" in result) {
        notStarted.push(result.applicantId);
        continue;
      }
      logger.error("planning failed", {
        applicantId: result.applicantId,
        error: describeError(result.error),
        cause: result.error,
      });
    }
    if (notStarted.length > 0) {
      logger.warn("not started: too little of the invocation left; their records go back for the retry", {
        applicantIds: notStarted,
      });
    }
    return { batchItemFailures: batchItemFailures(failed) };
  };
}
