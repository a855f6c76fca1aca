import type * as z from "zod/v4/core";
// Every report of problems words zod's issues in Matchpath's words, whoever built the schema.
import "./issue-words.ts";

/** One problem with an input, located by its JSON path (e.g. "applicant.timezone"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Zod issues as JSON-path-named problems, the form every error report in Matchpath uses. */
export function fieldProblems(error: z.$ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? "(root)" : issue.path.map(String).join("."),
    message: issue.message,
  }));
}
