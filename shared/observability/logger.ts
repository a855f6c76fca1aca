import { createHash } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";

/**
 * One structured logger per function. Log only identifiers and outcomes: never an email address,
 * a name, a score or a request body (personal data stays in the table). As a last guard, any email
 * address inside a logged string (an AWS error message quoting a recipient, say) is replaced by its
 * fingerprint, at every level.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName: `matchpath-${serviceName}`, jsonReplacerFn: redactingReplacer });
}

/** Something shaped like an address (RFC 5322's common form; false positives only cost a hash). */
const EMAIL_ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The text with every email address in it replaced by that address's fingerprint. */
export function redactEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, (address) => fingerprint(address.toLowerCase()));
}

function redactingReplacer(_key: string, value: unknown): unknown {
  return typeof value === "string" ? redactEmailAddresses(value) : value;
}

/** What a log line may say about a failure: its class and message, never its payload. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "NonError", message: String(error) };
}

/**
 * What a log line may carry in place of personal data (an email address, an id the applicant or
 * an operator typed): `h_` and 12 hex characters of its SHA-256. The same value always gives the
 * same fingerprint, so an operator holding the address can find its lines; the logs alone cannot
 * give it back.
 */
export function fingerprint(value: string): string {
  return `h_${createHash("sha256").update(value, "utf8").digest("hex").slice(0, 12)}`;
}
