import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { TransientError } from "#errors";

interface AwsLikeError {
  name?: string;
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
