import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An early starter (2028 Match, Nairobi) with only the WDOMS check done: the ECFMG application is due
 * by Step 1's latest start, the day the 2028 Match is lost after (MATCH_YEAR_LAST_DAY's). Its own
 * "Due" rungs stand for that risk's last-day rungs, and used to read as any deadline's: the last
 * emails before that day now say it is the last day for the 2028 Match and that the plan moves to
 * 2029 after it, one email per rung.
 */
function earlyStarter(extra: MilestoneEntry[] = []) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2028, graduation: "2027-06-30" }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20"), ...extra],
  });
}
const dueRungs = (planned: Plan) =>
  planned.reminders.filter(
    (each) => each.milestone === "ecfmg_application" && each.rung.startsWith("deadline-in-"),
  );

describe("the ECFMG application's last rungs before the 2028 Match's last day", () => {
  for (const now of ["2027-03-01T07:00:00Z", "2027-05-20T07:00:00Z"]) {
    it(`name the Match and what follows, once per rung (planned ${now.slice(0, 10)})`, () => {
      const rungs = dueRungs(plan(earlyStarter(), seasonCalendar(2028), new Date(now)));
      expect(rungs.map((each) => each.rung)).toEqual(["deadline-in-14d", "deadline-in-3d", "deadline-in-1d"]);
      for (const rung of rungs) {
        expect(rung.title).toBe(
          "Submit the Application for ECFMG Certification: your last day for the 2028 Match",
        );
        expect(rung.why).toContain("after it your plan moves to the 2029 Match");
        expect(rung.deadlineDetail.local).toContain("Tue 1 Jun 2027");
      }
    });
  }

  it("keep the step's own words once Step 1 is begun (the application's own rule dates it)", () => {
    const begun = earlyStarter([milestoneFactory("usmle_step1", "in_progress")]);
    const rungs = dueRungs(plan(begun, seasonCalendar(2028), new Date("2027-03-01T07:00:00Z")));
    for (const rung of rungs) expect(rung.title).toBe("Submit the Application for ECFMG Certification");
  });
});
