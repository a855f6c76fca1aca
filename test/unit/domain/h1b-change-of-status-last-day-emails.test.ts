import { describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Denver, contract signed, on a change of status (the stamping waived),
// whose program has not filed the petition. Her last day to act by is Tue 8 Jun 2027: the last day a
// filing with premium processing still brings USCIS's approval before the 1 Jul start. The weekly
// chase goes on Wednesdays (2 Jun, then 9 Jun), so without a rung of its own that day passed with no
// email, as the consular route's and the J-1's last days do not. Once it is over, the critical says
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
  it("gets the last-day rung on its own morning, titled and dated as the consular route's", () => {
    const result = plan(input, calendar, new Date("2027-06-04T16:00:00Z"));
    const rung = result.reminders.find(
      (each) => each.milestone === "visa_h1b" && each.rung === "last-day-today",
    );
    expect(rung?.sendAtLocal.startsWith("2027-06-08T09:00")).toBe(true);
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
    expect(result.reminders.some((each) => each.rung === "last-day-today")).toBe(false);
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
