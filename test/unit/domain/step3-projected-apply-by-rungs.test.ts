import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * H-1B in Denver, certificate issued, Step 3 not started, before
 * ranking. The projected path's last day to apply to FSMB (the last sitting day Wed 27 Jan 2027 less
 * about 14 days of FSMB processing and 7 days to a seat: Wed 6 Jan 2027) gets the 14/3/1-day rungs
 * (23 Dec, 3 Jan, 5 Jan), as the later candidate's and the petition's apply-by days do.
 */
function dara(step3 = milestoneFactory("usmle_step3", "not_started")): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "step3-projected-apply-by",
      timezone: "America/Denver",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2025-10-01"), step3],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-07:00" })],
  });
}
const at = (iso: string, input = dara()): Plan => plan(input, seasonCalendar(2027), new Date(iso));
const applyByRungs = (result: Plan) =>
  result.reminders.filter(
    (reminder) => reminder.milestone === "usmle_step3" && reminder.title.includes("apply to FSMB by"),
  );

describe("H-1B in the US, Step 3 not started before ranking: the projected apply-by day's rungs", () => {
  it("on Wed 2 Dec 2026 rungs lead to 'apply to FSMB by Wed 6 Jan 2027': 14, 3 and 1 days before", () => {
    const rungs = applyByRungs(at("2026-12-02T17:00:00Z"));
    const days = rungs.map((reminder) => reminder.sendAtLocal.slice(0, 10));
    expect(days).toEqual(expect.arrayContaining(["2026-12-23", "2027-01-03", "2027-01-05"]));
    for (const rung of rungs) {
      expect(rung.title).toContain("apply to FSMB by Wed 6 Jan 2027");
      expect(rung.why).toContain("sit Step 3 by Wed 27 Jan 2027");
      expect(Date.parse(rung.sendAt)).toBeLessThan(Date.parse("2027-01-07T07:00:00Z"));
    }
  });

  it("on Mon 4 Jan 2027 the 1-day rung is still ahead", () => {
    const days = applyByRungs(at("2027-01-04T17:00:00Z")).map((reminder) =>
      reminder.sendAtLocal.slice(0, 10),
    );
    expect(days).toContain("2027-01-05");
  });

  it("a Step 3 booked has no apply-by rungs", () => {
    const booked = dara(milestoneFactory("usmle_step3", "scheduled", "2027-01-20"));
    expect(applyByRungs(at("2026-12-02T17:00:00Z", booked))).toEqual([]);
  });
});
