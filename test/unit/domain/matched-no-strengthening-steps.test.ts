import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Once the applicant has matched, a step that only strengthens an application (US clinical
 * experience, research: catalog `strengthensApplication`) has no application left to strengthen. It
 * stayed among the next steps and in May's emails ("Gain US clinical experience: Arrange an
 * observership …") beside the visa steps that decide the start. It leaves the next steps and the
 * reminders; before the Match, while the list can still change (before the rank order list deadline,
 * Wed 24 Feb 2027, 9:00 PM ET, projected), it stays (a certified list locked at the deadline ends it
 * earlier: list-locked-no-strengthening.test.ts). Kofi: Accra, J-1, matched on 19 Mar 2027, contract and
 * Statement of Need not done, USCE and research never reported.
 */
const DIR = fileURLToPath(new URL("../../fixtures/after-the-match/", import.meta.url));
const MATCHED = readSnapshot(DIR, "contract-overdue-j1-accra.json");
const STRENGTHENING = MILESTONE_CATALOG.filter((entry) => entry.strengthensApplication !== undefined).map(
  (entry) => entry.key,
);
/** Kofi before the Match: the rank list certified, Match Week and Match Day not yet told. */
const BEFORE: ApplicantSnapshot = {
  ...MATCHED,
  milestones: MATCHED.milestones.filter((entry) => entry.key !== "match_week" && entry.key !== "match_day"),
};
const listed = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.reminders.map((reminder) => reminder.milestone),
];

describe("steps that only strengthen an application, once matched", () => {
  it("are USCE and research, by the catalog's data", () => {
    expect(STRENGTHENING).toEqual(["usce", "research"]);
  });

  it.each(["2027-03-22T10:00:00Z", "2027-05-18T10:00:00Z"])(
    "leave the next steps and the reminders after the Match (%s)",
    (now) => {
      const result = planInOwnMatch(MATCHED, now);
      expect(result.nextSteps.map((step) => step.milestone)).toContain("contract");
      for (const key of STRENGTHENING) expect(listed(result)).not.toContain(key);
    },
  );

  it("stay next steps before the Match, while the list can still change", () => {
    const result = planInOwnMatch(BEFORE, "2027-02-20T10:00:00Z");
    for (const key of STRENGTHENING) expect(result.nextSteps.map((step) => step.milestone)).toContain(key);
  });
});
