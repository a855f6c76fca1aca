import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A certified graduate on the H-1B track sat Step 3 in the US on Wed 20 Jan 2027, after ranking
// opened; the result is awaited. Her card expected the score "around Wed 17 Feb 2027" (four weeks
// on), while STEP3_NEEDED_FOR_H1B said "around Tue 16 Feb 2027": the same four weeks, read as the
// end of the day before. One step, one day.

const calendar = seasonCalendar(2027);
const sat = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "H-1B", graduation: "2024-06-15" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-06-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-08-20"),
      milestoneFactory("usmle_step3", "scheduled", "2027-01-20"),
    ],
  });

describe("Step 3 sat after ranking opened, its result awaited: the card and the risk expect it the same day", () => {
  for (const zone of ["Asia/Manila", "Pacific/Honolulu", "Pacific/Auckland"])
    it(`in ${zone}: both say around Wed 17 Feb 2027`, () => {
      const result = plan(sat(zone), calendar, new Date("2027-01-22T05:00:00Z"));
      const card = result.nextSteps.find((step) => step.milestone === "usmle_step3");
      expect(card?.action).toContain("your score is expected around Wed 17 Feb 2027");
      const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
      expect(risk?.message).toContain("Your Step 3 result is expected around Wed 17 Feb 2027");
    });
});
