import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A visa step whose date is our advice counted back from another step's (the DS-2019 a month before
// the J-1 visa's date, the sponsorship six weeks before the DS-2019) is past that day alone while the
// visa's own date still holds: a warning of what to ask, never "behind" or "you cannot start".
// Here: a Dhaka applicant matched on J-1 who did everything on the plan's days (the contract, the
// Statement of Need, the sponsorship on Mon 5 Apr 2027); ECFMG's DS-2019 has not come by the plan's
// Mon 17 May (the end of ECFMG's 4–6 weeks); the J-1 visa's own date is Wed 16 Jun 2027.

const calendar = seasonCalendar(2027);
const onTime = matched2027("Asia/Dhaka", {
  extra: [
    // Reported: the sponsorship sent does not make it issued (issuedApart), and it is needed first.
    milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
    milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
  ],
});
const at = (iso: string) => plan(onTime, calendar, new Date(iso));

describe("a derived visa step past our date while the visa's own date holds", () => {
  const result = at("2027-05-18T06:00:00Z"); // Tue 18 May, noon in Dhaka

  it("warns, naming whom to ask and the visa's date, with no critical risk or notice", () => {
    const codes = result.risks.map((risk) => `${risk.severity} ${risk.code}`);
    expect(codes).toContain("warning VISA_STEP_LATE");
    expect(codes).not.toContain("critical VISA_NOT_READY_FOR_START");
    const late = result.risks.find((risk) => risk.code === "VISA_STEP_LATE");
    expect(late?.milestones).toEqual(["j1_ds2019"]);
    expect(late?.message).toContain("Mon 17 May 2027 (our advice), has passed");
    expect(late?.message).toContain("your visa's own date, Wed 16 Jun 2027 (our advice), still holds");
    expect(late?.message).toContain("ask your program's J-1 liaison and ECFMG");
    expect(late?.message).not.toMatch(/behind|cannot start/);
    expect(result.reminders.filter((each) => each.rung === "critical-risk")).toEqual([]);
  });

  it("tells it once at the next delivery slot, on the DS-2019's card, and chases it in the same words", () => {
    const notice = result.reminders.filter((each) => each.risk === "VISA_STEP_LATE");
    expect(notice.map((each) => each.milestone)).toEqual(["j1_ds2019"]);
    const chase = result.reminders.filter((each) => each.rung === "visa-behind");
    expect(chase.length).toBeGreaterThan(0);
    for (const each of chase) {
      expect(each.why).toContain("still holds");
      expect(each.why).not.toContain("is not done yet");
    }
  });

  it("turns critical once half the month before the visa's date has gone, and after that date", () => {
    for (const iso of ["2027-06-02T04:00:00Z", "2027-06-18T04:00:00Z"]) {
      const codes = at(iso).risks.map((risk) => `${risk.severity} ${risk.code}`);
      expect(codes, iso).toContain("critical VISA_NOT_READY_FOR_START");
      expect(codes, iso).not.toContain("warning VISA_STEP_LATE");
    }
  });

  it("keeps the visa itself, dated on its own, critical the day after its date", () => {
    const withDs2019 = matched2027("Asia/Dhaka", {
      extra: [
        ...onTime.milestones.filter((each) =>
          ["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship"].includes(each.key),
        ),
        milestoneFactory("j1_ds2019", "done", "2027-05-14"),
      ],
    });
    const codes = plan(withDs2019, calendar, new Date("2027-06-18T04:00:00Z")).risks.map(
      (risk) => `${risk.severity} ${risk.code}`,
    );
    expect(codes).toContain("critical VISA_NOT_READY_FOR_START");
  });
});

// The applicant's own later day for a step settles whether the visa's date holds: a Dhaka applicant
// matched on J-1 whose Ministry promises the Statement of Need for Mon 10 May 2027, five weeks after
// the plan's Mon 5 Apr; even at ECFMG's shorter review and the consulate's month the visa then comes
// around 7 Jul, after residency starts on 1 Jul, so the start is at risk now. The J-1 verdict counts
// that day once, with the last day for the start (never the chain's longer count beside it).
describe("a visa step the applicant expects on a day that carries the visa past the start", () => {
  const expecting = (statementDay: string) =>
    matched2027("Asia/Dhaka", {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
        milestoneFactory("contract", "done", "2027-03-26"),
        milestoneFactory("j1_statement_of_need", "scheduled", statementDay),
        milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-03-30"),
      ],
    });
  const april10 = new Date("2027-04-10T06:00:00Z"); // Sat 10 Apr, noon in Dhaka

  it("is critical at once, naming the applicant's day and the visa's day it leads to", () => {
    const result = plan(expecting("2027-05-10"), calendar, april10);
    const codes = result.risks.map((risk) => `${risk.severity} ${risk.code}`);
    expect(codes).toContain("critical VISA_NOT_READY_FOR_START");
    expect(codes).not.toContain("warning VISA_STEP_LATE");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("even with every document in on Mon 10 May 2027, the day you plan");
    expect(risk?.message).toContain(
      "your J-1 visa would come around Wed 7 Jul 2027 at the earliest, after residency starts",
    );
    expect(risk?.message).not.toContain("Wed 21 Jul 2027");
    for (const each of result.reminders.filter((reminder) => reminder.rung === "visa-behind"))
      expect(each.why).not.toContain("still holds");
  });

  // Known the day the applicant gives it: not a week later, once the plan's 5 Apr has passed.
  it.each([
    ["Asia/Dhaka", "2027-04-01T03:00:00Z"],
    ["Pacific/Honolulu", "2027-04-01T19:00:00Z"],
    ["Pacific/Auckland", "2027-03-31T21:00:00Z"],
  ])("is critical before our day for the step has passed too (%s, %s)", (timezone, now) => {
    const input = expecting("2027-05-10");
    const result = plan({ ...input, applicant: { ...input.applicant, timezone } }, calendar, new Date(now));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("the day you plan, Mon 10 May 2027, is after it");
    expect(risk?.message).not.toContain("past the date we plan for");
    expect(risk?.message).toContain("tell your program's GME office now that your start may be delayed");
    expect(result.reminders.some((each) => each.rung === "critical-risk")).toBe(true);
  });

  it("stays a warning when the applicant's day leaves the visa before the start", () => {
    const codes = plan(expecting("2027-04-12"), calendar, april10).risks.map(
      (risk) => `${risk.severity} ${risk.code}`,
    );
    expect(codes).toContain("warning VISA_STEP_LATE");
    expect(codes).not.toContain("critical VISA_NOT_READY_FOR_START");
  });
});
