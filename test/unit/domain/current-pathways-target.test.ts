import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

const DONE: readonly [MilestoneKey, string][] = [
  ["wdoms_listing", "2023-02-01"],
  ["ecfmg_application", "2024-02-01"],
  ["usmle_step1", "2024-07-01"],
  ["usmle_step2ck", "2025-07-01"],
  ["usce", "2025-08-01"],
  ["lors", "2026-08-15"],
  ["personal_statement", "2026-08-15"],
  ["cv", "2026-08-15"],
  ["program_list", "2026-08-15"],
  ["eras_token", "2026-06-15"],
  ["eras_application", "2026-09-25"],
];

/** A Manila applicant for the 2027 Match with everything done but the Pathway, its deadline missed. */
function missedPathway(oetDate: string, now: string) {
  const zone = "Asia/Manila";
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: zone, matchYear: 2027, visa: "J-1" }),
      milestones: [
        ...DONE.map(([key, date]) => milestoneFactory(key, "done", date)),
        milestoneFactory("oet_medicine", "done", oetDate),
        milestoneFactory("ecfmg_pathway", "not_started"),
      ],
    }),
    seasonCalendar(2027),
    new Date(now),
  );
}

/**
 * A missed Pathway deadline makes the plan recommend the current Pathways season
 * ("apply now … by that pattern the end of May 2027, projected: verify"); the step's target is that
 * route's projected closing day, so its start-by and reminders fall before it, and the OET's age is
 * judged on that day.
 */
describe("the recommended current Pathways route carries its own date", () => {
  const thePlan = missedPathway("2025-09-20", "2027-02-04T02:00:00Z");
  const step = thePlan.nextSteps.find((each) => each.milestone === "ecfmg_pathway");

  it("names the current season's route in the card", () => {
    expect(step?.action).toContain("apply now");
  });

  it("targets the route's projected closing day, labelled projected", () => {
    expect(step?.target?.day).toBe("2027-05-31");
    expect(step?.target?.status).toBe("projected");
    expect(step?.target?.source).toMatch(/verify/);
    expect(step?.startBy !== undefined && Date.parse(step.startBy) < Date.parse("2027-06-01T00:00:00Z")).toBe(
      true,
    );
  });

  it("reminds at least monthly until that day", () => {
    const sends = thePlan.reminders
      .filter((reminder) => reminder.milestone === "ecfmg_pathway")
      .map((reminder) => Date.parse(reminder.sendAt))
      .filter((at) => at <= Date.parse("2027-06-01T04:00:00Z"))
      .sort((left, right) => left - right);
    const points = [Date.parse(thePlan.now), ...sends, Date.parse("2027-05-31T00:00:00Z")];
    for (let at = 1; at < points.length; at++)
      expect((points[at] as number) - (points[at - 1] as number)).toBeLessThanOrEqual(31 * 86_400_000);
  });

  it("judges the OET's age on the route's closing day", () => {
    // Under two years old on 31 May 2027 (2025-09-20), though over two before the 2028 documents deadline.
    expect(thePlan.risks.some((risk) => risk.code === "OET_SCORE_MAY_BE_TOO_OLD")).toBe(false);
    const old = missedPathway("2025-03-10", "2027-02-04T02:00:00Z");
    const risk = old.risks.find((each) => each.code === "OET_SCORE_MAY_BE_TOO_OLD");
    expect(risk?.message).toContain("2027 Pathways");
  });

  it("after the route's projected closing day, the later season's dates return", () => {
    const later = missedPathway("2025-09-20", "2027-06-02T02:00:00Z");
    const laterStep = later.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(laterStep?.action).not.toContain("apply now");
    expect(laterStep?.target?.day).not.toBe("2027-05-31");
  });
});
