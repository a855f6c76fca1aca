import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

describe("an out-of-reach Match says how to change the target year", () => {
  it("names the intake form's Match year and the advisor, not just 'change your target Match year'", () => {
    const result = plan(
      inputFactory({
        milestones: [
          ...doneMilestones(["usmle_step1", "usmle_step2ck", "oet_medicine"]),
          milestoneFactory("ecfmg_pathway", "not_started"),
        ],
      }),
      seasonCalendar(2026),
      new Date("2026-02-01T00:00:00Z"),
    );
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.message).toContain(
      "change your target Match year to 2027: send your intake form again with Match year 2027, or ask your advisor to change it.",
    );
  });
});
