import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A score off its exam's scale is refused at intake and by `npm run plan`, naming the field and the
 * bound: USMLE reports three-digit scores from 1 to 300, OET each sub-test from 0 to 500
 * (snapshot-keys.ts SCORE_SCALES, cited); a milestone that reports no score takes none.
 * Ngozi (Lagos, 2027 Match): Step 2 CK is her fourth milestone, OET her fifth.
 */
const FIXTURE = new URL("../../fixtures/confirmed-date-sources/j1-lagos.json", import.meta.url);
const NOW = new Date("2026-12-04T17:00:00Z");
type Body = { milestones: Record<string, unknown>[] };

/** Step 1 is her third milestone; on it a score is dated before the exam became pass/fail. */
function withScore(index: number, score: number): Body {
  const body = JSON.parse(readFileSync(FIXTURE, "utf8")) as Body;
  const scoredDay = index === 2 ? { date: "2021-11-02" } : {};
  body.milestones[index] = { ...body.milestones[index], ...scoredDay, score };
  return body;
}

async function refusal(body: Body): Promise<unknown> {
  return receiveSubmission(body, "webhook", {
    intake: new InMemoryApplicantStore(),
    clock: new FixedClock(NOW),
  }).catch((error: unknown) => error);
}

function cliErr(body: Body): { code: number; err: string } {
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

const USMLE = "must be a USMLE three-digit score, from 1 to 300";
const OET = "must be an OET sub-test score, from 0 to 500";

const refused: [string, number, number, string][] = [
  ["a Step 2 CK score of 999", 3, 999, `${USMLE} (usmle_step2ck)`],
  ["a Step 2 CK score of 301", 3, 301, `${USMLE} (usmle_step2ck)`],
  ["a Step 2 CK score of 0", 3, 0, `${USMLE} (usmle_step2ck)`],
  ["a Step 1 score of 450", 2, 450, `${USMLE} (usmle_step1)`],
  ["an OET score of 510", 4, 510, `${OET} (oet_medicine)`],
  ["an OET score below 0", 4, -10, `${OET} (oet_medicine)`],
  ["a score on the ECFMG application", 1, 250, "must be left out: ecfmg_application reports no score"],
];

describe("a score off its exam's scale", () => {
  it.each(refused)(
    "%s: refused at intake, naming the field and the bound",
    async (_name, index, score, words) => {
      const error = await refusal(withScore(index, score));
      expect(error).toBeInstanceOf(InvalidInputError);
      const problems = (error as InvalidInputError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe(`milestones.${index}.score`);
      expect(problems[0]?.message).toContain(words);
    },
  );

  it.each(refused)("%s: refused by npm run plan", (_name, index, score, words) => {
    const { code, err } = cliErr(withScore(index, score));
    expect(code).not.toBe(0);
    expect(err).toContain(`milestones.${index}.score: ${words}`);
  });

  it.each([
    ["Step 2 CK at the top of its scale", 3, 300],
    ["Step 1 at the bottom of its scale", 2, 1],
    ["OET at 500", 4, 500],
    ["OET at 350", 4, 350],
  ])("%s: accepted", async (_name, index, score) => {
    const stored = await refusal(withScore(index, score));
    expect(stored).toMatchObject({ outcome: "created" });
  });
});
