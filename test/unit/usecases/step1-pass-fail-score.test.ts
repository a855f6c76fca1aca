import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import type { MappingProblem } from "#intake/mapping/problems.ts";
import { parseMapping } from "#intake/mapping/registry.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * Step 1 reports pass/fail only for exams taken on or after 26 Jan 2022 (USMLE, cited in
 * SCORE_SCALES): a score on a later sitting is a typo or another exam's, refused at every door with
 * the date rule and its source. Tariq (Karachi, 2028 Match) sat Step 1 in 2021 or in 2026.
 */
const NOW = new Date("2026-12-05T06:00:00Z");
const RULE = "usmle_step1 reports pass/fail only for exams taken on or after 2022-01-26";
const SOURCE = "https://www.usmle.org/usmle-step-1-transition-passfail-only-score-reporting";

const snapshot = (date: string, status = "done") => ({
  type: "applicant.snapshot",
  submissionId: "sub-step1",
  applicant: {
    externalId: "tariq",
    email: "tariq@example.org",
    fullName: "Tariq Hussain",
    timezone: "Asia/Karachi",
    matchYear: 2028,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2021-03-31",
    medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
    programsPlanned: 90,
  },
  milestones: [
    { key: "wdoms_listing", status: "done" },
    { key: "usmle_step1", status, date, score: 231 },
  ],
});

async function received(body: object): Promise<unknown> {
  return receiveSubmission(body, "webhook", {
    intake: new InMemoryApplicantStore(),
    clock: new FixedClock(NOW),
  }).catch((error: unknown) => error);
}

function cliErr(body: object): { code: number; err: string } {
  let err = "";
  const code = runPlanCli(["applicant.json", "--now", NOW.toISOString()], {
    readFile: () => JSON.stringify(body),
    now: () => NOW,
    out: () => undefined,
    err: (text) => {
      err += text;
    },
  });
  return { code, err };
}

describe("a Step 1 score dated on a pass/fail sitting", () => {
  it.each(["2026-10-01", "2022-01-26"])(
    "dated %s: the webhook refuses it, naming the field, rule and source",
    async (date) => {
      const error = await received(snapshot(date));
      expect(error).toBeInstanceOf(InvalidInputError);
      const problems = (error as InvalidInputError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe("milestones.1.score");
      expect(problems[0]?.message).toContain(RULE);
      expect(problems[0]?.message).toContain(SOURCE);
      expect(problems[0]?.message).toContain(`dated ${date}`);
    },
  );

  it("npm run plan refuses it the same way", () => {
    const { code, err } = cliErr(snapshot("2026-10-01"));
    expect(code).not.toBe(0);
    expect(err).toContain(`milestones.1.score: must be left out: ${RULE}`);
  });

  it("a form's mapping refuses it, naming the form's field", () => {
    const mapping = parseMapping({
      provider: "tally",
      formId: "F1",
      kind: "milestone.update",
      fields: {
        id: { to: "applicant.externalId" },
        step1: { to: "milestones.usmle_step1.status", transform: { choices: { Passed: "done" } } },
        step1date: { to: "milestones.usmle_step1.date", transform: "date" },
        step1score: { to: "milestones.usmle_step1.score" },
      },
      required: ["id"],
    });
    const answers = { id: "tariq", step1: "Passed", step1date: "2026-10-01", step1score: "231" };
    let problems: MappingProblem[] = [];
    try {
      mapSubmission(mapping, {
        provider: "tally",
        formId: "F1",
        submissionId: "resp-1",
        answers: new Map(Object.entries(answers)),
      });
    } catch (error) {
      problems = (error as InvalidInputError).problems as MappingProblem[];
    }
    expect(problems).toEqual([
      expect.objectContaining({ path: "milestones.usmle_step1.score", field: "step1score" }),
    ]);
    expect(problems[0]?.message).toContain(RULE);
  });

  it("a score from a sitting before 26 Jan 2022, or kept beside a booked retake, is accepted", async () => {
    await expect(received(snapshot("2022-01-25"))).resolves.toMatchObject({ outcome: "created" });
    await expect(received(snapshot("2027-02-10", "scheduled"))).resolves.toMatchObject({
      outcome: "created",
    });
  });
});
