import { describe, expect, it } from "vitest";
import {
  type RefusalRules,
  storedZoneRefusal,
  submissionRefusals,
} from "#domain/console/submission-refusals.ts";
import { notWaivableProblems } from "#domain/console/waivable-steps.ts";
import { outcomeBeforeWindowProblems } from "#domain/planner/outcome-before-window.ts";
import { scoreStatusProblems } from "#domain/planner/scheduled-score.ts";
import { simApplicant } from "#test/bench/support/season.ts";

/**
 * The season benchmark's script sends only what the intake accepts: a refused submission stops
 * `npm run bench` (the simulation treats it as a fault), so each of the intake's refusal rules is
 * checked here on a cohort, at each event's own instant, as the intake and the store apply them.
 */

const RULES: RefusalRules = { scoreStatusProblems, outcomeBeforeWindowProblems, notWaivableProblems };
const APPLICANTS = 400;

describe("the season benchmark's script", () => {
  it("sends no submission the intake would refuse, done dates in the applicant's own day included", () => {
    const refused: string[] = [];
    for (let index = 0; index < APPLICANTS; index++) {
      const applicant = simApplicant(2027, index, "script");
      for (const event of applicant.events) {
        const now = new Date(event.at);
        const { submission } = event;
        const refusals = [
          ...submissionRefusals(submission, now, RULES).filter((each) => each.problems.length > 0),
          ...(submission.type === "milestone.update"
            ? [storedZoneRefusal(submission, applicant.zone, now)].filter((each) => each !== undefined)
            : []),
        ];
        for (const refusal of refusals) {
          refused.push(`${submission.submissionId} at ${now.toISOString()}: ${refusal.message}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
