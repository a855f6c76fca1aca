import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate matched for a Thu 1 Jul 2027 start has been to the consular interview and has not told
// us whether the visa was issued. A refusal under section 221(g) has no set length, and the program
// must hear of it before the start: with the start close, an advisor asks again every few days, not
// once the morning after and then only three days before the start (ten days of silence after an
// interview on 17 June). While the start is far, weekly is enough.

const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

function interviewed(zone: string, interview: string, visa: "J-1" | "H-1B" = "J-1") {
  const steps =
    visa === "J-1"
      ? [
          milestoneFactory("contract", "done", "2027-03-26"),
          milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
          milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
          milestoneFactory("j1_ds2019", "done", "2027-05-10"),
          milestoneFactory("visa_j1", "scheduled", interview),
        ]
      : [
          milestoneFactory("usmle_step3", "done", "2027-01-20"),
          milestoneFactory("contract", "done", "2027-03-26"),
          milestoneFactory("visa_h1b", "done", "2027-04-20"),
          milestoneFactory("visa_h1b_stamping", "scheduled", interview),
        ];
  return matched2027(zone, {
    visa,
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-12-01"), ...steps],
  });
}

/** The send instants of the step's reminders that ask whether the visa was issued, in order. */
function asked(result: Plan, key: string): number[] {
  return result.reminders
    .filter((reminder) => reminder.milestone === key && reminder.title.includes("was the visa issued?"))
    .map((reminder) => Date.parse(reminder.sendAt))
    .sort((a, b) => a - b);
}
const gaps = (at: number[]) => at.slice(1).map((each, index) => (each - (at[index] as number)) / DAY);

describe("a J-1 visa interview on 17 June, two weeks before the start, its result not told", () => {
  // Lagos, the morning after the interview (Fri 18 Jun, 07:00).
  const result = plan(interviewed("Africa/Lagos", "2027-06-17"), calendar, new Date("2027-06-18T06:00:00Z"));
  const at = asked(result, "visa_j1");

  it("asks at that morning's slot and then every few days up to the start, never ten days apart", () => {
    expect(new Date(at[0] as number).toISOString()).toBe("2027-06-18T08:00:00.000Z");
    expect(at.length).toBeGreaterThanOrEqual(5);
    for (const gap of gaps(at)) expect(gap).toBeLessThanOrEqual(3);
    expect(at.at(-1)).toBeLessThan(calendar.dates.residency_start.at);
  });

  it("asks the same question each time, 221(g) named", () => {
    const texts = result.reminders.filter((reminder) => reminder.milestone === "visa_j1");
    for (const reminder of texts) expect(reminder.why).toContain("221(g)");
  });
});

describe("an H-1B visa interview on 21 June, its result not told", () => {
  it("is asked again every few days the same way", () => {
    const result = plan(
      interviewed("Asia/Manila", "2027-06-21", "H-1B"),
      calendar,
      new Date("2027-06-22T01:00:00Z"),
    );
    const at = asked(result, "visa_h1b_stamping");
    expect(at.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps(at)) expect(gap).toBeLessThanOrEqual(3);
  });
});

describe("a J-1 visa interview on 15 May, six weeks before the start, its result not told", () => {
  it("asks weekly while the start is far, every few days in the last weeks", () => {
    const result = plan(
      interviewed("Pacific/Honolulu", "2027-05-15"),
      calendar,
      new Date("2027-05-16T19:00:00Z"),
    );
    const at = asked(result, "visa_j1");
    for (const gap of gaps(at)) expect(gap).toBeLessThanOrEqual(7);
    const lastTwoWeeks = at.filter((each) => each >= calendar.dates.residency_start.at - 17 * DAY);
    expect(lastTwoWeeks.length).toBeGreaterThanOrEqual(5);
    // Weekly, not every three days, while far: no more than a question a week then.
    const far = at.filter((each) => each < calendar.dates.residency_start.at - 17 * DAY);
    expect(far.length).toBeLessThanOrEqual(6);
  });
});
