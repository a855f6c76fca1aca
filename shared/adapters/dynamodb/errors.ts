import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { TransientError } from "#errors";

interface AwsLikeError {
  name?: string;
  CancellationReasons?: { Code?: string }[];
  $metadata?: { attempts?: number };
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

/**
 * A conditional write refused on the SDK's second or later attempt: an earlier attempt was sent and
 * its answer lost (a timeout, a reset connection, a 5xx after the write), so the write it retries
 * may have landed, and the condition may have failed on that very write. The SDK counts the
 * attempts on the error it throws ($metadata.attempts); a first-attempt refusal is a real one.
 */
export function isConditionFailedOnRetry(error: unknown): boolean {
  return isConditionalCheckFailed(error) && (asAwsError(error)?.$metadata?.attempts ?? 1) > 1;
}

/** The per-action codes of a cancelled transaction, in request order, or undefined for other errors. */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  const aws = asAwsError(error);
  if (aws?.name !== "TransactionCanceledException") return undefined;
  return (aws.CancellationReasons ?? []).map((reason) => reason.Code);
}

/**
 * Runs one DynamoDB request and names its failure: transient failures become TransientError (with
 * the SDK error as cause) so handlers rethrow them and Lambda retries; anything else is rethrown as is.
 */
export async function dynamoRequest<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (isTransientAwsError(error)) {
      throw new TransientError(`DynamoDB ${operation} failed transiently: ${errorName(error) ?? "unknown"}`, {
        cause: error,
      });
    }
    throw error;
  }
}
