import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK reported scheduled for a day long past, no result. The card asked "Did you
 * take it?" and named only the rank order list deadline (a February date, too late for a new
 * sitting); the reminders fell silent for ten weeks. While the last sitting day is ahead, the card
 * also says by when to book a new date if it was not taken, and the reminders run up to that day.
 *
 * Farhan: Dhaka, J-1, 2027 Match, everything done but Step 2 CK, booked for Tue 11 Aug 2026.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

function farhan(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Dhaka", matchYear: 2027, fullName: "Farhan Ahmed" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
        "2025-09-01",
      ),
      ...doneMilestones([
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
      ]),
      milestoneFactory("nrmp_registration", "done", "2026-10-02"),
      milestoneFactory("usmle_step2ck", "scheduled", "2026-08-11"),
    ],
  });
}

const planAt = (now: string): Plan => plan(farhan(), calendar, new Date(now));

describe("an exam's passed booked day with no result, the last sitting day ahead", () => {
  it("the card says by when to sit it if it was not taken", () => {
    const step = planAt("2026-12-02T07:00:00Z").nextSteps.find((s) => s.milestone === "usmle_step2ck");
    expect(step?.action).toContain("Did you take it?");
    expect(step?.action).toContain(
      "If you did not take it, sit it as soon as you can: its target, Wed 26 Aug 2026 (our advice), has passed (a target Matchpath suggests so programs see your result in time, not a deadline), and Wed 27 Jan 2027 (our advice) is the last day that still counts; book a seat now (a test date usually takes about a week, advice).",
    );
  });

  it("its reminders run up to the last sitting day, no month without one", () => {
    const now = Date.parse("2026-12-02T07:00:00Z");
    const lastDayEnd = Date.parse("2027-01-27T18:00:00Z"); // Thu 28 Jan 2027, 00:00 in Dhaka
    const sends = planAt("2026-12-02T07:00:00Z")
      .reminders.filter((r) => r.milestone === "usmle_step2ck")
      .map((r) => Date.parse(r.sendAt))
      .filter((at) => at < lastDayEnd)
      .sort((a, b) => a - b);
    expect(sends.some((at) => lastDayEnd - at <= 2 * DAY)).toBe(true);
    let previous = now;
    for (const at of sends) {
      expect(at - previous).toBeLessThanOrEqual(29 * DAY);
      previous = at;
    }
  });

  it("once the last sitting day has passed, the card no longer offers a new date", () => {
    const step = planAt("2027-02-01T07:00:00Z").nextSteps.find((s) => s.milestone === "usmle_step2ck");
    expect(step?.action).not.toContain("sit it by");
  });
});
