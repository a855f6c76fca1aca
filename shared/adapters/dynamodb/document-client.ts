import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientSettings, clientOptions, type MatchpathFunction } from "#adapters/aws-clients.ts";

interface DynamoTiming {
  /** How long one attempt may wait for its answer (ms). */
  requestTimeout: number;
  /** How long one attempt may wait for its connection (ms). */
  connectionTimeout: number;
  /** Attempts per request, the first included (the SDK's default is 3). */
  maxAttempts: number;
}

/** A function nobody waits on (Lambda retries it): a slow page (seconds) is waited for, not cut and sent again. */
const BACKGROUND: DynamoTiming = { requestTimeout: 3_500, connectionTimeout: 500, maxAttempts: 3 };

/**
 * How long a DynamoDB request may take, by the function that sends it. Without a limit a store that
 * stops answering holds the request until the function's timeout (on the local stack, for ever): a
 * webhook sender saw no answer at all where the README promises a 5xx to retry on. Each function's
 * worst case for one request (dynamoFailureReserveMs) fits inside its Lambda timeout, so one request
 * to a store already stopped fails and the function still reports it; test/infra/dynamodb-timing.test.ts
 * reads the template. It is one request: a webhook's or an applicant's several requests to a store
 * that slows before it stops can outlast the timeout, and the EventBridge, Scheduler and SES clients
 * have no request timeout yet.
 * - http-api: few-item requests, which DynamoDB answers in milliseconds; a webhook sender waits, and
 *   API Gateway gives up at 29 s.
 * - console: the cohort's index Queries return pages of up to 1 MB, 16 at once; an advisor waits.
 * - planner, reminder, sweeper: the sweeper's scans and the digest's loads read whole pages.
 * - ses-events: one lookup and a write or two, no pages, inside its 15 s.
 * A write whose answer came too late may have landed: the SDK's retry of a conditional write then
 * meets its own write (table.ts, `landedOnRetry`).
 */
export const DYNAMODB_TIMING: Record<MatchpathFunction, DynamoTiming> = {
  "http-api": { requestTimeout: 1_500, connectionTimeout: 1_000, maxAttempts: 3 },
  console: { requestTimeout: 3_500, connectionTimeout: 1_000, maxAttempts: 2 },
  planner: BACKGROUND,
  reminder: BACKGROUND,
  "ses-events": { requestTimeout: 2_500, connectionTimeout: 500, maxAttempts: 3 },
  sweeper: BACKGROUND,
};

/**
 * The SDK's longest wait before retrying a throttled request is this times 2^retry (its standard
 * retry strategy, @smithy/core's Retry.throttlingDelay; after a timeout DynamoDB's is 25 ms times
 * 2^retry). DynamoDB's throttling answers carry no Retry-After header, which would add up to 5 s.
 */
export const THROTTLING_BACKOFF_BASE_MS = 1_000;

/**
 * The longest one DynamoDB request can take before the SDK gives up (ms). An attempt is cut at its
 * requestTimeout counted from its start, the connection's wait included (@smithy/node-http-handler
 * starts both timers with the attempt); between attempts the SDK waits at most a throttled
 * request's backoff.
 */
export function longestRequestMs({ requestTimeout, connectionTimeout, maxAttempts }: DynamoTiming): number {
  let backoff = 0;
  for (let retry = 0; retry < maxAttempts - 1; retry++) backoff += THROTTLING_BACKOFF_BASE_MS * 2 ** retry;
  return maxAttempts * Math.max(requestTimeout, connectionTimeout) + backoff;
}

/**
 * What a function keeps, once a request has failed, to report the failure before its timeout: log it
 * and answer the webhook's 5xx, the planner's partial batch response, or the error that sends an
 * asynchronous event to its retry and dead-letter queue.
 */
export const FAILURE_REPORT_MS = 2_000;

/**
 * How much of its invocation a function must have left when it sends a DynamoDB request for a
 * stopped store's failure still to be reported: the longest request, then the report. Every
 * function's Lambda timeout is at least this; the planner starts no further applicant of a batch
 * with no more left (its batch of ten would otherwise outlast its timeout against a store already
 * stopped). One request's worth, not a deadline each request keeps.
 */
export function dynamoFailureReserveMs(fn: MatchpathFunction): number {
  return longestRequestMs(DYNAMODB_TIMING[fn]) + FAILURE_REPORT_MS;
}

/** The DynamoDB document client every store uses: undefined attributes dropped, numbers as numbers. */
export function createDynamoDocumentClient(
  settings: AwsClientSettings,
  fn: MatchpathFunction,
): DynamoDBDocumentClient {
  const { requestTimeout, connectionTimeout, maxAttempts } = DYNAMODB_TIMING[fn];
  const client = new DynamoDBClient({
    ...clientOptions(settings, settings.endpoints.dynamodb),
    maxAttempts,
    // throwOnRequestTimeout: without it the SDK only logs a warning when the time is up.
    requestHandler: { requestTimeout, connectionTimeout, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
