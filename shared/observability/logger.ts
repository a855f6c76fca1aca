import { Logger } from "@aws-lambda-powertools/logger";

/**
 * One structured logger per function. Log only identifiers and outcomes: never an email address,
 * a name, a score or a request body (personal data stays in the table).
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName: `matchpath-${serviceName}` });
}

/** What a log line may say about a failure: its class and message, never its payload. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "NonError", message: String(error) };
}
