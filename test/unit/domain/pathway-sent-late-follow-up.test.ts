import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * A Pathway reported submitted, dated in time or after
 * its projected application deadline (Sat 26 Dec 2026 for the 2027 Match), gets one follow-up worded
 * for a submission ("Did ECFMG accept your Pathway application of <date>?"), never the exam words
 * ("your date has passed; tell us the result"), and no "Complete an ECFMG Pathway" countdown to the
 * rank order list deadline. Chidi: Abuja (Africa/Lagos zone), J-1, all else done, interview 10 Dec.
 */
const calendar = seasonCalendar(2027);

const chidi = (date: string): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "psl-1",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones: [
      ...doneMilestones([...PRE_ERAS_KEYS.filter((key) => key !== "ecfmg_pathway"), "nrmp_registration"]),
      milestoneFactory("ecfmg_pathway", "in_progress", date),
    ],
    interviews: [interviewFactory({ program: "Riverside IM", startsAt: "2026-12-10T10:00:00-05:00" })],
  });

const pathwayReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "ecfmg_pathway");

describe("a Pathway reported submitted", () => {
  it("sent after its projected deadline: one follow-up and no 'Due' countdown to the rank order list deadline", () => {
    const result = plan(chidi("2027-01-04"), calendar, new Date("2027-01-09T09:00:00Z"));
    const rungs = pathwayReminders(result).map((r) => r.rung);
    expect(rungs).toEqual(["result-follow-up"]);
  });

  it("sent late: the follow-up asks whether ECFMG accepted the application of that date", () => {
    const result = plan(chidi("2027-01-04"), calendar, new Date("2027-01-09T09:00:00Z"));
    const title = pathwayReminders(result)[0]?.title ?? "";
    expect(title).toContain("Did ECFMG accept your Pathway application of Mon 4 Jan 2027?");
    expect(title).not.toMatch(/has passed|tell us the result/);
  });

  it("sent in time: the same submission words, not the exam's", () => {
    const result = plan(chidi("2026-11-20"), calendar, new Date("2026-12-28T09:00:00Z"));
    const followUps = pathwayReminders(result).filter((r) => r.rung === "result-follow-up");
    expect(followUps.length).toBe(1);
    expect(followUps[0]?.title).toContain("Did ECFMG accept your Pathway application of Fri 20 Nov 2026?");
    expect(`${followUps[0]?.title} ${followUps[0]?.why}`).not.toMatch(
      /has passed|tell us the result|new date/,
    );
  });

  it.each([
    ["sent late", "2027-01-04"],
    ["sent in time", "2026-11-20"],
  ])(
    "%s, between the rank order list deadline's two candidates (24 Feb and 3 Mar 2027): not overdue",
    (_name, date) => {
      const now = "2027-02-26T09:00:00.000Z";
      const result = plan(chidi(date), calendar, new Date(now));
      expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
      const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
      expect(pathway).toBeDefined();
      if (pathway !== undefined) expect(stepBadge(pathway, now, result.risks)).not.toMatch(/overdue/);
    },
  );
});
