/**
 * How long one AWS request may take, the rule every client is built with (DynamoDB's in
 * dynamodb/document-client.ts; SES's, Scheduler's and EventBridge's in client-timing.ts).
 */
export interface RequestTiming {
  /** How long one attempt may wait for its answer (ms). */
  requestTimeout: number;
  /** How long one attempt may wait for its connection (ms). */
  connectionTimeout: number;
  /** Attempts per request, the first included (the SDK's default is 3). */
  maxAttempts: number;
}

/**
 * The SDK's longest wait before retrying a throttled request is this times 2^retry (its standard
 * retry strategy, @smithy/core's Retry.throttlingDelay; after a timeout it waits 100 ms times
 * 2^retry, DynamoDB 25 ms). A throttling answer with a Retry-After header may add up to 5 s: none of
 * the four services is documented to send one, and a service that stops answering sends nothing.
 */
export const THROTTLING_BACKOFF_BASE_MS = 1_000;

/**
 * The longest one request can take before the SDK gives up (ms). An attempt is cut at its
 * requestTimeout counted from its start, the connection's wait included (@smithy/node-http-handler
 * starts both timers with the attempt); between attempts the SDK waits at most a throttled
 * request's backoff.
 */
export function longestRequestMs({ requestTimeout, connectionTimeout, maxAttempts }: RequestTiming): number {
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
 * A client's options for its timing. throwOnRequestTimeout: without it the SDK only logs a warning
 * when the time is up, and the request waits on.
 */
export function timedClientOptions({ requestTimeout, connectionTimeout, maxAttempts }: RequestTiming) {
  return {
    maxAttempts,
    requestHandler: { requestTimeout, connectionTimeout, throwOnRequestTimeout: true },
  };
}
