import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * Words a card shows must fit the step's status.
 *
 * Dangling words: eras_application's `why` said "on this date", and a blocked step
 * shows no date; no catalog `why` may lean on a date the card may not show.
 *
 * An H-1B applicant who reported Match Day done was still asked
 * "tell us where you matched and on which visa (Match Day's step)". The rule: once Match
 * Day's step is done the card does not ask again; it says what the certificate is needed for now,
 * the visa and the start.
 */
describe("no catalog why leans on a date the card may not show", () => {
  it.each(MILESTONE_CATALOG.map((entry) => [entry.key, entry.why.text] as const))("%s", (_key, text) => {
    expect(text).not.toMatch(/\b(this|that) (date|day)\b/i);
  });
});

const certificateAction = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.action ?? "";

describe("the H-1B certificate's card once the applicant has matched (Bogotá, 2027 Match)", () => {
  const pending = [milestoneFactory("ecfmg_certification", "in_progress")];

  it.each(["2027-03-22T14:00:00Z", "2027-04-25T14:00:00Z", "2027-06-10T14:00:00Z"])(
    "Match Day done, %s: no question about where they matched; the visa and the start wait on it",
    (now) => {
      const input = matched2027("America/Bogota", { visa: "H-1B", extra: pending });
      const action = certificateAction(plan(input, seasonCalendar(2027), new Date(now)));
      expect(action).toContain("ranking is over");
      expect(action).not.toContain("tell us where you matched");
      expect(action).not.toContain("Match Day's step");
      expect(action).toContain("an H-1B petition needs your ECFMG certificate and a Step 3 pass");
      expect(action).toContain("your H-1B visa and your start wait on it");
    },
  );

  it("Match Day not reported, after it: the card still asks", () => {
    const input = matched2027("America/Bogota", { visa: "H-1B", matchDay: false, extra: pending });
    const action = certificateAction(plan(input, seasonCalendar(2027), new Date("2027-03-22T14:00:00Z")));
    expect(action).toContain("tell us where you matched and on which visa (Match Day's step)");
  });
});
