import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A booked Step 3 (a date recorded, marked scheduled or under way) reads as booked: its card and
 * its reminders speak of the exam's date, never of applying to FSMB or booking a seat. Abroad, the
 * trip's visitor visa is still named while the day is ahead. Ranking on H-1B, everything to NRMP
 * done, Step 3 booked for Wed 20 Jan 2027, on Sun 10 Jan 2027: Folake in Lagos, Tomás in Denver.
 */
const NOW = new Date("2027-01-10T10:00:00Z");
const step3Card = (timezone: string, status: MilestoneStatus) => {
  const input = inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30", visa: "H-1B" }),
    milestones: [
      ...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2026-09-10"),
      milestoneFactory("usmle_step3", status, "2027-01-20"),
    ],
  });
  const planned = plan(input, seasonCalendar(2027), NOW);
  const reminders = planned.reminders.filter((each) => each.milestone === "usmle_step3");
  return { action: planned.nextSteps.find((step) => step.milestone === "usmle_step3")?.action, reminders };
};

describe.each([
  ["Folake, Lagos", "Africa/Lagos", true],
  ["Tomás, Denver", "America/Denver", false],
] as const)("a booked Step 3 reads as booked: %s", (_, timezone, abroad) => {
  it.each(["scheduled", "in_progress"] as const)(
    "%s with a date: no FSMB application, no seat to book",
    (status) => {
      const { action, reminders } = step3Card(timezone, status);
      expect(action).toContain("Your exam is on Wed 20 Jan 2027");
      for (const text of [action, ...reminders.map((each) => each.why)]) {
        expect(text).not.toContain("apply to FSMB");
        expect(text).not.toContain("book your test date");
      }
      expect(action?.includes("your trip needs a US visitor visa")).toBe(abroad);
    },
  );

  it("under way with a date reads as scheduled does", () => {
    expect(step3Card(timezone, "in_progress").action).toBe(step3Card(timezone, "scheduled").action);
  });
});
