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
 * H-1B in Boise, certificate pending (Step 3 waits on it),
 * past the projected apply-by day (Wed 6 Jan 2027) but before the later candidate's (Wed 13 Jan).
 * The certificate's step gets rungs leading to 13 Jan, titled with what to do.
 */
function bo(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "certificate-later-apply-by",
      timezone: "America/Boise",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-07:00" })],
  });
}
const at = (iso: string): Plan => plan(bo(), seasonCalendar(2027), new Date(iso));
const laterRungs = (result: Plan) =>
  result.reminders.filter(
    (reminder) =>
      reminder.milestone === "ecfmg_certification" &&
      reminder.title === "Receive ECFMG certification, then apply to FSMB the same day (our advice)",
  );

describe("H-1B certificate pending between the two apply-by days: rungs to the later apply-by day", () => {
  it("on Thu 7 Jan 2027 rungs lead to Wed 13 Jan: 3 and 1 days before its close (7:00 PM MST)", () => {
    const days = laterRungs(at("2027-01-07T17:00:00Z")).map((reminder) => reminder.sendAtLocal.slice(0, 10));
    expect(days).toEqual(expect.arrayContaining(["2027-01-10", "2027-01-12"]));
    for (const rung of laterRungs(at("2027-01-07T17:00:00Z")))
      expect(Date.parse(rung.sendAt)).toBeLessThan(Date.parse("2027-01-14T02:00:00Z"));
  });

  it("the rung's why says the later candidate, as the card does", () => {
    const [rung] = laterRungs(at("2027-01-11T17:00:00Z"));
    expect(rung?.why).toContain("if NRMP's 2027 deadline is the later candidate");
  });

  it("on Fri 15 Jan 2027, past that day, no such rung", () => {
    expect(laterRungs(at("2027-01-15T17:00:00Z"))).toEqual([]);
  });
});
