import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { profileFactory } from "./fakes.ts";

describe("the delivery time chosen on the preferences page", () => {
  // 07:30 with quiet hours 23:00–07:00 must not be planned at 08:00 (the default
  // quiet hours' end), as if the minutes were ignored.
  it.each(["07:30", "07:45", "10:15"])("is honoured to the minute: %s", (deliveryTime) => {
    const profile = profileFactory({
      timezone: "Asia/Karachi",
      preferences: { ...DEFAULT_PREFERENCES, deliveryTime, quietHours: { start: "23:00", end: "07:00" } },
    });
    const plan = domainPlanning.plan(
      { profile, milestones: [], interviews: [], ledger: [] },
      new Date("2026-06-01T00:00:00Z"),
    );
    const future = plan.reminders.filter((reminder) => reminder.sendAt > "2026-06-03");
    expect(future.length).toBeGreaterThan(0);
    for (const reminder of future) expect(reminder.sendAtLocal.slice(11, 16)).toBe(deliveryTime);
  });
});
