import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { FieldProblem } from "#domain/field-problems.ts";
import {
  ApplicantNotFoundError,
  ConflictError,
  InvalidInputError,
  LimitExceededError,
  SignatureError,
} from "#errors";

/**
 * RFC 9457 problem details (https://www.rfc-editor.org/rfc/rfc9457): the body of every error
 * response, `application/problem+json`. `type` is a stable URN for Matchpath's own problems and
 * "about:blank" where the HTTP status says it all (then `title` is the status phrase).
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The failing fields, located by their JSON path as zod reports them. */
  errors?: FieldProblem[];
}

/** An HTTP-edge failure that already knows its problem (404, 405, 413, 415, ...). */
export class HttpProblem extends Error {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = "HttpProblem";
  }
}

export const PROBLEM_TYPES = {
  invalidInput: "urn:matchpath:problem:invalid-input",
  invalidSignature: "urn:matchpath:problem:invalid-signature",
  limitExceeded: "urn:matchpath:problem:limit-exceeded",
  /** The request conflicts with what was recorded before (a what-if save id reused with other changes). */
  conflict: "urn:matchpath:problem:conflict",
  unknownApplicant: "urn:matchpath:problem:unknown-applicant",
  /** A form provider's delivery for a form no mapping connects (functions/http-api/form-routes.ts). */
  unknownForm: "urn:matchpath:problem:unknown-form",
} as const;

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
};

export function blankProblem(status: number, detail: string): ProblemDetails {
  return { type: "about:blank", title: STATUS_TITLES[status] ?? "Error", status, detail };
}

export function problemResponse(
  problem: ProblemDetails,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
    body: JSON.stringify(problem),
  };
}

/**
 * Maps any failure to a problem response. Only named, client-facing errors say what went wrong;
 * anything else is a 500 whose body reveals nothing (the caller logs the error).
 */
export function problemFor(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpProblem) return problemResponse(error.problem, error.headers);
  if (error instanceof LimitExceededError) {
    return problemResponse({
      type: PROBLEM_TYPES.limitExceeded,
      title: "Over a documented limit",
      status: error.status,
      detail: error.message,
      errors: error.problems,
    });
  }
  if (error instanceof ConflictError) {
    return problemResponse({
      type: PROBLEM_TYPES.conflict,
      title: "Conflict",
      status: 409,
      detail: error.message,
      errors: error.problems,
    });
  }
  if (error instanceof InvalidInputError) {
    return problemResponse({
      type: PROBLEM_TYPES.invalidInput,
      title: "Invalid input",
      status: 400,
      detail: error.message,
      errors: error.problems,
    });
  }
  if (error instanceof SignatureError) {
    return problemResponse({
      type: PROBLEM_TYPES.invalidSignature,
      title: "Invalid webhook signature",
      status: 401,
      detail: error.message,
    });
  }
  if (error instanceof ApplicantNotFoundError) {
    // 422, not 404: the route exists and the body is well-formed but names nobody we know; webhook
    // senders read 404 as "endpoint gone" and some stop delivering.
    return problemResponse({
      type: PROBLEM_TYPES.unknownApplicant,
      title: "Unknown applicant",
      status: 422,
      detail: "The update names no applicant known to Matchpath; send an applicant.snapshot first.",
    });
  }
  return problemResponse(blankProblem(500, "The request could not be processed. Try again later."));
}
