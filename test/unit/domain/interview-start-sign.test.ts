import { describe, expect, it } from "vitest";
import { isInterviewStart } from "#domain/program-time.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An interview's start is the one date every view words "starts" at the program's time: the
 * preparation step's, a time the applicant gave (precision "instant"). The thank-you step's is a day
 * to send the note by, and an exam day the applicant gave (also theirs, status "applicant") is no
 * interview's start.
 */
const NOW = "2026-12-01T09:00:00Z";
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "interview-start-sign",
    timezone: "Africa/Nairobi",
    matchYear: 2027,
  }),
  milestones: [
    ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-03-10"),
    milestoneFactory("usmle_step2ck", "scheduled", "2026-12-20"),
  ],
  interviews: [
    interviewFactory({
      id: "iv-tucson",
      program: "Sonoran Valley IM",
      startsAt: "2026-12-14T08:30:00-07:00",
      timezone: "America/Phoenix",
      format: "virtual",
    }),
  ],
});

describe('isInterviewStart reads the start\'s own sign, precision "instant"', () => {
  const result = planFor(input, NOW);
  const startsOn = (now: string) =>
    planFor(input, now)
      .nextSteps.filter((step) => step.milestone === "interview")
      .map((step) => [step.title, step.deadline !== undefined && isInterviewStart(step.deadline)]);

  it("is the preparation step's date, never the thank-you step's", () => {
    expect(startsOn(NOW)).toEqual([["Prepare for your virtual interview with Sonoran Valley IM", true]]);
    // The day after the interview, only the note is left to send.
    expect(startsOn("2026-12-15T09:00:00Z")).toEqual([["Thank Sonoran Valley IM for the interview", false]]);
  });

  it("is never an exam day the applicant gave", () => {
    const step2 = [...result.nextSteps, ...result.blocked].find((step) => step.milestone === "usmle_step2ck");
    expect(step2?.ownDate?.status).toBe("applicant");
    expect(isInterviewStart(step2?.ownDate ?? { precision: "day" })).toBe(false);
  });
});
