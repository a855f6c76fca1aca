/**
 * Whether an AWS SDK error may pass on retry: throttling, quota-per-second and 5xx faults. The SDK
 * already retries these a few times; one that still surfaces is handed to the platform to retry.
 */
export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const meta = error as { $metadata?: { httpStatusCode?: number }; $fault?: string; $retryable?: unknown };
  if (meta.$retryable) return true;
  if (meta.$fault === "server") return true;
  const status = meta.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return /Throttl|TooManyRequests|LimitExceeded|InternalServ|ServiceUnavailable|RequestTimeout/.test(
    error.name,
  );
}
