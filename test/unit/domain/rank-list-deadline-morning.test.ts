import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Two registered applicants who have not certified a rank order list, planned two days before the
 * 2027 deadline (Wed 24 Feb 2027, 9:00 PM ET, projected). In Auckland that is Thu 25 Feb, 3:00 PM:
 * the day-before reminder goes at 9:00 AM on Wednesday, 30 hours ahead, so the deadline's own morning
 * gets one more, "due in 6 hours". In Lagos it is Thu 25 Feb, 3:00 AM, before her 09:00 reminder
 * time: Wednesday's 09:00 reminder is the last, and nothing is laid after the deadline. Only the
 * reminders from Wednesday on are compared (a missed rung may be caught up on the 23rd).
 */
const FIXTURES = new URL("../../fixtures/rank-list-deadline-day/", import.meta.url).pathname;

const listReminders = (file: string, now: string) =>
  planInOwnMatch(readSnapshot(FIXTURES, file), now)
    .reminders.filter((each) => each.milestone === "rank_order_list" && each.sendAtLocal >= "2027-02-24")
    .map((each) => [each.sendAtLocal, each.rung]);

describe("a rank order list not certified on the deadline's own day", () => {
  it("Auckland, deadline at 3:00 PM: told the day before and again at 9:00 AM that day", () => {
    expect(listReminders("not-certified-auckland.json", "2027-02-23T10:00:00+13:00")).toEqual([
      ["2027-02-24T09:00:00.000+13:00", "due-in-1d"],
      ["2027-02-25T09:00:00.000+13:00", "due-today"],
    ]);
  });

  it("Lagos, deadline at 3:00 AM: the day before's 09:00 reminder is the last", () => {
    expect(listReminders("not-certified-lagos.json", "2027-02-23T10:00:00+01:00")).toEqual([
      ["2027-02-24T09:00:00.000+01:00", "due-in-1d"],
    ]);
  });
});

describe("a list edited after certifying (reported in progress) before the deadline", () => {
  it("the card (each email's next step) says plainly that the list is not certified now, and the deadline's morning is told too", () => {
    const snapshot = readSnapshot(FIXTURES, "not-certified-auckland.json");
    const edited = {
      ...snapshot,
      milestones: [
        ...snapshot.milestones,
        { key: "rank_order_list" as const, status: "in_progress" as const },
      ],
    };
    const result = planInOwnMatch(edited, "2027-02-23T10:00:00+13:00");
    const card = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(card?.action).toMatch(
      /^Your list is NOT certified now: only a certified list counts, and a list edited after certifying counts only once you certify it again \(advice\)\. Certify it in R3 by the rank order list deadline, Thu 25 Feb 2027, 3:00 PM GMT\+13/,
    );
    const reminders = result.reminders.filter((each) => each.milestone === "rank_order_list");
    expect(reminders.map((each) => each.rung)).toContain("due-today");
  });
});
