import { describe, expect, it, vi } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { variants } from "../../bench/planner-inputs.ts";

/**
 * planMilestone rewrites one record per next step (the facts its text and reminders read,
 * step-facts.ts) and one per blocked step (its dates, blockedDates) instead of making new ones:
 * every field must be set for each step, so nothing of the step or plan before leaks into the next.
 * The planner bench's inputs (every zone, four instants, plans moved to a later Match) planned one
 * order must equal the same inputs planned in the reverse order by a fresh planner.
 */
describe("the records planMilestone reuses carry nothing from one step or plan to the next", () => {
  it("plans the bench's inputs alike in either order", async () => {
    const cases = variants(3);
    const forward = cases.map(({ input, now }) => plan(input, seasonCalendar(2027), now));
    vi.resetModules();
    const fresh = await import("#domain/planner.ts");
    const seasons = await import("#domain/seasons/index.ts");
    for (let index = cases.length - 1; index >= 0; index--) {
      const { input, now } = cases[index] as (typeof cases)[number];
      const again = fresh.plan(input, seasons.seasonCalendar(2027), now);
      expect(again, `bench input ${index}`).toEqual(forward[index]);
    }
    // The inputs do reach both records: next steps with text and reminders, and blocked steps.
    expect(forward.every((each) => each.nextSteps.length > 0)).toBe(true);
    expect(forward.some((each) => each.blocked.length > 0)).toBe(true);
  });
});
