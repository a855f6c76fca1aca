import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The out-of-reach notice's "what the 2027 Match would have taken" dates each result at its sitting
 * plus the whole reporting allowance, in the applicant's own calendar: never the rank order list
 * deadline's day for a sitting whose result comes after it (that read as in time), and never the ET
 * day of a day counted from her own sitting (a day early east of ET).
 */
const DIR = new URL("../../fixtures/out-of-reach-moved-plan/", import.meta.url).pathname;
// Local midnight in Auckland.
const NOW = "2026-12-08T00:00:00+13:00";

const notice = (result: Plan): string =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";

describe("an Auckland applicant out of reach on Step 1, her Step 2 CK booked", () => {
  it("booked ten days before the rank order list deadline: reported about 28 days after her sitting, not on the deadline", () => {
    const said = notice(
      planInOwnMatch(readSnapshot(DIR, "auckland-step1-not-started-ck-booked-late.json"), NOW),
    );
    expect(said).toContain(
      "USMLE Step 2 CK: your sitting on Wed 10 Feb 2027, then about 28 days for the result (reported around Wed 10 Mar 2027)",
    );
    expect(said).not.toContain("reported around Wed 24 Feb 2027");
  });

  it("booked on 20 Jan: 28 days are counted in her calendar, Wed 17 Feb, not ET's Tue 16 Feb", () => {
    const said = notice(
      planInOwnMatch(readSnapshot(DIR, "auckland-step1-not-started-ck-booked-jan.json"), NOW),
    );
    expect(said).toContain(
      "USMLE Step 2 CK: your sitting on Wed 20 Jan 2027, then about 28 days for the result (reported around Wed 17 Feb 2027)",
    );
  });

  it("the notice's own day for all the results is the day its list gives the last of them", () => {
    const said = notice(
      planInOwnMatch(readSnapshot(DIR, "auckland-step1-not-started-ck-booked-jan.json"), NOW),
    );
    const headline = /would be reported around ([A-Z][a-z]{2} \d+ [A-Z][a-z]{2} \d{4})/.exec(said)?.[1];
    expect(headline).toBeDefined();
    expect(said).toContain(`Step 1: about 120 days of preparation`);
    expect(said).toMatch(new RegExp(`Step 1:[^;]*reported around ${headline}\\)`));
  });
});
