import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A refused snapshot names every wrong field in one answer (RFC 9457): the schema's, and those the
 * refusal rules find on the parts that parse. A 400 that named a bad email and nine others but not
 * Step 1 "waived" brought a second 400 naming only that once the others were fixed. Tomás (Bogotá)
 * sends a bad email, a negative program count, a Step 2 CK score of 400 (the schema's), Step 1
 * "waived" and an ECFMG application done on a day still ahead (the rules').
 */
const NOW = new Date("2026-12-06T15:00:00Z");
const body = JSON.parse(
  readFileSync(
    new URL("../../fixtures/every-wrong-field/bad-email-and-waived-exam.json", import.meta.url),
    "utf8",
  ),
);
const EXPECTED_PATHS = [
  "applicant.email",
  "applicant.programsPlanned",
  "milestones.2.score",
  "milestones.3.date",
  "milestones.1.status",
];

describe("every wrong field in one answer", () => {
  it("the intake's 400 names the schema's fields and the rules' on the entries that parse", async () => {
    const error = await receiveSubmission(body, "webhook", {
      intake: new InMemoryApplicantStore(),
      clock: new FixedClock(NOW),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    const problems = (error as InvalidInputError).problems;
    expect(problems.map((problem) => problem.path)).toEqual(EXPECTED_PATHS);
    expect(problems.find((problem) => problem.path === "milestones.1.status")?.message).toMatch(
      /^cannot be waived: USMLE Step 1/,
    );
  });

  it("fixing the schema's fields leaves only the rules' fields, which the first answer already named", async () => {
    const fixed = {
      ...body,
      applicant: { ...body.applicant, email: "tomas@example.org", programsPlanned: 30 },
      milestones: body.milestones.map((entry: { key: string; score?: number }) =>
        entry.key === "usmle_step2ck" ? { ...entry, score: 241 } : entry,
      ),
    };
    const error = await receiveSubmission(fixed, "webhook", {
      intake: new InMemoryApplicantStore(),
      clock: new FixedClock(NOW),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    // Both rules in one answer too, not the first rule's alone.
    expect((error as InvalidInputError).problems.map((problem) => problem.path)).toEqual([
      "milestones.3.date",
      "milestones.1.status",
    ]);
  });

  it("npm run plan names the same fields", () => {
    let err = "";
    const code = runPlanCli(["tomas.json", "--now", NOW.toISOString()], {
      readFile: () => JSON.stringify(body),
      now: () => NOW,
      out: () => undefined,
      err: (text) => {
        err += text;
      },
    });
    expect(code).toBe(2);
    const paths = err
      .split("\n")
      .slice(1)
      .filter((line) => line.trim() !== "")
      .map((line) => line.trim().split(":")[0]);
    expect(paths).toEqual(EXPECTED_PATHS);
  });
});
