import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant abroad, ranked, certificate in progress, Step 3 not started: from the
 * rank order list deadline the certificate's target is the H-1B petition's, long passed. Chased
 * weekly from Match Day, he got eleven emails asking whether ECFMG had issued it before he had even
 * told us he matched. Weekly fits only once a program's start is at risk: matched, before the start.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-certificate-after-match/", import.meta.url));
const DAY = 86_400_000;
const NOW = "2027-03-20T10:00:00+00:00";

function followUpDays(result: Plan): string[] {
  return result.reminders
    .filter((each) => each.milestone === "ecfmg_certification" && each.rung === "after-target")
    .map((each) => each.sendAtLocal.slice(0, 10))
    .sort();
}

function largestGapDays(days: readonly string[]): number {
  let largest = 0;
  for (let index = 1; index < days.length; index++)
    largest = Math.max(
      largest,
      (Date.parse(days[index] as string) - Date.parse(days[index - 1] as string)) / DAY,
    );
  return largest;
}

describe("the H-1B certificate after ranking: weekly only with a start at risk", () => {
  it("ranked, Match Day not reported: followed up about monthly, with no notice a week before", () => {
    const result = planInOwnMatch(readSnapshot(DIR, "h1b-accra-ranked-2027.json"), NOW);
    const days = followUpDays(result);
    expect(days).toEqual(["2027-03-24", "2027-04-17", "2027-05-10"]);
    expect(largestGapDays(days)).toBeGreaterThan(14);
    const rungs = result.reminders
      .filter((each) => each.milestone === "ecfmg_certification")
      .map((each) => each.rung);
    expect(rungs).not.toContain("deadline-in-7d");
  });

  it("matched: the H-1B start is at risk, so it is chased weekly to the deadline's rungs", () => {
    const result = planInOwnMatch(readSnapshot(DIR, "h1b-accra-matched-2027.json"), NOW);
    const days = followUpDays(result);
    expect(days.length).toBe(10);
    expect(largestGapDays(days)).toBe(7);
    const step = result.nextSteps.find((each) => each.milestone === "ecfmg_certification");
    expect(step?.action ?? "").toContain("is now at risk");
  });

  // Residency starts in Honolulu at her own midnight, six hours after ET's: at 7:00 PM on 30 Jun,
  // her time, the start is still ahead, so the card keeps saying the H-1B start is at risk.
  it("in Honolulu on the evening of 30 Jun, after ET's midnight, the card still says the start is at risk", () => {
    const matched = readSnapshot(DIR, "h1b-accra-matched-2027.json");
    const honolulu = { ...matched, applicant: { ...matched.applicant, timezone: "Pacific/Honolulu" } };
    const result = planInOwnMatch(honolulu, "2027-07-01T05:00:00+00:00");
    const step = result.nextSteps.find((each) => each.milestone === "ecfmg_certification");
    expect(step?.action ?? "").toContain("is now at risk");
  });
});
