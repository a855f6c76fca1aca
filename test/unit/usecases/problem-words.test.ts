import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FieldProblem } from "#domain/field-problems.ts";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * Every problem a refused submission names is in Matchpath's words, saying what would be accepted:
 * never zod's own English ("Invalid input: expected number, received string", "Invalid option:
 * expected one of …", "Too big: …"), whichever issue code the schema raised.
 */
const FIXTURE = new URL("../../fixtures/confirmed-date-sources/j1-lagos.json", import.meta.url);
const NOW = new Date("2026-12-04T17:00:00Z");
type Body = Record<string, unknown> & {
  applicant: Record<string, unknown>;
  milestones: Record<string, unknown>[];
};
const snapshot = (): Body => JSON.parse(readFileSync(FIXTURE, "utf8")) as Body;
const update = (fields: Record<string, unknown>) => ({
  type: "milestone.update",
  submissionId: "u-1",
  applicant: { externalId: "t10f-lagos" },
  ...fields,
});

async function problemsOf(body: unknown): Promise<FieldProblem[]> {
  const refusal = await receiveSubmission(body, "webhook", {
    intake: new InMemoryApplicantStore(),
    clock: new FixedClock(NOW),
  }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(InvalidInputError);
  return (refusal as InvalidInputError).problems;
}

const ZOD_ENGLISH = /Invalid (input|option|string|enum|type)|expected|received|Too (big|small)|Unrecognized/;

const cases: [string, () => unknown, FieldProblem][] = [
  [
    "a number sent as text (invalid_type)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, matchYear: "2027" } }),
    { path: "applicant.matchYear", message: "must be a number, written without quotes" },
  ],
  [
    "a value outside an enum (invalid_value)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, visa: "F-1" } }),
    { path: "applicant.visa", message: 'must be one of: "J-1", "H-1B", "none" or "undecided"' },
  ],
  [
    "a required field left out (invalid_type, nothing sent)",
    () => {
      const body = snapshot();
      delete body.applicant.visa;
      return body;
    },
    {
      path: "applicant.visa",
      message: 'is missing: it must be one of: "J-1", "H-1B", "none" or "undecided"',
    },
  ],
  [
    "a fraction where a whole number goes (invalid_type int)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, programsPlanned: 10.5 } }),
    { path: "applicant.programsPlanned", message: "must be a whole number" },
  ],
  [
    "a number under its minimum (too_small)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, matchYear: 1999 } }),
    { path: "applicant.matchYear", message: "must be at least 2026" },
  ],
  [
    "text over its length (too_big)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, externalId: "x".repeat(201) } }),
    { path: "applicant.externalId", message: "must be at most 200 characters long" },
  ],
  [
    "empty text (too_small)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, fullName: " " } }),
    { path: "applicant.fullName", message: "must not be empty" },
  ],
  [
    "a list sent as text (invalid_type array)",
    () => ({ ...snapshot(), applicant: { ...snapshot().applicant, specialties: "Internal Medicine" } }),
    { path: "applicant.specialties", message: "must be a list" },
  ],
  [
    "an unknown submission type (invalid_union on the discriminator)",
    () => ({ ...snapshot(), type: "applicant.snap" }),
    { path: "type", message: 'must have a "type" of "applicant.snapshot" or "milestone.update"' },
  ],
  [
    "an unknown field in a strict object (unrecognized_keys)",
    () => update({ track: { visa: "J-1", visaType: "J-1" } }),
    { path: "track", message: 'may not hold the field "visaType"' },
  ],
  [
    "an interview change of an unknown status (invalid_union, a member may leave the tag out)",
    () => update({ interviews: [{ id: "a", status: "gone" }] }),
    {
      path: "interviews.0.status",
      message: 'must have a "status" of "scheduled" or "cancelled" (or "status" left out)',
    },
  ],
  [
    "an update naming the applicant by neither id nor email (invalid_union)",
    () => update({ applicant: { name: "Ngozi" }, track: { visa: "J-1" } }),
    {
      path: "applicant",
      message: 'must name the applicant by "externalId" or by "email", as their snapshot gave it',
    },
  ],
];

describe("problem details are in Matchpath's words, whatever zod raised", () => {
  it.each(cases)("%s", async (_name, body, expected) => {
    const problems = await problemsOf(body());
    expect(problems).toContainEqual(expected);
    for (const problem of problems) expect(problem.message).not.toMatch(ZOD_ENGLISH);
  });
});
