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

/**
 * An H-1B ranker's Step 3 booked after its last day for ranking, while an earlier seat can still be
 * found: the card said only "Move it earlier … As booked, it is too late for the 2027 Match's
 * ranking", and only the risk added that the seat still serves the petition after the Match. Read
 * alone (the timeline, "Your next steps"), the card invited cancelling it. Lucia, Manila, Step 3 on
 * Sat 20 Feb 2027, as of 20 Jan 2027.
 */
const input = inputFactory({
  applicant: applicantFactory({
    timezone: "Asia/Manila",
    matchYear: 2027,
    visa: "H-1B",
    graduation: "2024-04-30",
  }),
  milestones: [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "usmle_step3"),
      "2026-09-10",
    ),
    milestoneFactory("usmle_step3", "scheduled", "2027-02-20"),
  ],
});

describe("Step 3 booked too late for ranking, in time for the petition", () => {
  it("the card says to keep the seat if no earlier one is open, as the risk does", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2027-01-20T02:00:00Z"));
    const action = result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
    expect(action).toContain("Move it earlier");
    expect(action).toContain("If no earlier seat is open, keep Sat 20 Feb 2027");
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain("If no earlier seat is open, keep Sat 20 Feb 2027");
  });
});
