import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reminderLadder } from "#domain/catalog/index.ts";
import laddersData from "#domain/catalog/reminder-ladders.json" with { type: "json" };
import { buildContext } from "#domain/planner/context.ts";
import { remindersFor, type TimedReminder } from "#domain/planner/reminders.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { DAY_MS } from "#domain/time.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

const LADDER_NAMES = Object.keys(laddersData.ladders);
const ZONES = ["Asia/Kolkata", "Africa/Lagos", "America/New_York", "Pacific/Auckland", "America/Los_Angeles"];

/**
 * A contract's "start now" rung (7 days' lead) went out after its "due in 14 days"
 * rung. A ladder lists its rungs in the order of what they say; the sent order must read the same.
 */
describe("reminder ladders keep their rungs' order", () => {
  it("sends every catalog ladder's rungs in the ladder's order, whatever the lead, zone and deadline", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LADDER_NAMES),
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse("2026-06-01T00:00:00Z"), max: Date.parse("2027-06-30T00:00:00Z") }),
        fc.integer({ min: 0, max: 60 }),
        (ladder, zone, deadline, leadDays) => {
          const input = inputFactory({ applicant: applicantFactory({ timezone: zone, matchYear: 2027 }) });
          const context = buildContext(input, seasonCalendar(2027), new Date("2026-05-01T00:00:00Z"));
          const into: TimedReminder[] = [];
          remindersFor(
            context,
            {
              milestone: "contract",
              interviewId: undefined,
              title: "t",
              why: "w",
              ladder,
              deadline,
              deadlineDetail: { at: "", local: "", et: "", status: "advice", source: "" },
              countsDownTo: undefined,
              startBy: deadline - leadDays * DAY_MS,
              notStarted: true,
            },
            into,
          );
          const order = reminderLadder(ladder).map((rung) => rung.rung);
          const positions = into.map((each) => order.indexOf(each.reminder.rung));
          expect(
            positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? -1)),
          ).toBe(true);
          expect(
            into.every((each, index) => index === 0 || each.sendAt > (into[index - 1]?.sendAt ?? 0)),
          ).toBe(true);
        },
      ),
      { seed: 20261201, numRuns: 400 },
    );
  });

  it("never sends a matched applicant's contract 'start now' after its 'due in 14 days'", () => {
    // Our applicant: matched in the 2027 Match, in Cairo, planned the Monday after Match Day.
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Cairo", matchYear: 2027, graduation: "2025-06-30" }),
      milestones: [
        ...doneMilestones(PRE_ERAS_KEYS),
        ...["eras_token", "eras_application", "nrmp_registration", "match_week", "match_day"].map((key) =>
          milestoneFactory(key as "eras_token", "done"),
        ),
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      ],
    });
    const result = plan(input, seasonCalendar(2027), new Date("2027-03-22T12:00:00Z"));
    const rungs = result.reminders.filter((each) => each.milestone === "contract").map((each) => each.rung);
    expect(rungs.length).toBeGreaterThan(0);
    const startBy = rungs.indexOf("start-by");
    const fourteen = rungs.indexOf("due-in-14d");
    if (startBy >= 0 && fourteen >= 0) expect(startBy).toBeLessThan(fourteen);
  });
});
