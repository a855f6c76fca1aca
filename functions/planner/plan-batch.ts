import type { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { describeError } from "#observability/logger.ts";
import { type InvocationBudget, type PlanApplicantsDeps, planApplicants } from "#usecases/plan-applicants.ts";
import { batchItemFailures, groupByApplicant } from "./stream-records.ts";

/**
 * Plans every applicant a stream batch touched, once each, and reports as batchItemFailures the
 * records of applicants that failed and the poisoned records (they are retried, then go to the
 * mapping's on-failure destination; none is dropped). With a `budget` (the handler's), applicants
 * not started before the invocation's reserve are reported too, so the answer comes before the timeout.
 */
export function createPlanBatch(deps: PlanApplicantsDeps, logger: Pick<Logger, "info" | "warn" | "error">) {
  return async (event: DynamoDBStreamEvent, budget?: InvocationBudget): Promise<DynamoDBBatchResponse> => {
    const { byApplicant, poisoned } = groupByApplicant(event.Records ?? []);
    if (poisoned.length > 0) logger.error("stream records name no applicant", { sequenceNumbers: poisoned });
    const failed: string[] = [...poisoned];
    for (const result of await planApplicants(byApplicant.keys(), deps, budget)) {
      if (result.ok) {
        logger.info("planned", { applicantId: result.applicantId, outcome: result.outcome });
        continue;
      }
      logger.error("planning failed", {
        applicantId: result.applicantId,
        error: describeError(result.error),
        cause: result.error,
      });
      failed.push(...(byApplicant.get(result.applicantId) ?? []));
    }
    return { batchItemFailures: batchItemFailures(failed) };
  };
}
