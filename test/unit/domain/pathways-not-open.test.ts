import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A 2028 applicant's Pathway card said "submit the
 * application now" in December 2026, inviting a payment for the 2027 Pathways. For a Match whose
 * Pathways have not opened the card says what a moved plan says: apply once ECFMG's 2028 Pathways
 * are open (check ECFMG's news; the 2026 Pathways opened on Tue 19 Aug 2025, fact sheet). Aziz
 * (Samarkand, 2028 Match, Step 1 booked, OET and Pathway not started) is our own applicant.
 */
const DIR = new URL("../../fixtures/oet-and-pathway/", import.meta.url).pathname;
const aziz = readSnapshot(DIR, "aziz-2028-pathways-not-open.json");
const card = (result: Plan): string =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";

describe("a Pathway card for a Match whose Pathways have not opened", () => {
  it("in December 2026, the 2028 card says apply once ECFMG's 2028 Pathways are open, never now", () => {
    const said = card(planInOwnMatch(aziz, "2026-12-04T18:00:00+05:00"));
    expect(said).toContain(
      "Apply once ECFMG's 2028 Pathways are open (check ECFMG's news; the 2026 Pathways opened on Tue 19 Aug 2025)",
    );
    expect(said).not.toMatch(/\bnow\b/);
  });

  it("a 2027 applicant's card, its Pathways under way, keeps asking to submit now", () => {
    const current = { ...aziz, applicant: { ...aziz.applicant, matchYear: 2027 } };
    const said = card(planInOwnMatch(current, "2026-09-04T18:00:00+05:00"));
    expect(said).toContain("submit the application now");
    expect(said).not.toContain("Pathways are open");
  });
});
