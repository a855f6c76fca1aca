import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A partially matched applicant (Match Week done: matched; SOAP in progress: seeking the year the
 * match lacks) holds a binding position. After Match Day's release the plan asks only where they
 * matched, as for a full match: never "if you did not match … change your target Match year to
 * 2028" (which would drop the contract and visa steps for the position they hold), and the steps
 * that only strengthen an application (US clinical experience, research) do not come back.
 */
const FIXTURES = new URL("../../fixtures/partial-match/", import.meta.url).pathname;
const partial = readSnapshot(FIXTURES, "partial-match-cairo.json");
const fullMatch: ApplicantSnapshot = {
  ...partial,
  milestones: partial.milestones.filter((entry) => entry.key !== "soap"),
};
const matchDayOf = (result: Plan) => result.nextSteps.find((step) => step.milestone === "match_day");
const matchDayWords = (result: Plan) =>
  result.reminders
    .filter((reminder) => reminder.milestone === "match_day")
    .map((reminder) => `${reminder.title} ${reminder.why}`)
    .join(" ");

describe("a partial match after Match Day's release: asked where, never told to plan the next Match", () => {
  for (const now of ["2027-03-19T20:00:00+02:00", "2027-03-27T09:00:00+02:00"]) {
    it(`at ${now}: Match Day's card and questions read as a full match's do`, () => {
      const result = planInOwnMatch(partial, now);
      const card = matchDayOf(result);
      expect(card?.action).toContain("You told us you matched.");
      expect(card?.action).not.toContain("If you did not match");
      expect(card?.action).not.toContain("2028");
      expect(card?.action).toBe(matchDayOf(planInOwnMatch(fullMatch, now))?.action);
      expect(matchDayWords(result)).not.toContain("change your target Match year");
      const steps = result.nextSteps.map((step) => step.milestone);
      expect(steps).not.toContain("usce");
      expect(steps).not.toContain("research");
      // The partial match's own notice stays: the missing year is still the open question.
      expect(result.risks.map((risk) => risk.code)).toContain("MATCH_WEEK_SOAP_CONFLICT");
    });
  }
});
