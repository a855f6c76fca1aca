import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate } from "#domain/time.ts";
import { startByCell } from "../../../shared/cli/start-by-cell.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
  REGISTERED_KEYS,
} from "./factories.ts";

// East of New York a latest start at 9:00 PM ET (the rank list's, 21 days before its deadline) or
// 11:59 PM ET (NRMP's, 14 days before the early deadline) falls on the applicant's next day, and
// the card names the earlier, ET's. The "Start now" email went on her own day, the morning after
// the day the card and the calendar feed give (Auckland, Karachi, Lagos: "start by Wed 3 Feb",
// emailed Thu 4 Feb). It goes on the card's day, and a rung that shared its email goes with it.

const calendar = seasonCalendar(2027);
const ZONES = [
  "Pacific/Auckland",
  "Asia/Manila",
  "Asia/Karachi",
  "Africa/Lagos",
  "Europe/London",
  "America/New_York",
  "Pacific/Honolulu",
];

const rankListOpen = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "J-1", graduation: "2024-06-15" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-06-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-08-20"),
    ],
  });

const nrmpOpen = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "J-1", graduation: "2024-06-15" }),
    milestones: doneMilestones(PRE_ERAS_KEYS, "2025-06-20"),
  });

const sendDays = (zone: string, reminders: readonly { sendAt: string }[]) =>
  reminders.map((each) => localDate(zone, Date.parse(each.sendAt)));

describe("a step's 'Start now' email goes on the start-by day its card names, in every zone", () => {
  for (const zone of ZONES)
    it(`the rank order list in ${zone}: start by Wed 3 Feb, emailed on Wed 3 Feb`, () => {
      const result = plan(rankListOpen(zone), calendar, new Date("2027-01-10T10:00:00Z"));
      const step = result.nextSteps.find((each) => each.milestone === "rank_order_list");
      expect(startByCell(step ?? {}, result.now, zone)).toBe("start by Wed 3 Feb 2027 †");
      const startNow = result.reminders.filter(
        (each) => each.milestone === "rank_order_list" && each.rung === "start-by",
      );
      expect(sendDays(zone, startNow)).toEqual(["2027-02-03"]);
      // Still before the latest start itself (9:00 PM ET that day).
      expect(Date.parse(startNow[0]?.sendAt ?? "")).toBeLessThan(Date.parse(step?.startBy ?? ""));
    });

  it("NRMP's start-by and its 'due in 14 days' stay one email, on the card's day, as in New York", () => {
    const now = new Date("2026-10-01T00:00:00Z");
    const days = (zone: string) => {
      const result = plan(nrmpOpen(zone), calendar, now);
      const step = result.nextSteps.find((each) => each.milestone === "nrmp_registration");
      const nrmp = result.reminders.filter((each) => each.milestone === "nrmp_registration");
      return { cell: startByCell(step ?? {}, result.now, zone), days: sendDays(zone, nrmp) };
    };
    const newYork = days("America/New_York");
    expect(newYork.cell).toBe("start by Mon 16 Nov 2026 †");
    expect(newYork.days).toContain("2026-11-16");
    for (const zone of ["Pacific/Auckland", "Asia/Manila", "Africa/Lagos", "Europe/London"]) {
      const there = days(zone);
      expect(there.cell).toBe("start by Mon 16 Nov 2026 †");
      // One email on the card's day, none the morning after (two emails on consecutive days before).
      expect(there.days).toContain("2026-11-16");
      expect(there.days).not.toContain("2026-11-17");
      expect(there.days.length).toBe(new Set(there.days).size);
    }
  });
});
