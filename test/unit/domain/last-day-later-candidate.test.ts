import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * MATCH_YEAR_LAST_DAY on NRMP's projected deadline names the later last day its later candidate
 * leaves, the day the plan then keeps the Match until (test/fixtures/last-day-later-candidate):
 * never "your plan moves" after a day it does not.
 */
const FIXTURES = new URL("../../fixtures/last-day-later-candidate/", import.meta.url).pathname;
const BEFORE = "2027-05-25T12:00:00Z";
/** A minute past the earlier last day (Mon 31 May 2027, 10:00 PM ET). */
const PAST_EARLIER = "2027-06-01T02:01:00Z";

const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
const titles = (result: Plan, rung: string) =>
  result.reminders.filter((reminder) => reminder.rung === rung).map((reminder) => reminder.title);

describe.each([
  ["nothing-done-lima.json", "Mon 31 May 2027, 9:00 PM GMT-5", "Mon 7 Jun 2027, 9:00 PM GMT-5"],
  ["unchecked-note-nairobi.json", "Tue 1 Jun 2027, 5:00 AM GMT+3", "Tue 8 Jun 2027, 5:00 AM GMT+3"],
])("%s: the last day and the later candidate's", (file, earlier, later) => {
  const snapshot = readSnapshot(FIXTURES, file);
  const before = planInOwnMatch(snapshot, BEFORE);
  const after = planInOwnMatch(snapshot, PAST_EARLIER);

  it("names both days from the start, the earlier to plan for", () => {
    const message = lastDay(before)?.message ?? "";
    expect(message).toContain(`if you act by ${earlier}`);
    expect(message).toContain(
      `your plan moves to a later Match unless NRMP's 2028 deadline turns out later (it was 16 days before Match Day in 2022–2025, which would be Wed 1 Mar 2028 (ET)): then acting by ${later}`,
    );
    expect(message).toContain("plan for the earlier day");
    expect(lastDay(before)?.lastWorkingAt).toBe("2027-06-01T02:00:00.000Z");
  });

  it("the later day it names is the one the plan keeps the Match until past the earlier one", () => {
    expect(after.matchYear).toBe(2028);
    const kept = lastDay(after);
    expect(kept?.severity).toBe("critical");
    expect(kept?.lastWorkingAt).toBe("2027-06-08T02:00:00.000Z");
    expect(kept?.message).toContain(`act by ${later}`);
    // On the later candidate nothing is later: there the plan does move.
    expect(kept?.message).toContain("and your plan moves to a later Match.");
    expect(kept?.message).not.toContain("plan for the earlier day");
  });

  it("its countdown and last-week notice say the day is on NRMP's projected deadline", () => {
    // Where the day is the ECFMG application's own deadline (the exam chain's), its own ladder
    // counts down to it; else (the application waits on the school check) the last-day ladder does.
    const day = lastDay(before)?.lastWorkingAt;
    const countdown = before.reminders.filter(
      (each) =>
        each.deadline === day &&
        (each.rung.startsWith("deadline-in-") || each.rung.startsWith("last-day-in-")),
    );
    expect(countdown.length).toBeGreaterThan(0);
    for (const each of countdown)
      if (each.rung.startsWith("last-day-in-"))
        expect(each.title).toBe(
          "Your last days for the 2028 Match on NRMP's projected deadline: act by the day below",
        );
    expect(titles(before, "critical-risk")).toEqual([
      "Your last days for the 2028 Match on NRMP's projected deadline: act now",
    ]);
    // Past it, in reach on the later candidate only: that notice's own title, a new notice.
    expect(titles(after, "critical-risk")).toEqual([
      "The 2028 Match is in reach only if NRMP's deadline is later than projected: act now",
    ]);
    const ids = (result: Plan) =>
      result.reminders.filter((each) => each.rung === "critical-risk").map((each) => each.id);
    expect(ids(after)).not.toEqual(ids(before));
  });
});
