import { describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Denver, contract signed, on a change of status (the stamping waived),
// whose program has not filed the petition. Her last day to act by is Tue 8 Jun 2027: the last day a
// filing with premium processing still brings USCIS's approval before the 1 Jul start. The weekly
// chase goes on Wednesdays (2 Jun, then 9 Jun), so without rungs of its own that day passed with no
// email on it or its eve; every visa last day gets both (the J-1's below). Once it is over, the critical says
// which day passed and what to do now, never only "past the date we plan for".

const calendar = seasonCalendar(2027);
const zone = "America/Denver";
const input = matched2027(zone, {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-18"),
    milestoneFactory("contract", "done", "2027-04-07"),
    milestoneFactory("visa_h1b_stamping", "waived"),
  ],
});

describe("the unfiled change-of-status petition's last day, Tue 8 Jun 2027", () => {
  it("gets the last-day rungs on its eve and its own morning, titled and dated as the consular route's", () => {
    const result = plan(input, calendar, new Date("2027-06-04T16:00:00Z"));
    const rungs = result.reminders.filter(
      (each) => each.milestone === "visa_h1b" && each.rung.startsWith("last-day-"),
    );
    expect(rungs.map((each) => `${each.rung} ${each.sendAtLocal.slice(0, 16)}`)).toEqual([
      "last-day-in-1d 2027-06-07T09:00",
      "last-day-today 2027-06-08T09:00",
    ]);
    const rung = rungs[1];
    expect(rung?.deadlineDetail.local).toBe("Tue 8 Jun 2027");
    const { subject } = renderReminderEmail({
      recipientName: "Lena",
      reminders: rung === undefined ? [] : [rung],
      plan: result,
      unsubscribeUrl: "https://example.test/u",
      timezone: zone,
    });
    expect(subject).toBe(
      "Your program must file your H-1B petition by its last day for you to start on your program's date: act by Tue 8 Jun 2027",
    );
  });

  it("rides on the contract while the petition waits on it, never on the blocked petition", () => {
    const unsigned = matched2027(zone, {
      visa: "H-1B",
      extra: [
        milestoneFactory("usmle_step3", "done", "2027-01-18"),
        milestoneFactory("contract", "in_progress"),
        milestoneFactory("visa_h1b_stamping", "waived"),
      ],
    });
    const result = plan(unsigned, calendar, new Date("2027-06-04T16:00:00Z"));
    expect(result.blocked.map((step) => step.milestone)).toContain("visa_h1b");
    const rungs = result.reminders.filter((each) => each.rung.startsWith("last-day-"));
    expect(rungs.map((each) => `${each.milestone} ${each.rung}`)).toEqual([
      "contract last-day-in-1d",
      "contract last-day-today",
    ]);
  });

  it("once over, the critical names that day, the start out of reach and whom to tell today, undated", () => {
    const result = plan(input, calendar, new Date("2027-06-09T16:00:00Z"));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.visaVerdict).toBe("h1b-out-of-reach");
    expect(risk?.message).toContain(
      "Your program has not reported filing your H-1B petition, and Tue 8 Jun 2027",
    );
    expect(risk?.message).toContain("out of reach unless USCIS approves it sooner");
    expect(risk?.message).toContain("Tell your program's GME office today");
    expect(risk?.message).not.toContain("visa's");
    const notice = result.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
    expect(notice && isUndatedNotice(notice)).toBe(true);
    expect(notice?.title).toBe(
      "The last day for your program to file your H-1B petition for your start has passed: talk to its GME office today",
    );
    expect(result.reminders.some((each) => each.rung.startsWith("last-day-"))).toBe(false);
  });
});

// The same applicant's program filed on Mon 14 Jun, after that last day: USCIS's approval is
// expected around Wed 7 Jul, after the start. The petition's date is that approval, no deadline: the
// critical notices (the start out of reach, then the start delayed) say what to do today, never
// "due Wed 7 Jul" in their subject.
const filedLate = matched2027(zone, {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-18"),
    milestoneFactory("contract", "done", "2027-04-07"),
    milestoneFactory("visa_h1b", "in_progress", "2027-06-14"),
    milestoneFactory("visa_h1b_stamping", "waived"),
  ],
});

describe("a change-of-status petition filed too late for the start", () => {
  it.each([
    [
      "2027-06-15T16:00:00Z",
      "VISA_NOT_READY_FOR_START",
      "USCIS's approval of your H-1B petition is expected after",
    ],
    ["2027-07-01T16:00:00Z", "START_DELAYED", "Your residency start is delayed"],
  ] as const)("at %s: the %s notice is undated, its subject names no day", (now, code, opening) => {
    const result = plan(filedLate, calendar, new Date(now));
    const notice = result.reminders.find((each) => each.risk === code && each.milestone === "visa_h1b");
    expect(notice && isUndatedNotice(notice)).toBe(true);
    const { subject } = renderReminderEmail({
      recipientName: "Lena",
      reminders: notice === undefined ? [] : [notice],
      plan: result,
      unsubscribeUrl: "https://example.test/u",
      timezone: zone,
    });
    expect(subject.startsWith(opening)).toBe(true);
    expect(subject).not.toContain("Jul 2027");
  });
});

// A J-1 sponsorship file in Auckland whose last day is Mon 3 May 2027: its critical notice went on
// 21 Apr, its weekly chase on Thursdays; the eve (Sun 2 May) and the day itself get their rungs.
const j1 = matched2027("Pacific/Auckland", {
  extra: [
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-04-14"),
    milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
  ],
});

describe("a J-1 sponsorship file's last day", () => {
  it("gets the same rungs on its eve and its own morning", () => {
    const result = plan(j1, calendar, new Date("2027-04-28T10:00:00+12:00"));
    const rungs = result.reminders.filter((each) => each.rung.startsWith("last-day-"));
    expect(rungs.map((each) => `${each.rung} ${each.sendAtLocal.slice(0, 16)}`)).toEqual([
      "last-day-in-1d 2027-05-02T09:00",
      "last-day-today 2027-05-03T09:00",
    ]);
  });
});
