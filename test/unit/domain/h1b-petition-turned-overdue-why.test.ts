import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Manila whose program filed the petition on this plan's filing day, Fri
// 16 Apr 2027 (consular processing): past this plan's approval day (Fri 7 May) it is behind our plan,
// then overdue since the last day an approval still brought the visa before the start's last week
// (Fri 14 May), a day nothing was due on. The reminders that say "overdue since" that day (the
// critical notice, the weekly chase) say in their why what that day is.

const calendar = seasonCalendar(2027);
const input = matched2027("Asia/Manila", {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-20"),
    milestoneFactory("contract", "done", "2027-04-06"),
    milestoneFactory("visa_h1b", "in_progress", "2027-04-16"),
  ],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));
const petitionReminders = (result: Plan): Reminder[] =>
  result.reminders.filter(
    (each) => each.milestone === "visa_h1b" && each.overdueSince !== undefined && each.sendAt >= result.now,
  );

describe("a filed H-1B petition's reminders once it turned overdue on a day nothing was due", () => {
  it("the critical notice and the weekly chase name that day and say what it is", () => {
    const result = at("2027-06-10T01:00:00Z");
    const reminders = petitionReminders(result).filter((each) => each.behindPlan === undefined);
    expect(reminders.some((each) => each.risk === "VISA_NOT_READY_FOR_START")).toBe(true);
    expect(reminders.some((each) => each.risk === undefined)).toBe(true);
    for (const each of reminders) {
      const day = each.overdueSince?.local ?? "";
      expect(day).not.toBe("");
      expect(each.why).toContain(
        `Overdue since ${day} (our advice): the last day on which USCIS's approval of your filed H-1B petition, with the time this plan allows for the stamping after it, still brought your visa before the start's last week`,
      );
      expect(day).toBe("Fri 14 May 2027");
      expect(each.why).not.toContain("your visa's own date still holds");
      expect(each.why.split("Overdue since").length).toBe(2);
    }
  });

  it("while behind our plan, no such sentence", () => {
    const result = at("2027-05-08T01:00:00Z");
    const reminders = petitionReminders(result).filter((each) => each.sendAt < "2027-05-14T12:00:00Z");
    expect(reminders.length).toBeGreaterThan(0);
    for (const each of reminders) expect(each.why).not.toContain("Overdue since");
  });
});
