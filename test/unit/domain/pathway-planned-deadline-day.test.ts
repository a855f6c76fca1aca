import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { pathwayDatedInput } from "./factories.ts";

/**
 * A Pathway application only planned (scheduled) for the local day the projected deadline falls in
 * (the 2027 Match's Sat 26 Dec 2026, 6:00 PM ET: Sun 27 Dec 7:00 AM in Manila, 12:00 PM in Auckland,
 * Sat 26 Dec 1:00 PM in Honolulu). Before that hour the day is in time. Past it, a plan is not a
 * submission: the planned day is too late on the plan's own projection, as a later planned day is,
 * so the critical "submit today" (asking whether it went in before the hour), the row dated by the
 * last day the plan keeps the Match, never "went in on Sun 27 Dec, by its deadline" nor silence.
 * One reported in progress on that day is a submission and keeps ECFMG's review.
 */

const calendar = seasonCalendar(2027);
// ECFMG's deadline on NRMP's later candidate, Tue 2 Feb 2027, 9:00 PM ET: the last day the plan keeps the Match.
const LAST_DAY = "2027-02-03T02:00:00.000Z";

function planOn(status: "scheduled" | "in_progress", date: string, zone: string, now: string) {
  return plan(pathwayDatedInput(status, date, zone), calendar, new Date(now));
}

function pathwayCard(result: ReturnType<typeof plan>) {
  return result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
}

function lastDayRisk(result: ReturnType<typeof plan>) {
  return result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY" && risk.severity === "critical");
}

describe.each([
  ["Asia/Manila", "2026-12-27", "2026-12-27T20:00:00+08:00", "2026-12-28T08:00:00+08:00", "7:00 AM GMT+8"],
  [
    "Pacific/Auckland",
    "2026-12-27",
    "2026-12-27T14:00:00+13:00",
    "2026-12-28T08:00:00+13:00",
    "12:00 PM GMT+13",
  ],
  ["Pacific/Honolulu", "2026-12-26", "2026-12-26T14:00:00-10:00", "2026-12-27T08:00:00-10:00", "1:00 PM HST"],
])("a Pathway planned for the deadline's own day (%s, %s)", (zone, day, pastHour, nextMorning, hour) => {
  for (const now of [pastHour, nextMorning]) {
    describe(`at ${now}`, () => {
      const result = planOn("scheduled", day, zone, now);

      it("is too late: the critical says submit today and asks whether it went in before the hour", () => {
        const risk = lastDayRisk(result);
        expect(risk?.message).toMatch(/submit today instead/);
        expect(risk?.message).toContain(`is that deadline's own day: if your application went in before`);
        expect(risk?.message).toContain(hour);
      });

      it("never reads as submitted by its deadline, and is dated by the last day, not overdue", () => {
        const card = pathwayCard(result);
        expect(card?.action).not.toMatch(/by its deadline: ECFMG is reviewing it/);
        expect(card?.action).toMatch(/Submit it today instead/);
        expect(card?.dueBy).toBe(LAST_DAY);
        expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
      });

      it("asks nothing of ECFMG's answer: no 'Did ECFMG accept your Pathway application' follow-up", () => {
        const asked = result.reminders.filter(
          (reminder) => reminder.milestone === "ecfmg_pathway" && reminder.rung === "result-follow-up",
        );
        expect(asked.map((reminder) => reminder.title)).toEqual([]);
      });
    });
  }
});

describe("the same plan before the deadline's hour (control)", () => {
  it("in Manila at 6:00 AM on Sun 27 Dec is still in time: no 'too late', due by the deadline itself", () => {
    const result = planOn("scheduled", "2026-12-27", "Asia/Manila", "2026-12-27T06:00:00+08:00");
    expect(lastDayRisk(result)?.message ?? "").not.toMatch(/too late/);
    expect(pathwayCard(result)?.dueBy).toBe("2026-12-26T23:00:00.000Z");
  });

  it("wakes at the deadline's hour: 'submit today' goes at the next slot, Sun 27 Dec 9:00 AM, not weeks later", () => {
    const input = pathwayDatedInput("scheduled", "2026-12-27", "Asia/Manila");
    const sent = new Set<string>();
    const out: { at: string; reminder: Reminder }[] = [];
    let now: Date | undefined = new Date("2026-12-26T20:00:00+08:00");
    while (now !== undefined && now.getTime() < Date.parse("2027-01-10T00:00:00Z")) {
      const result = plan(input, calendar, now);
      for (const reminder of dueReminders(result, now, sent)) {
        sent.add(reminder.id);
        out.push({ at: now.toISOString(), reminder });
      }
      now = nextWakeUp(result, now, sent);
    }
    const after = out.filter(({ at }) => Date.parse(at) > Date.parse("2026-12-26T23:00:00Z"));
    expect(after[0]?.at).toBe("2026-12-27T01:00:00.000Z");
    expect(after[0]?.reminder.rung).toBe("critical-risk");
  });
});

describe("a Pathway reported in progress on the deadline's own day (control)", () => {
  it("keeps ECFMG's review the next morning: a reported submission, not a plan", () => {
    const result = planOn("in_progress", "2026-12-27", "Asia/Manila", "2026-12-28T08:00:00+08:00");
    expect(pathwayCard(result)?.action).toMatch(/went in on Sun 27 Dec 2026/);
    expect(lastDayRisk(result)).toBeUndefined();
  });
});
