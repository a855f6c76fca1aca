import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

// MATCH_YEAR_NOT_FEASIBLE's "what it would take" named a booked OET sitting
// of Sat 16 Jan 2027 as "your sitting on Fri 8 Jan 2027" in Karachi, Lagos and Auckland: the
// applicant's own day was rendered as a deadline's day (the earlier of the local and the ET day).
// Her own date is her day, in every zone, as the step and the email show it. Now booked a week later,
// Sat 16 Jan 2027, planned a week later: the ROL deadline's later candidate keeps the Match to 12 Jan.

const DONE = DONE_TO_NRMP_BUT_OET_AND_PATHWAY;

describe("a booked sitting in MATCH_YEAR_NOT_FEASIBLE is the applicant's own day", () => {
  for (const timezone of ["Asia/Karachi", "Africa/Lagos", "Pacific/Auckland", "America/Los_Angeles"]) {
    it(`${timezone}: "your sitting on Sat 16 Jan 2027"`, () => {
      const result = planFor(
        inputFactory({
          applicant: applicantFactory({ matchYear: 2027, timezone, visa: "J-1", graduation: "2024-07-30" }),
          milestones: [
            ...DONE.map((key) => milestoneFactory(key, "done")),
            milestoneFactory("oet_medicine", "scheduled", "2027-01-16"),
            milestoneFactory("ecfmg_pathway", "in_progress"),
          ],
        }),
        // The day after the later candidate's last OET sitting day, Tue 12 Jan 2027: any seat by it
        // counted until then.
        "2027-01-13T12:00:00Z",
      );
      const message = result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
      expect(message).toContain("your sitting on Sat 16 Jan 2027");
    });
  }
});
