import { TransientError } from "#errors";

/**
 * DynamoDB error names that may pass on retry. Throttling and conflicts are documented as
 * retryable in https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
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

/** Cancellation reason codes of TransactionCanceledException that may pass on retry. */
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
  $retryable?: unknown;
  CancellationReasons?: { Code?: string }[];
}

function asAwsError(error: unknown): AwsLikeError | undefined {
  return typeof error === "object" && error !== null ? (error as AwsLikeError) : undefined;
}

export function errorName(error: unknown): string | undefined {
  return asAwsError(error)?.name;
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return errorName(error) === "ConditionalCheckFailedException";
}

/** The per-action codes of a cancelled transaction, in request order, or undefined for other errors. */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  const aws = asAwsError(error);
  if (aws?.name !== "TransactionCanceledException") return undefined;
  return (aws.CancellationReasons ?? []).map((reason) => reason.Code);
}

/** True for throttling, conflicts, 5xx and network failures: the caller's platform should retry. */
export function isTransient(error: unknown): boolean {
  const aws = asAwsError(error);
  if (aws === undefined) return false;
  if (aws.name !== undefined && TRANSIENT_NAMES.has(aws.name)) return true;
  if (aws.code !== undefined && TRANSIENT_NAMES.has(aws.code)) return true;
  const status = aws.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  const codes = cancellationCodes(error);
  return codes?.some((code) => code !== undefined && TRANSIENT_CANCELLATION_CODES.has(code)) ?? false;
}

/**
 * Runs one DynamoDB request and names its failure: transient failures become TransientError (with
 * the SDK error as cause) so handlers rethrow them and Lambda retries; anything else is rethrown as is.
 */
export async function dynamo<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (isTransient(error)) {
      throw new TransientError(`DynamoDB ${operation} failed transiently: ${errorName(error) ?? "unknown"}`, {
        cause: error,
      });
    }
    throw error;
  }
}
