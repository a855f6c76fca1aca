import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { fullSnapshot } from "../../bench/planner-inputs.ts";
import { outOfReachVariants } from "../../bench/planner-out-of-reach.ts";

// The planner bench's description says which of its late-road inputs move to the 2028 Match: a rule
// change that keeps one in 2027 (the December intake with an interview did, once) must change it too.
describe("the planner bench's late-road inputs", () => {
  const planned = outOfReachVariants(fullSnapshot("Asia/Kolkata", 10)).map(({ input, now }) =>
    plan(input, seasonCalendar(2027), now),
  );

  it("two move to the 2028 Match; the December intake with an interview stays in 2027, its exams late", () => {
    expect(planned.map((each) => laterPlannedMatchYear(each) ?? each.matchYear)).toEqual([2028, 2027, 2028]);
    for (const moved of [planned[0], planned[2]])
      expect(moved?.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(planned[1]?.risks.map((risk) => risk.code)).toContain("EXAMS_LATE_FOR_RANKING");
  });
});
