import { describe, expect, it } from "vitest";
import { leadTimes } from "#domain/planner/lead-times.ts";

/**
 * leadTimes keeps its words per late steps and whether the Pathway's review was said: each plan's
 * sources still dedupe against what that plan holds already, and the review's sentence follows
 * `reviewSaid`, whichever call came first.
 */
describe("leadTimes, kept per late steps", () => {
  it("cites into each plan's own list, without duplicates, in the order first cited", () => {
    const first: string[] = [];
    const text = leadTimes(["usmle_step2ck", "ecfmg_pathway"], first);
    expect(first.length).toBeGreaterThan(1);
    expect(new Set(first).size).toBe(first.length);
    // A second plan that holds the last source already and one of its own: the same words; the
    // source held is not added again, its own is kept first.
    const held = first[first.length - 1] as string;
    const second = ["own source", held];
    expect(leadTimes(["usmle_step2ck", "ecfmg_pathway"], second)).toBe(text);
    expect(second).toEqual(["own source", held, ...first.slice(0, -1)]);
  });

  it("says the Pathway's review time only when the Pathway's words did not", () => {
    const review = "ECFMG's review of a Pathway application is allowed";
    expect(leadTimes(["ecfmg_pathway"], [], false)).toContain(review);
    expect(leadTimes(["ecfmg_pathway"], [], true)).not.toContain(review);
    expect(leadTimes(["ecfmg_pathway"], [], false)).toContain(review);
  });

  it("reads the steps in their order: an OET's allowance after the exams' whichever came first", () => {
    const oetFirst = leadTimes(["oet_medicine", "usmle_step1"], []);
    const examFirst = leadTimes(["usmle_step1", "oet_medicine"], []);
    expect(oetFirst).toBe(examFirst);
    expect(oetFirst.indexOf("USMLE result")).toBeLessThan(oetFirst.indexOf("OET"));
  });
});
