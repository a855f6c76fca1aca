/**
 * An error as the AWS service would answer it: the exception name, HTTP status and message the
 * SDK turns into its own exception class (ValidationException, ConflictException, ...).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** A request the API reference refuses: counted as a violation by every stand-in. */
export function validation(message: string): ApiError {
  return new ApiError("ValidationException", 400, message);
}

/** Collects what the stand-ins refused or would have refused, for the test to assert none. */
export class Violations {
  readonly list: string[] = [];
  add(service: string, message: string): void {
    this.list.push(`${service}: ${message}`);
  }
}
