import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientSettings, clientOptions, type MatchpathFunction } from "#adapters/aws-clients.ts";
import {
  FAILURE_REPORT_MS,
  longestRequestMs,
  type RequestTiming,
  timedClientOptions,
} from "#adapters/request-timing.ts";

/** A function nobody waits on (Lambda retries it): a slow page (seconds) is waited for, not cut and sent again. */
const BACKGROUND: RequestTiming = { requestTimeout: 3_500, connectionTimeout: 500, maxAttempts: 3 };

/**
 * How long a DynamoDB request may take, by the function that sends it. Without a limit a store that
 * stops answering holds the request until the function's timeout (on the local stack, for ever): a
 * webhook sender saw no answer at all where the README promises a 5xx to retry on. Each function's
 * worst case for one request (dynamoFailureReserveMs) fits inside its Lambda timeout, so one request
 * to a store already stopped fails and the function still reports it; test/infra/request-timing.test.ts
 * reads the template. It is one request: a webhook's or an applicant's several requests to a store
 * that slows before it stops can outlast the timeout. The SES, Scheduler and EventBridge clients are
 * timed the same way (client-timing.ts), and the worse of the two is the function's reserve
 * (failure-reserve.ts).
 * - http-api: few-item requests, which DynamoDB answers in milliseconds; a webhook sender waits, and
 *   API Gateway gives up at 29 s.
 * - console: the cohort's index Queries return pages of up to 1 MB, 16 at once; an advisor waits.
 * - planner, reminder, sweeper: the sweeper's scans and the digest's loads read whole pages.
 * - ses-events: one lookup and a write or two, no pages, inside its 15 s.
 * A write whose answer came too late may have landed: the SDK's retry of a conditional write then
 * meets its own write (table.ts, `landedOnRetry`).
 */
export const DYNAMODB_TIMING: Record<MatchpathFunction, RequestTiming> = {
  "http-api": { requestTimeout: 1_500, connectionTimeout: 1_000, maxAttempts: 3 },
  console: { requestTimeout: 3_500, connectionTimeout: 1_000, maxAttempts: 2 },
  planner: BACKGROUND,
  reminder: BACKGROUND,
  "ses-events": { requestTimeout: 2_500, connectionTimeout: 500, maxAttempts: 3 },
  sweeper: BACKGROUND,
};

/**
 * How much of its invocation a function must have left when it sends a DynamoDB request for a
 * stopped store's failure still to be reported: the longest request, then the report. One
 * request's worth, not a deadline each request keeps; the function's reserve is the worse of this
 * and its other clients' (failure-reserve.ts), which the planner keeps before each applicant of a
 * batch (its batch of ten would otherwise outlast its timeout against a store already stopped).
 */
export function dynamoFailureReserveMs(fn: MatchpathFunction): number {
  return longestRequestMs(DYNAMODB_TIMING[fn]) + FAILURE_REPORT_MS;
}

/** The DynamoDB document client every store uses: undefined attributes dropped, numbers as numbers. */
export function createDynamoDocumentClient(
  settings: AwsClientSettings,
  fn: MatchpathFunction,
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...clientOptions(settings, settings.endpoints.dynamodb),
    ...timedClientOptions(DYNAMODB_TIMING[fn]),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
