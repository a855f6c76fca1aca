import { describe, expect, it } from "vitest";
import { PROGRAM_ANSWER_TITLE } from "#domain/act-by-day-labels.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate } from "#domain/time.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * Matched on H-1B abroad, contract signed, Step 3 never sat, and its last day for the petition
 * (Fri 19 Mar 2027) long past: the H-1B for a 1 July start is out of reach unless the program
 * starts them later or takes them on a J-1. Like a J-1 applicant's steps behind, Step 3 is chased
 * at least weekly up to residency's start, each email asking whether the program has answered and
 * overdue since the day its card and the overdue list name (one date, never the start); not one
 * notice on Match Day, then silence until June. Prakash lives in Kathmandu (UTC+5:45).
 */
const calendar = seasonCalendar(2027);
const prakash = matched2027("Asia/Kathmandu", {
  visa: "H-1B",
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
    milestoneFactory("contract", "done", "2027-03-29"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});

describe("matched on H-1B abroad, Step 3 out of reach for the petition", () => {
  const result = plan(prakash, calendar, new Date("2027-04-20T03:00:00Z"));
  const chase = result.reminders
    .filter((r) => r.milestone === "usmle_step3" && r.rung !== "critical-risk")
    .sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));

  it("is chased at least weekly from now up to residency's start", () => {
    expect(chase.length).toBeGreaterThanOrEqual(10);
    const start = calendar.dates.residency_start.at;
    const times = [Date.parse(result.now), ...chase.map((r) => Date.parse(r.sendAt)), start];
    for (let index = 1; index < times.length; index++)
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeLessThanOrEqual(8 * 86_400_000);
    expect(localDate("Asia/Kathmandu", Date.parse(chase.at(-1)?.sendAt ?? ""))).toBe("2027-06-30");
  });

  it("asks for the program's answer, overdue since Step 3's passed day, never 'not done yet'", () => {
    expect(chase.length).toBeGreaterThan(0);
    for (const reminder of chase) {
      expect(reminder.overdueSince?.local).toBe("Fri 19 Mar 2027");
      expect(reminder.title).toBe(PROGRAM_ANSWER_TITLE);
      expect(reminder.why).toContain(
        "Step 3's last day for your program's H-1B petition, Fri 19 Mar 2027 (our advice, not set by any authority), has passed, so the H-1B for your start date is likely out of reach unless your program starts you later or takes you on a J-1",
      );
      expect(reminder.why).not.toContain("not done yet");
    }
  });
});
