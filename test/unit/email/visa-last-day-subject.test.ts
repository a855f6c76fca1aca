import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "../domain/factories.ts";

// The visa's last day for a start on the program's date is told by a notice dated by that day and
// by a rung on its own morning; the subject's day label says "act by" before the day, so the title
// must not say it too ("act by your last day …: act by Mon 3 May 2027").

const calendar = seasonCalendar(2027);
const contract = milestoneFactory("contract", "done", "2027-03-26");
const j1 = matched2027("Pacific/Auckland", {
  extra: [
    contract,
    milestoneFactory("j1_statement_of_need", "scheduled", "2027-04-28"),
    milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
  ],
});
const h1b = matched2027("Pacific/Honolulu", {
  visa: "H-1B",
  extra: [
    contract,
    milestoneFactory("usmle_step3", "done", "2027-01-10"),
    milestoneFactory("visa_h1b", "not_started"),
  ] as MilestoneEntry[],
});

describe("the visa's last-day emails say 'act by' once in their subject", () => {
  it.each([
    ["J-1", j1, "Pacific/Auckland", "2027-04-30T10:00:00+12:00", "act by Mon 3 May 2027"],
    ["H-1B", h1b, "Pacific/Honolulu", "2027-04-28T10:00:00-10:00", "act by Fri 30 Apr 2027"],
  ])("%s: the notice and the day's own rung", (_route, input, zone, now, day) => {
    const result = plan(input, calendar, new Date(now));
    const told = result.reminders.filter(
      (each) => each.risk === "VISA_NOT_READY_FOR_START" || each.rung === "last-day-today",
    );
    expect(told.map((each) => each.rung).sort()).toEqual(["critical-risk", "last-day-today"]);
    for (const reminder of told) {
      const { subject } = renderReminderEmail({
        recipientName: "Ana",
        reminders: [reminder],
        plan: result,
        unsubscribeUrl: "https://example.test/u",
        timezone: zone,
      });
      expect(subject.endsWith(`: ${day}`)).toBe(true);
      expect(subject.toLowerCase().split("act by")).toHaveLength(2);
    }
  });
});
