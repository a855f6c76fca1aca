import { describe, expect, it } from "vitest";
import type { PlanContext } from "#domain/planner/context.ts";
import { dayByPassed, dueToday, earlierDay } from "#domain/planner/day-words.ts";
import { DAY_MS, localDate, MINUTE_MS } from "#domain/time.ts";

/**
 * dayByPassed and dueToday answer an instant more than three days ahead with no zone conversion
 * (LATER_DAY_EVERYWHERE_MS). The answer must be the one the day comparisons give, in every zone:
 * the farthest offsets (Kiritimati +14, Baker Island -12), half and quarter hours, and around a
 * DST change, for instants just either side of the shortcut's bound.
 */
const ZONES = [
  "Pacific/Kiritimati",
  "Etc/GMT+12",
  "Pacific/Pago_Pago",
  "America/Los_Angeles",
  "America/New_York",
  "Europe/London",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
] as const;

/** Instants of now: a plain day, and hours around the US and the southern DST changes. */
const NOWS = [
  "2026-12-06T11:00:00Z",
  "2027-03-13T23:30:00Z",
  "2027-03-14T06:59:00Z",
  "2027-04-03T13:00:00Z",
  "2026-11-01T05:30:00Z",
].map((iso) => Date.parse(iso));

/** The comparisons the two words make without the shortcut. */
function byDays(context: PlanContext, at: number): { passed: boolean; today: boolean } {
  const today = localDate(context.zone, context.now);
  const earlier = earlierDay(context, at);
  return {
    passed: at < context.now || earlier < today,
    today:
      at >= context.now &&
      (at - context.now <= DAY_MS || localDate(context.zone, at) === today || earlier < today),
  };
}

describe("dayByPassed and dueToday far ahead", () => {
  it("answer as the day comparisons do, either side of three days ahead, in every zone", () => {
    let compared = 0;
    for (const zone of ZONES)
      for (const now of NOWS) {
        const context = { zone, now } as PlanContext;
        for (let minutes = -12 * 60; minutes <= 12 * 60; minutes += 17) {
          const at = now + 3 * DAY_MS + minutes * MINUTE_MS;
          const expected = byDays(context, at);
          expect([zone, now, at, dayByPassed(context, at)]).toEqual([zone, now, at, expected.passed]);
          expect([zone, now, at, dueToday(context, at)]).toEqual([zone, now, at, expected.today]);
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(2_000);
  });

  it("still says today for an instant within the next 24 hours and passed for one gone", () => {
    const context = { zone: "Asia/Kolkata", now: NOWS[0] as number } as PlanContext;
    expect(dueToday(context, context.now + DAY_MS - MINUTE_MS)).toBe(true);
    expect(dayByPassed(context, context.now - MINUTE_MS)).toBe(true);
    expect(dayByPassed(context, context.now + 4 * DAY_MS)).toBe(false);
  });
});
