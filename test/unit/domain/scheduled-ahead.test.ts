import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * "Scheduled for…" on the ECFMG Pathway with a date still ahead is
 * a planned submission, so OET stays in the plan. The application goes in
 * without waiting for the OET result, which follows it as a supporting document, so OET also stays
 * once the submission date has passed, until the applicant reports it (or the Pathway done).
 */
describe("a Pathway submission planned for a later date", () => {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028 }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application"]),
      milestoneFactory("oet_medicine", "not_started"),
      milestoneFactory("ecfmg_pathway", "scheduled", "2027-12-01"),
    ],
  });
  const now = new Date("2027-05-01T00:00:00Z");
  const result = plan(input, seasonCalendar(2028), now);

  it("keeps OET Medicine as a step with its reminders", () => {
    expect(result.nextSteps.map((step) => step.milestone)).toContain("oet_medicine");
    expect(result.reminders.some((reminder) => reminder.milestone === "oet_medicine")).toBe(true);
  });

  it("says the applicant plans to submit on that date, not that it was submitted", () => {
    const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.action).toContain("You plan to submit your Pathway application on Wed 1 Dec 2027");
    expect(pathway?.action).not.toContain("submitted");
  });

  it("keeps OET Medicine once the submission date has passed: its result follows the application", () => {
    const later = plan(input, seasonCalendar(2028), new Date("2027-12-03T00:00:00Z"));
    expect(later.nextSteps.map((step) => step.milestone)).toContain("oet_medicine");
  });
});
