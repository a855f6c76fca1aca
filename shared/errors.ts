import type * as z from "zod/v4/core";
import { safeParse } from "zod/v4/core";
import { type FieldProblem, fieldProblems } from "#domain/field-problems.ts";

/**
 * The named failures of Matchpath. `retriable` decides what the platform does: a retriable error is
 * rethrown so Lambda retries; a permanent one is reported (HTTP 4xx, or the dead-letter queue).
 */
export abstract class MatchpathError extends Error {
  abstract readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A failure no retry can repair (Inngest's NonRetriableError): reported to the sender (HTTP 4xx)
 * or parked in the dead-letter queue for a person, never retried.
 */
export abstract class PermanentError extends MatchpathError {
  readonly retriable = false;
}

/** Input that can never succeed as it is: names each field that is wrong. */
export class InvalidInputError extends PermanentError {
  constructor(
    message: string,
    readonly problems: FieldProblem[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Well-formed input that conflicts with what was recorded before (a save id reused with other changes): 409. */
export class ConflictError extends InvalidInputError {}

/**
 * Input over one of Matchpath's documented limits (README "Limits"): 413 when the whole request is
 * too large, 422 when a field holds more than a submission may (too many interviews, nested too
 * deep). Names the field, like any invalid input.
 */
export class LimitExceededError extends InvalidInputError {
  constructor(
    message: string,
    problems: FieldProblem[],
    readonly status: 413 | 422,
    options?: { cause?: unknown },
  ) {
    super(message, problems, options);
  }
}

/**
 * Validates `value` with `schema` at the edge, or throws InvalidInputError naming every wrong field
 * (not retriable: no retry can repair it, so an event ends in its failure destination and an HTTP
 * request gets a 4xx). The one parse-or-throw of the handlers and use cases.
 */
export function parseOrThrow<Schema extends z.$ZodType>(
  schema: Schema,
  value: unknown,
  message: string,
): z.output<Schema> {
  // The core parse reads classic and mini schemas alike (the cold-start ones are mini: env-pieces.ts).
  const parsed = safeParse(schema, value);
  if (!parsed.success)
    throw new InvalidInputError(message, fieldProblems(parsed.error), { cause: parsed.error });
  return parsed.data;
}

export class ApplicantNotFoundError extends PermanentError {}

export class SignatureError extends PermanentError {}

/** A dependency failed in a way that may pass (throttling, timeouts). */
export class TransientError extends MatchpathError {
  readonly retriable = true;
}

/**
 * The mail provider refused the message for a reason a retry cannot fix (SES: MessageRejected,
 * sending paused, account suspended, unverified sender, bad request). Not retriable: the
 * applicant's reminder releases its claims and fails to the dead-letter destination for a person to
 * look at; an escalation is recorded in the ledger as not sent, with why, and reported (escalate).
 * A Mailer throws it (the port's contract), so use cases can tell it from a transient failure.
 */
export class EmailRejectedError extends PermanentError {}

/**
 * An item changed between the read a write was decided on and the write (a conditional write lost a
 * race, or DynamoDB cancelled the transaction for a concurrent one): nothing was written. Re-read and
 * decide again; left unhandled it is retriable like any TransientError (503, the sender retries).
 */
export class ConcurrentChangeError extends TransientError {}

/** Configuration missing or invalid at cold start. */
export class ConfigError extends PermanentError {}

/** No valid sign-in token: the console answers 401 and names no reason beyond that. */
export class UnauthorizedError extends PermanentError {}

/** Signed in, but this applicant (or action) is not theirs: 403. */
export class ForbiddenError extends PermanentError {}
