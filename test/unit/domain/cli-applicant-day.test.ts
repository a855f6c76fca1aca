import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Rafi, Dhaka (UTC+6), 2028 Match, booked USMLE Step 1 for Tue 15 Jun 2027: a day, with no time.
 * The planner stores it as that day's local midnight; the CLI's tables print it as the emails and
 * pages do, the day alone, never "12:00 AM GMT+6".
 */
const rafi = inputFactory({
  applicant: applicantFactory({
    externalId: "cli-day-dac",
    timezone: "Asia/Dhaka",
    matchYear: 2028,
    graduation: "2026-06-30",
  }),
  milestones: [...doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-09-01"), stepOneBooked()],
});

function stepOneBooked() {
  return milestoneFactory("usmle_step1", "scheduled", "2027-06-15");
}

describe("the CLI prints a day the applicant gave as that day", () => {
  it("the reminders counting down to the booked exam show Tue 15 Jun 2027, with no midnight", () => {
    const result = plan(rafi, seasonCalendar(2028), new Date("2027-06-01T03:00:00Z"));
    const text = renderPlan(result, "Rafi", "Asia/Dhaka");
    const own = text.split("\n").filter((line) => line.includes("usmle_step1") && line.includes("Your date"));
    expect(own.length).toBeGreaterThan(0);
    for (const line of own) expect(line).toMatch(/Your date\s+Tue 15 Jun 2027$/);
    expect(text).not.toContain("12:00 AM");
  });
});
