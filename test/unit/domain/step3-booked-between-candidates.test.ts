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
 * An H-1B Step 3 booked after the projected last sitting day (Wed 27
 * Jan 2027) but by the later candidate's (Wed 3 Feb 2027, the rank order list deadline's later
 * candidate Wed 3 Mar less 28 days) says both sides on the card, as Step 2 CK's does: try to move
 * it to the projected day, else keep the booked day, in time under the later candidate; never "As
 * booked, it is too late"; the critical risk agrees. Applicant in Kathmandu, booked Mon 1 Feb.
 */
function kathmanduH1b(booked: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "step3-booked-between",
      timezone: "Asia/Kathmandu",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", booked),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}
const at = (booked: string, iso: string): Plan =>
  plan(kathmanduH1b(booked), seasonCalendar(2027), new Date(iso));
const step3Risk = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
const step3Card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");

describe("H-1B Step 3 booked between the two candidates' last sitting days", () => {
  it("before the projected last sitting day: try to move it to Wed 27 Jan, else keep Mon 1 Feb, in time under the later candidate", () => {
    const result = at("2027-02-01", "2027-01-12T05:00:00Z");
    const card = step3Card(result)?.action ?? "";
    expect(card).toContain("Try to move it to Wed 27 Jan 2027 (our advice) or earlier");
    expect(card).toContain("keep Mon 1 Feb 2027");
    expect(card).toContain("Wed 3 Mar 2027");
    expect(card).not.toContain("too late");
    const risk = step3Risk(result)?.message ?? "";
    expect(risk).toContain("try to move it to Wed 27 Jan 2027 (our advice) or earlier");
    expect(risk).toContain("keep Mon 1 Feb 2027");
    expect(risk).toContain("Wed 3 Mar 2027");
  });

  it("after the projected last sitting day: sit it as booked, in time under the later candidate", () => {
    const result = at("2027-02-01", "2027-01-29T05:00:00Z");
    const card = step3Card(result)?.action ?? "";
    expect(card).toContain("Sit it as booked on Mon 1 Feb 2027");
    expect(card).toContain("Wed 3 Mar 2027");
    expect(card).not.toContain("too late");
    const risk = step3Risk(result)?.message ?? "";
    expect(risk).toContain("keep your date");
    expect(risk).not.toContain("try to move it");
  });

  it("booked past the later candidate's last sitting day too (Thu 4 Feb): too late as booked, as before", () => {
    const card = step3Card(at("2027-02-04", "2027-01-12T05:00:00Z"))?.action ?? "";
    expect(card).toContain("As booked, it is too late");
  });

  it("the step's deadline is the last sitting day, a day in the applicant's zone, not 9:00 PM ET", () => {
    const card = step3Card(at("2027-02-01", "2027-01-12T05:00:00Z"));
    expect(card?.deadline).toMatchObject({ local: "Wed 27 Jan 2027", precision: "day", day: "2027-01-27" });
    // Kathmandu's day after Wed 27 Jan begins at 18:15 UTC.
    expect(card?.dueBy).toBe("2027-01-27T18:15:00.000Z");
  });

  it("a sitting on Thu 28 Jan in Kathmandu is after the last sitting day, though its midnight is before 9:00 PM ET on the 27th", () => {
    const card = step3Card(at("2027-01-28", "2027-01-12T05:00:00Z"))?.action ?? "";
    expect(card).toContain("Try to move it to Wed 27 Jan 2027 (our advice) or earlier");
  });
});
