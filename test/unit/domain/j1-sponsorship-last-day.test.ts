import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import type { Reminder } from "#domain/reminder.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { reminderSubject } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A Manila graduate, certified, who matched on a J-1 for a 1 Jul 2027 start and signed in March.
// The plan counts on the sponsorship application by Mon 5 Apr, the DS-2019 by Mon 17 May and the J-1
// visa by Wed 16 Jun. The Statement of Need has been under way since 10 Apr, the sponsorship since
// 15 Apr. From 20 Apr, even with every document in that day, ECFMG's shorter review (4 weeks) and
// the plan's month at the consulate bring the visa after 16 Jun: the visa's date no longer holds.
// The 1 Jul start still does, if the file is complete by about Mon 3 May (1 Jul less 30 days less
// 4 weeks). An advisor says so at once, critical, with that day, never "your visa's own date still
// holds" nor "each day can push your DS-2019 past 17 May".

const calendar = seasonCalendar(2027);
const ZONE = "Asia/Manila";
const contract = milestoneFactory("contract", "done", "2027-03-30");
const extra: MilestoneEntry[] = [
  contract,
  milestoneFactory("j1_statement_of_need", "in_progress", "2027-04-10"),
  milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
];
const underWay = matched2027(ZONE, { extra });
const planAt = (now: string): Plan => plan(underWay, calendar, new Date(now));
const APRIL_19 = "2027-04-19T01:00:00Z"; // 9:00 AM in Manila
const APRIL_20 = "2027-04-20T01:00:00Z";
const MAY_3 = "2027-05-03T01:00:00Z";

describe("a J-1 sponsorship still under way in late April: the visa's date is past reach, the start is not", () => {
  it("on 19 Apr the file complete that day still meets the visa's date: the warning that it holds stands", () => {
    const result = planAt(APRIL_19);
    expect(result.risks.map((risk) => risk.code)).toContain("VISA_STEP_LATE");
    expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_NOT_READY_FOR_START");
  });

  for (const now of [APRIL_20, MAY_3])
    it(`at ${now} one critical risk gives the last day for the start, and nothing says the visa's date still holds`, () => {
      const result = planAt(now);
      const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("Wed 16 Jun 2027 (our advice), can no longer be met");
      expect(risk?.message).toContain("To start on Thu 1 Jul 2027");
      expect(risk?.message).toContain("must be complete by about Mon 3 May 2027");
      expect(risk?.message).toContain("get your Statement of Need in now");
      expect(risk?.milestones.slice(0, 2)).toEqual(["j1_statement_of_need", "j1_ecfmg_sponsorship"]);
      expect(result.risks.map((each) => each.code)).not.toContain("VISA_STEP_LATE");
      for (const each of result.risks) expect(each.message).not.toContain("still holds");
      const card = result.nextSteps.find((step) => step.milestone === "j1_ecfmg_sponsorship");
      expect(card?.action).toContain("must be complete by about Mon 3 May 2027");
      expect(card?.action).not.toContain("Each day still to go can push your DS-2019");
      const notices = result.reminders.filter((reminder) => reminder.rung === "critical-risk");
      expect(notices.length).toBe(1);
      expect(result.reminders.some((reminder) => reminder.title.includes("still holds"))).toBe(false);
      // The weekly chase of each late step says what the risk says, never that the visa's date holds.
      for (const reminder of result.reminders)
        expect(reminder.why).not.toMatch(/visa's own date, [^,]+, still holds/);
    });

  it("on 4 May, past that last day, the start is out of reach instead", () => {
    const result = planAt("2027-05-04T12:00:00Z");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("on a J-1 is out of reach");
    expect(risk?.message).not.toContain("must be complete by about");
  });
});

/** The critical notice of a plan (one a plan here), and its email's subject. */
function criticalNotice(result: Plan): { notice: Reminder; subject: string } {
  const notice = result.reminders.find((reminder) => reminder.rung === "critical-risk");
  if (notice === undefined) throw new Error("no critical notice");
  return { notice, subject: reminderSubject([notice], result) };
}

describe("the J-1 verdict's notice carries the verdict's own day, never the date of the step it rides on", () => {
  it("with the file's last day ahead, the notice is due that day, not 'overdue since' the Statement of Need's 5 Apr", () => {
    const { notice, subject } = criticalNotice(planAt(APRIL_20));
    expect(notice.overdueSince).toBeUndefined();
    expect(notice.deadlineDetail.local).toContain("Mon 3 May 2027");
    expect(notice.title).toContain("Your J-1 visa's date can no longer be met");
    expect(subject).toContain("due Mon 3 May 2027");
    expect(subject).not.toContain("5 Apr");
    expect(notice.why).toContain("must be complete by about Mon 3 May 2027");
  });

  it("once the start is out of reach, the notice names no date: none is left to act by but today", () => {
    const { notice, subject } = criticalNotice(planAt("2027-05-04T12:00:00Z"));
    expect(notice.title).toContain("out of reach");
    expect(isUndatedNotice(notice)).toBe(true);
    expect(notice.overdueSince).toBeUndefined();
    expect(subject).not.toMatch(/due|overdue/i);
  });
});

// The same Manila graduate with the sponsorship file complete on Sat 1 May, the DS-2019 awaited. On
// 20 May, even at ECFMG's shorter review (4 weeks) the DS-2019 comes around 29 May at the earliest,
// and with the consulate's month the visa around 28 Jun: the visa's date, 16 Jun, is past reach,
// the 1 Jul start is not, if the DS-2019 reaches the applicant by about Mon 31 May.
describe("a J-1 sponsorship complete on 1 May, the DS-2019 awaited: the visa's date is past reach, the start is not", () => {
  const completed = matched2027(ZONE, {
    extra: [
      contract,
      milestoneFactory("j1_statement_of_need", "done", "2027-04-28"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-05-01"),
      milestoneFactory("j1_ds2019", "in_progress", "2027-05-01"),
      milestoneFactory("ecfmg_certification", "done", "2024-08-01"),
    ],
  });
  const result = plan(completed, calendar, new Date("2027-05-20T01:00:00Z"));

  it("one critical risk gives the DS-2019's last day for the start, in place of a warning counting days left", () => {
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Wed 16 Jun 2027 (our advice), can no longer be met");
    expect(risk?.message).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
    expect(risk?.milestones[0]).toBe("j1_ds2019");
    expect(result.risks.map((each) => each.code)).not.toContain("ECFMG_REVIEW_PAST_DS2019");
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.action).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
    const { notice } = criticalNotice(result);
    expect(notice.deadlineDetail.local).toContain("Mon 31 May 2027");
    expect(notice.overdueSince).toBeUndefined();
  });
});

// The file complete on 1 Apr, the certificate not reported though nothing is known to hold it back:
// ECFMG's review waits for it. On 25 Apr, even were it issued that day, the shorter review and the
// consulate's month bring the visa around 22 Jun, after its date, 16 Jun: that date no longer
// "still holds"; the start does if the certificate is issued by about Mon 3 May.
describe("a J-1 sponsorship sent with the certificate unreported in late April: the visa's date no longer holds", () => {
  const sent = matched2027(ZONE, {
    extra: [
      contract,
      milestoneFactory("j1_statement_of_need", "done", "2027-03-28"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-01"),
    ],
  });
  it("on 25 Apr the risk gives the certificate's last day, and no word says the visa's date still holds", () => {
    const result = plan(sent, calendar, new Date("2027-04-25T01:00:00Z"));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("your ECFMG certificate must be issued by about Mon 3 May 2027");
    const stillHolds = /visa's own date, [^,]+, still holds/;
    for (const each of result.risks) expect(each.message).not.toMatch(stillHolds);
    for (const step of result.nextSteps) expect(step.action).not.toMatch(stillHolds);
    for (const reminder of result.reminders) expect(reminder.why).not.toMatch(stillHolds);
  });

  it("on 18 Apr, issued that day it still meets the visa's date: that date still holds", () => {
    const result = plan(sent, calendar, new Date("2027-04-18T01:00:00Z"));
    expect(result.risks.some((each) => /visa's own date, [^,]+, still holds/.test(each.message))).toBe(true);
  });
});

// The file not complete, the applicant planning to complete it on Fri 30 Apr. On 12 Apr the file
// complete that day would still meet the visa's date, but the plan counts from the day they gave: a
// visa around 29 Jun at the earliest, after 16 Jun. An advisor plans from what the applicant said:
// that day is too late for the visa's date; the start holds if the file is complete by about 3 May.
describe("a J-1 sponsorship planned for 30 Apr: the plan counts from that day, not today", () => {
  const planned = matched2027(ZONE, {
    extra: [
      contract,
      milestoneFactory("j1_statement_of_need", "in_progress", "2027-04-10"),
      milestoneFactory("j1_ecfmg_sponsorship", "scheduled", "2027-04-30"),
    ],
  });

  it("on 12 Apr one critical risk names the day planned and the last day, never 'still holds'", () => {
    const result = plan(planned, calendar, new Date("2027-04-12T01:00:00Z"));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("even with every document in on Fri 30 Apr 2027, the day you plan");
    expect(risk?.message).toContain("must be complete by about Mon 3 May 2027");
    for (const each of result.risks) expect(each.message).not.toContain("still holds");
  });
});
