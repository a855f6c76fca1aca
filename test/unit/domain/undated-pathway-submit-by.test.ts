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
 * Nour: Cairo, J-1, 2027 Match, every step done
 * (the OET too) but the ECFMG Pathway, reported in progress with no date, and the rank order list,
 * never reported; an interview on 13 Jan 2027. A Pathway not yet submitted is decided by ECFMG's
 * review allowance before the rank order list deadline, Wed 24 Feb 2027 (projected) less 28 days,
 * Wed 27 Jan 2027, and never after the deadline for the documents that follow the application
 * (29 days before it): Tue 26 Jan 2027 (9:00 PM ET); on the later candidate (Wed 3 Mar) Tue 2 Feb
 * 2027. After the deadline, the Pathway and the list are asked about, not written off.
 */
const calendar = seasonCalendar(2027);

function nour(pathway = milestoneFactory("ecfmg_pathway", "in_progress")): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Cairo", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "ecfmg_pathway" && key !== "rank_order_list"),
        "2026-09-18",
      ),
      pathway,
    ],
    interviews: [interviewFactory({ program: "Lakeside IM", startsAt: "2027-01-13T09:00:00-05:00" })],
  });
}

const pathwayOf = (result: Plan) => result.nextSteps.find((s) => s.milestone === "ecfmg_pathway");
const pathwayReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "ecfmg_pathway");
const localDays = (result: Plan) => pathwayReminders(result).map((r) => r.sendAtLocal.slice(0, 10));

describe("an undated Pathway in progress, OET done, interviewing: the day that decides an unsent one", () => {
  it("Wed 6 Jan: the card and the rungs run to Tue 26 Jan (the documents' deadline, before the review allowance's day), as with an OET pending", () => {
    const result = plan(nour(), calendar, new Date("2027-01-06T08:00:00Z"));
    expect(pathwayOf(result)?.deadline?.et).toBe("Tue 26 Jan 2027, 9:00 PM ET");
    // In her time, with ET beside it, as the email's "Due" line names the day.
    expect(pathwayOf(result)?.action).toContain(
      "by Wed 27 Jan 2027, 4:00 AM GMT+2 (Tue 26 Jan 2027, 9:00 PM ET) (our advice) at the latest",
    );
    const days = localDays(result);
    expect(days).toContain("2027-01-24");
    expect(days).toContain("2027-01-26");
    expect(days.filter((day) => day > "2027-01-27")).toEqual([]);
  });

  it("Sat 30 Jan: both sides, the later candidate's day (Tue 2 Feb) named, with rungs to it", () => {
    const result = plan(nour(), calendar, new Date("2027-01-30T08:00:00Z"));
    const action = pathwayOf(result)?.action ?? "";
    expect(action).toContain(
      "Wed 27 Jan 2027, 4:00 AM GMT+2 (Tue 26 Jan 2027, 9:00 PM ET) (our advice), the last day to submit it in time for that deadline, has passed",
    );
    expect(action).toContain("Wed 3 Mar 2027");
    expect(action).toContain("by Wed 3 Feb 2027, 4:00 AM GMT+2 (Tue 2 Feb 2027, 9:00 PM ET)");
    expect(pathwayOf(result)?.deadline?.et).toBe("Tue 2 Feb 2027, 9:00 PM ET");
    const days = localDays(result);
    expect(days).toContain("2027-01-31");
    expect(days).toContain("2027-02-02");
    expect(days.filter((day) => day > "2027-02-03")).toEqual([]);
    expect(result.overdue.filter((each) => each.milestone === "ecfmg_pathway")).toEqual([]);
  });

  it("Sat 30 Jan: still 'submit it today', as for a Pathway not started, until Tue 2 Feb; 'too late' only on Mon 8 Feb", () => {
    const risks = (at: string) => plan(nour(), calendar, new Date(at)).risks;
    const late = (at: string) =>
      risks(at).find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
    const asked = risks("2027-01-30T08:00:00Z").find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
    expect(asked?.severity).toBe("critical");
    expect(asked?.message).toContain("If not, finish it and submit it today");
    expect(late("2027-01-30T08:00:00Z")).toBe("");
    expect(late("2027-02-08T08:00:00Z")).toContain("even submitted today it would not be decided in time");
    expect(late("2027-02-08T08:00:00Z")).not.toContain("Wed 3 Mar 2027");
  });

  it("Mon 8 Feb: both days passed, only 'submitted? tell us the date', no countdown to 24 Feb", () => {
    const result = plan(nour(), calendar, new Date("2027-02-08T08:00:00Z"));
    const action = pathwayOf(result)?.action ?? "";
    expect(action).toContain("Submitted? Tell us the date");
    expect(action).not.toContain("submit today");
    const reminders = pathwayReminders(result);
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.filter((r) => r.rung.startsWith("deadline-in"))).toEqual([]);
    // EXAMS_LATE_FOR_RANKING's critical notice rides on the step too; its own rungs ask the question.
    for (const reminder of reminders.filter((r) => r.rung !== "critical-risk"))
      expect(reminder.title).toContain("submitted? Tell us the date");
    expect(result.overdue.filter((each) => each.milestone === "ecfmg_pathway")).toEqual([]);
  });
});

describe("after the projected rank order list deadline, the undated Pathway and the list are asked", () => {
  it("Fri 26 Feb: no write-off, the Match kept with Match Week, asked whether ECFMG accepted it and whether a list was certified", () => {
    const result = plan(nour(), calendar, new Date("2027-02-26T08:00:00Z"));
    const codes = result.risks.map((risk) => risk.code);
    expect(codes).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(codes).toContain("RANK_LIST_UNREPORTED");
    expect(result.matchYear).toBe(2027);
    expect(JSON.stringify(result)).not.toContain("Change your target Match year to 2028");
    expect(result.nextSteps.map((s) => s.milestone)).toContain("match_week");
    expect(pathwayOf(result)?.action).toContain("Did ECFMG accept your Pathway?");
  });

  it("Fri 26 Feb: the critical question (the notice that goes out) asks both, the Pathway first", () => {
    const result = plan(nour(), calendar, new Date("2027-02-26T08:00:00Z"));
    const message = result.risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED")?.message ?? "";
    expect(message).toMatch(
      /^Did ECFMG accept your Pathway, .*did you certify a rank order list by Thu 25 Feb 2027, 4:00 AM GMT\+2 \(Wed 24 Feb 2027, 9:00 PM ET\) \(projected\)/,
    );
    expect(message).toContain("If ECFMG had not accepted your Pathway by then");
  });

  it("the Pathway reported not started: the write-off stands", () => {
    const result = plan(
      nour(milestoneFactory("ecfmg_pathway", "not_started")),
      calendar,
      new Date("2027-02-26T08:00:00Z"),
    );
    expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("a week after Match Day with still no answer, the plan moves on", () => {
    const result = plan(nour(), calendar, new Date("2027-03-29T08:00:00Z"));
    expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
