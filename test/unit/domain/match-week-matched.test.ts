import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An applicant who marked Match Week done has told us NRMP's Monday answer: matched ("Matched: mark
 * Match Week done"). Ama: Accra, J-1, list certified 10 Feb 2027, Match Week done 15 Mar 2027, USCE
 * and research in progress, Match Day not yet told. The steps that only strengthen an application
 * stayed among her next steps and in her emails, and the Match Day card told her "If you did not
 * match, the 2027 Match is over for you", which contradicts her own answer.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url));
const MATCHED = readSnapshot(DIR, "ama-matched-accra.json");
/** Ama with Match Week not answered: the card cannot know the outcome and keeps both branches. */
const UNANSWERED: ApplicantSnapshot = {
  ...MATCHED,
  milestones: MATCHED.milestones.filter((entry) => entry.key !== "match_week"),
};
const NOT_MATCHED_BRANCH = "If you did not match";
const listed = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.reminders.map((reminder) => reminder.milestone),
];
const matchDayWords = (result: Plan) => [
  ...result.nextSteps.filter((step) => step.milestone === "match_day").map((step) => step.action),
  ...result.reminders
    .filter((reminder) => reminder.milestone === "match_day")
    .map((reminder) => reminder.why),
];

describe("Match Week done (matched) counts as matched", () => {
  it.each(["2027-03-20T12:00:00Z", "2027-04-20T10:00:00Z"])(
    "drops USCE and research from the next steps and the reminders (%s)",
    (now) => {
      const result = planInOwnMatch(MATCHED, now);
      expect(result.nextSteps.map((step) => step.milestone)).toContain("match_day");
      expect(listed(result)).not.toContain("usce");
      expect(listed(result)).not.toContain("research");
    },
  );

  it.each(["2027-03-20T12:00:00Z", "2027-04-20T10:00:00Z"])(
    "asks only where she matched on the Match Day card and its emails (%s)",
    (now) => {
      const result = planInOwnMatch(MATCHED, now);
      // On 20 Apr a J-1 verdict's critical notice, and its last day's morning rung, ride on her card
      // with the verdict's own words (she told us she matched, so the J-1 file's last day is hers
      // too): never the unmatched branch.
      const verdictWords = new Set(
        result.risks.filter((risk) => risk.visaVerdict).map((risk) => risk.message),
      );
      const verdicts = result.reminders.filter(
        (reminder) =>
          reminder.milestone === "match_day" &&
          (reminder.rung === "critical-risk" || verdictWords.has(reminder.why)),
      );
      for (const notice of verdicts) expect(notice.why).not.toContain(NOT_MATCHED_BRANCH);
      const words = matchDayWords({
        ...result,
        reminders: result.reminders.filter((r) => !verdicts.includes(r)),
      });
      expect(words.length).toBeGreaterThan(1);
      for (const text of words) {
        expect(text).toContain("You told us you matched");
        expect(text).not.toContain(NOT_MATCHED_BRANCH);
        expect(text).not.toContain("Match is over for you");
      }
    },
  );

  it("with Match Week not answered, keeps both branches; her list certified and locked, the strengthening steps are gone (guard)", () => {
    const result = planInOwnMatch(UNANSWERED, "2027-03-20T12:00:00Z");
    const words = matchDayWords(result);
    expect(words.length).toBeGreaterThan(0);
    for (const text of words) {
      expect(text).toContain("Tell us where you matched");
      expect(text).toContain(NOT_MATCHED_BRANCH);
    }
    // Not for Match Week's sake: her certified list, locked at the deadline with the outcome untold,
    // has no application left to strengthen (listLocked); "did not match" brings them back.
    expect(listed(result)).not.toContain("usce");
  });
});
