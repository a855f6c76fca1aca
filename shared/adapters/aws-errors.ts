/**
 * Error names that may pass on retry: throttling, conflicts, service faults and network failures
 * (DynamoDB documents its retryable ones in
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
 */
const TRANSIENT_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TransactionConflictException",
  "TransactionInProgressException",
  "LimitExceededException",
  "TimeoutError",
  "ECONNRESET",
  "ECONNREFUSED",
]);

/** Cancellation reason codes of a DynamoDB TransactionCanceledException that may pass on retry. */
const TRANSIENT_CANCELLATION_CODES = new Set([
  "ThrottlingError",
  "ProvisionedThroughputExceeded",
  "TransactionConflict",
  "RequestLimitExceeded",
]);

interface AwsLikeError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
  $retryable?: unknown;
  CancellationReasons?: { Code?: string }[];
}

/**
 * Whether an AWS SDK error may pass on retry: throttling, quota-per-second, conflicts, 5xx faults and
 * network failures, for every service. The SDK already retries these a few times; one that still
 * surfaces is handed to the platform to retry. The one classifier of the adapters.
 */
export function isTransientAwsError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const aws = error as AwsLikeError;
  if (aws.$retryable) return true;
  if (aws.$fault === "server") return true;
  const status = aws.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  if (aws.name !== undefined && TRANSIENT_NAMES.has(aws.name)) return true;
  if (aws.code !== undefined && TRANSIENT_NAMES.has(aws.code)) return true;
  if (
    aws.name !== undefined &&
    /Throttl|TooManyRequests|LimitExceeded|InternalServ|ServiceUnavailable|RequestTimeout/.test(aws.name)
  )
    return true;
  if (aws.name !== "TransactionCanceledException") return false;
  return (aws.CancellationReasons ?? []).some(
    (reason) => reason.Code !== undefined && TRANSIENT_CANCELLATION_CODES.has(reason.Code),
  );
}
