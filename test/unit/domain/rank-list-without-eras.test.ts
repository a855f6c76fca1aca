import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneKey } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// Registered with NRMP, the ERAS application never submitted, no interview recorded: there is
// nothing to rank. The rank order list waits for the application (no "certify your list" countdown,
// no escalation at its deadline) while ERAS_LATE_SUBMISSION weighs the next Match, and the
// no-interview question is asked from ranking's opening. An interview recorded is evidence the
// applicant is in the Match whatever ERAS reads: the list is then planned as ever.
// Here: Arjun, Los Angeles, J-1, 16 Jan 2027, the day after ranking's projected opening.

const calendar = seasonCalendar(2027);
const NOW = new Date("2027-01-16T18:00:00Z");
const WITHOUT_ERAS: readonly MilestoneKey[] = REGISTERED_KEYS.filter((key) => key !== "eras_application");

function planFor(keys: readonly MilestoneKey[], interviews: Interview[] = []): Plan {
  const applicant = applicantFactory({
    fullName: "Arjun Rao",
    matchYear: 2027,
    timezone: "America/Los_Angeles",
  });
  const milestones = doneMilestones(keys, "2026-09-01");
  if (!keys.includes("eras_application"))
    milestones.push(milestoneFactory("eras_application", "not_started"));
  return plan(inputFactory({ applicant, milestones, interviews }), calendar, NOW);
}
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const rankListReminders = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "rank_order_list");

describe("the rank order list with no ERAS application", () => {
  it("waits for the application, with no countdown, and asks about interviews", () => {
    const result = planFor(WITHOUT_ERAS);
    expect(result.nextSteps.map((step) => step.milestone)).not.toContain("rank_order_list");
    const list = result.blocked.find((step) => step.milestone === "rank_order_list");
    expect(list?.waitingFor).toEqual(["eras_application"]);
    expect(rankListReminders(result)).toEqual([]);
    expect(result.overdue.map((step) => step.milestone)).not.toContain("rank_order_list");
    expect(codes(result)).toContain("NO_INTERVIEW_RECORDED");
  });

  it("is planned as ever with an interview recorded, ERAS unsubmitted or not", () => {
    const interview = interviewFactory({ program: "Valley IM", startsAt: "2026-12-02T09:00:00-08:00" });
    const result = planFor(WITHOUT_ERAS, [interview]);
    expect(result.nextSteps.map((step) => step.milestone)).toContain("rank_order_list");
    expect(rankListReminders(result).length).toBeGreaterThan(0);
    expect(codes(result)).not.toContain("NO_INTERVIEW_RECORDED");
  });

  it("keeps its countdown with ERAS submitted and no interview, beside the no-interview question", () => {
    const result = planFor(REGISTERED_KEYS);
    expect(result.nextSteps.map((step) => step.milestone)).toContain("rank_order_list");
    expect(rankListReminders(result).length).toBeGreaterThan(0);
    expect(codes(result)).toContain("NO_INTERVIEW_RECORDED");
  });
});
