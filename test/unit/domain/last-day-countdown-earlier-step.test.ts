import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The last-day countdown ("Act by" the last day that keeps the Match) rides on the first step
 * MATCH_YEAR_LAST_DAY names. An applicant in Kolkata aiming at the 2028 Match, Step 1 under way, on
 * 20 Aug 2027: the ECFMG application is due Wed 25 Aug, the last day is Mon 27 Sep. While the
 * application's own date is ahead, its own ladder counts down to it and no countdown to the later
 * day rides on it; once that date has passed, the last day is its last chance and the countdown
 * goes on it.
 */
const planAt = (now: string): Plan =>
  planFor(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2028,
        timezone: "Asia/Kolkata",
        graduation: "2024-01-01",
        visa: "none",
      }),
      milestones: [milestoneFactory("usmle_step1", "in_progress")],
    }),
    now,
  );
const countdown = (plan: Plan) => plan.reminders.filter((reminder) => reminder.rung.startsWith("last-day"));

describe("the last-day countdown and a step due before the last day", () => {
  it("lays no countdown on the ECFMG application while its own earlier date is ahead", () => {
    const plan = planAt("2027-08-20T10:00:00Z");
    const risk = plan.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.milestones[0]).toBe("ecfmg_application");
    expect(plan.nextSteps.find((step) => step.milestone === "ecfmg_application")?.deadline?.local).toContain(
      "25 Aug 2027",
    );
    expect(countdown(plan)).toEqual([]);
    expect(plan.riskChangesAt).toContain("2027-08-25T13:00:00.000Z");
  });

  it("counts down to the last day on it once that date has passed", () => {
    const plan = planAt("2027-08-26T10:00:00Z");
    expect(
      countdown(plan).map((reminder) => [reminder.milestone, reminder.deadlineDetail.local]),
    ).toContainEqual(["ecfmg_application", expect.stringContaining("27 Sep 2027")]);
  });
});
