import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientSettings, clientOptions, type DynamoWaiter } from "#adapters/aws-clients.ts";

interface DynamoTiming {
  /** How long one attempt may wait for its answer (ms). */
  requestTimeout: number;
  /** How long one attempt may wait for its connection (ms). */
  connectionTimeout: number;
  /** Attempts per request, the first included (the SDK's default is 3). */
  maxAttempts: number;
}

/**
 * How long a DynamoDB request may take, by who waits on it. Without a limit a store that stops
 * answering holds the request until the function's timeout (on the local stack, for ever): a
 * webhook sender saw no answer at all where the README promises a 5xx to retry on.
 * - webhook: the http-api function's few-item requests, which DynamoDB answers in milliseconds; a
 *   stopped store fails in about 6 s (3 × 1.5 s plus backoff), inside the function's 10 s and API
 *   Gateway's 29 s.
 * - console: the cohort's index Queries return pages of up to 1 MB, 16 at once; 2 × 3.5 s still ends
 *   inside the console function's 10 s.
 * - background: the planner, reminder, ses-events and sweeper functions (the sweeper's scans, the
 *   digest's loads), which nobody waits on and Lambda retries; a slow page (seconds) is waited for
 *   rather than cut and sent again. Each attempt still ends, 3 × 4 s at most plus backoff inside ses-events'
 *   15 s, so a stopped store fails the invocation (retried by the platform) instead of holding it to
 *   the function's timeout.
 * A write whose answer came too late may have landed: the SDK's retry of a conditional write then
 * meets its own write (table.ts, `landedOnRetry`).
 */
export const DYNAMODB_TIMING: Record<DynamoWaiter, DynamoTiming> = {
  webhook: { requestTimeout: 1_500, connectionTimeout: 1_000, maxAttempts: 3 },
  console: { requestTimeout: 3_500, connectionTimeout: 1_000, maxAttempts: 2 },
  background: { requestTimeout: 3_500, connectionTimeout: 500, maxAttempts: 3 },
};

/**
 * The longest a background request can take before it fails (ms): every attempt's full wait. It must
 * stay under the shortest background function's timeout (ses-events, 15 s in
 * infra/stacks/matchpath-functions.ts), or the function's timeout comes first.
 */
export const BACKGROUND_REQUEST_LONGEST_MS =
  DYNAMODB_TIMING.background.maxAttempts *
  (DYNAMODB_TIMING.background.requestTimeout + DYNAMODB_TIMING.background.connectionTimeout);

/** The DynamoDB document client every store uses: undefined attributes dropped, numbers as numbers. */
export function createDynamoDocumentClient(
  settings: AwsClientSettings,
  waiter: DynamoWaiter,
): DynamoDBDocumentClient {
  const { requestTimeout, connectionTimeout, maxAttempts } = DYNAMODB_TIMING[waiter];
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
