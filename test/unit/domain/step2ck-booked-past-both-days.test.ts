import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A 2027 J-1 applicant in Manila, every step to the Match done but Step 2 CK, booked for Wed 10 Feb
// 2027: after its projected last sitting day (Wed 27 Jan) and after the later candidate's (Wed 3 Feb)
// too. From 27 Jan the risk says "move it to Wed 3 Feb or earlier"; the row read Wed 27 Jan and the
// critical notice "Overdue since Wed 27 Jan" beside it. Once 3 Feb had passed, the risk said a fast
// result could still keep the Match while the card said "As booked, it is too late".

const applicant = inputFactory({
  applicant: applicantFactory({
    matchYear: 2027,
    timezone: "Asia/Manila",
    visa: "J-1",
    graduation: "2026-06-01",
  }),
  milestones: [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
      "2026-09-20",
    ),
    milestoneFactory("usmle_step2ck", "scheduled", "2027-02-10"),
  ],
});

const step2ck = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "usmle_step2ck");
const notice = (plan: Plan) =>
  plan.reminders.find((each) => each.milestone === "usmle_step2ck" && each.rung === "critical-risk");
const lateRisk = (plan: Plan) => plan.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");

describe("Step 2 CK booked for Wed 10 Feb 2027, past both last sitting days", () => {
  it("before the projected last sitting day, one day: Wed 27 Jan on the row and in the risk", () => {
    const plan = planFor(applicant, "2027-01-10T08:00:00+08:00");
    expect(step2ck(plan)?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(lateRisk(plan)?.message).toContain("take it by Wed 27 Jan 2027 at the latest");
  });

  for (const now of ["2027-01-27T10:00:00+08:00", "2027-01-28T08:00:00+08:00"]) {
    it(`at ${now}, the day the risk says to move it to is the row's, the card's and the notice's`, () => {
      const plan = planFor(applicant, now);
      expect(lateRisk(plan)?.message).toContain("move it to Wed 3 Feb 2027 (our advice) or earlier");
      const step = step2ck(plan);
      expect(step?.urgency).toBe("urgent");
      expect(step?.deadline?.local).toBe("Wed 3 Feb 2027");
      expect(step?.action).toContain("Move it to Wed 3 Feb 2027 (our advice) or earlier");
      expect(step?.action).not.toContain("27 Jan");
      expect(plan.overdue.some((each) => each.milestone === "usmle_step2ck")).toBe(false);
      const reminders = plan.reminders.filter((each) => each.milestone === "usmle_step2ck");
      expect(reminders.length).toBeGreaterThan(0);
      for (const reminder of reminders) expect(reminder.deadlineDetail?.local).toBe("Wed 3 Feb 2027");
    });
  }

  it("once Wed 3 Feb has passed, the card gives the risk's one verdict: the Match on a fast result", () => {
    const plan = planFor(applicant, "2027-02-04T08:00:00+08:00");
    const verdict = "if it reaches ECFMG by Wed 24 Feb 2027 (projected) you are in the Match";
    expect(lateRisk(plan)?.message).toContain(verdict);
    const action = step2ck(plan)?.action ?? "";
    expect(action).toContain(verdict);
    expect(action).toContain("book an earlier date if one is open, else sit it as booked");
    expect(action).not.toContain("too late for the 2027 Match's ranking");
    expect(notice(plan)?.deadlineDetail?.local).not.toContain("27 Jan");
  });

  it("sat, its result awaited is judged by the projected deadline again", () => {
    const plan = planFor(applicant, "2027-02-11T08:00:00+08:00");
    expect(step2ck(plan)?.action).toContain("by the rank order list deadline, Wed 24 Feb 2027 (projected)");
  });
});
