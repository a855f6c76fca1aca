import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant in Manila matched for a Thu 1 Jul 2027 start, the DS-2019 in hand since 5 May,
// books the consular interview. This plan needs the visa by Wed 16 Jun (advice). An advisor reads
// the booked day as the step's date, on the card and in every email, as for a booked exam; an
// interview already "in progress" with its day is booked too; after an interview the visa did not
// come from, the advisor asks about a 221(g) refusal, not for an expedited appointment.

const calendar = seasonCalendar(2027);

function interview(status: MilestoneStatus, day: string) {
  return matched2027("Asia/Manila", {
    visa: "J-1",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", "2027-05-05"),
      milestoneFactory("visa_j1", status, day),
    ],
  });
}
const visaStep = (result: ReturnType<typeof plan>) =>
  result.nextSteps.find((step) => step.milestone === "visa_j1");
const visaRisk = (result: ReturnType<typeof plan>) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe("a J-1 visa interview booked before the day this plan needs the visa", () => {
  it.each(["scheduled", "in_progress"] as const)(
    "(%s, with its day) counts every reminder down to the interview, not to the visa's date",
    (status) => {
      const result = plan(interview(status, "2027-06-10"), calendar, new Date("2027-05-20T01:00:00Z"));
      const step = visaStep(result);
      expect(step?.action).toContain("Your J-1 visa interview is on Thu 10 Jun 2027");
      expect(step?.action).not.toContain("book the earliest");
      expect(step?.urgency).not.toBe("later");
      expect(step?.ownDate?.local).toContain("Thu 10 Jun 2027");
      const own = result.reminders.filter(
        (each) => each.milestone === "visa_j1" && each.countsDownTo === "own-date",
      );
      expect(own.map((each) => each.title)).toContain("Your J-1 visa interview");
      for (const each of own) expect(each.deadlineDetail.local).toContain("Thu 10 Jun 2027");
      // Before the interview, no "Due" rung to the visa's date comes ahead of it.
      const due = result.reminders.filter(
        (each) => each.milestone === "visa_j1" && each.countsDownTo === undefined,
      );
      for (const each of due)
        expect(Date.parse(each.sendAt)).toBeLessThan(Date.parse("2027-06-10T00:00:00Z"));
    },
  );
});

describe("a J-1 visa interview booked after the day this plan needs the visa", () => {
  it("lays no countdown to the visa's date it cannot meet: its emails name the interview's day", () => {
    const result = plan(interview("scheduled", "2027-06-25"), calendar, new Date("2027-06-11T01:00:00Z"));
    const rungs = result.reminders.filter(
      (each) => each.milestone === "visa_j1" && each.rung !== "critical-risk",
    );
    expect(rungs.length).toBeGreaterThan(0);
    for (const each of rungs) {
      expect(each.countsDownTo).toBe("own-date");
      expect(each.deadlineDetail.local).toContain("Fri 25 Jun 2027");
    }
    expect(visaRisk(result)?.severity).toBe("critical");
  });

  it("its card says what the late interview puts at risk, residency's start, never the Match's ranking it is long past", () => {
    const result = plan(interview("scheduled", "2027-06-25"), calendar, new Date("2027-05-20T02:00:00Z"));
    const action = visaStep(result)?.action ?? "";
    expect(action).toContain("As booked, your visa may not be in hand by residency's start, Thu 1 Jul 2027");
    expect(action).not.toContain("ranking");
  });

  it("on exactly two weeks before the start, a warning that says no more than the two weeks, not less", () => {
    const result = plan(interview("scheduled", "2027-06-17"), calendar, new Date("2027-06-11T01:00:00Z"));
    expect(visaRisk(result)).toBeUndefined();
    const warning = result.risks.find((risk) => risk.code === "VISA_INTERVIEW_AFTER_VISA_DATE");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toContain("only 14 days before residency starts, no more than the two weeks");
    expect(warning?.message).not.toContain("less than the two weeks");
  });

  it("once the interview has taken place, asks about a 221(g) refusal, not for an expedited appointment", () => {
    const result = plan(interview("scheduled", "2027-06-25"), calendar, new Date("2027-06-26T01:00:00Z"));
    const action = visaStep(result)?.action ?? "";
    expect(action).toContain("Your J-1 visa interview was on Fri 25 Jun 2027. Was the visa issued?");
    expect(action).toContain("221(g)");
    expect(action).toContain("tell your program's GME office and ECFMG today");
    expect(action).not.toContain("expedited appointment");
  });
});
