import type { IamStatement } from "./template.ts";

/**
 * IAM policy evaluation for identity policies, as the IAM User Guide's evaluation logic has it for
 * one account: an explicit Deny wins, otherwise an Allow must match the action, the resource and
 * every condition; anything else is an implicit deny. Actions and resources match with `*` and `?`
 * wildcards (case-insensitive for actions); the condition operators our policies use are modelled
 * (StringEquals, StringLike, ArnLike, ArnEquals) and any other makes the statement not apply, so a
 * new condition cannot pass unnoticed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

export interface AccessRequest {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

function wildcard(pattern: string, flags = ""): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, flags);
}

function conditionHolds(condition: IamStatement["Condition"], context: Record<string, string>): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = context[key];
      const values = ([] as string[]).concat(expected);
      if (actual === undefined) return false;
      switch (operator) {
        case "StringEquals":
        case "ArnEquals":
          return values.includes(actual);
        case "StringLike":
        case "ArnLike":
          return values.some((value) => wildcard(value).test(actual));
        default:
          return false;
      }
    }),
  );
}

function applies(statement: IamStatement, request: AccessRequest): boolean {
  return (
    statement.Action.some((action) => wildcard(action, "i").test(request.action)) &&
    statement.Resource.some((resource) => wildcard(resource).test(request.resource)) &&
    conditionHolds(statement.Condition, request.context ?? {})
  );
}

/** Whether the statements allow the request. */
export function isAllowed(statements: readonly IamStatement[], request: AccessRequest): boolean {
  const matching = statements.filter((statement) => applies(statement, request));
  if (matching.some((statement) => statement.Effect === "Deny")) return false;
  return matching.some((statement) => statement.Effect === "Allow");
}
