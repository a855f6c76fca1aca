import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { stableSort } from "#domain/planner/ordering.ts";
import { orderReminders } from "#domain/planner/reminder-order.ts";
import { timedReminder } from "#domain/planner/timed-reminder.ts";

/**
 * The planner sorts with its own merge sort (see ordering.ts); it must agree with Array#sort, which
 * is stable, on any input: ties, runs, lengths around the insertion-sort run of 8 and its merges.
 */
describe("stableSort", () => {
  it("gives the same order as Array#sort, ties kept in input order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: -5, max: 5 }), tie: fc.nat(3) }), { maxLength: 300 }),
        (drawn) => {
          const items = drawn.map((item, index) => ({ ...item, index }));
          const compare = (left: (typeof items)[number], right: (typeof items)[number]): number =>
            left.key - right.key || left.tie - right.tie;
          const expected = [...items].sort(compare).map((item) => item.index);
          expect(stableSort([...items], compare).map((item) => item.index)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("sorts in place and returns the same array", () => {
    const items = [3, 1, 2];
    expect(stableSort(items, (left, right) => left - right)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});

/**
 * orderReminders sorts packed send instants (merging the ascending runs they arrive in), then the
 * reminders sharing one by deadline and id (see reminder-order.ts): on any list (shared instants and deadlines, instants before 1970 and
 * too far ahead to pack, more reminders than it packs) it gives Array#sort's order by send
 * instant, deadline, id, and keeps equal ones in input order.
 */
describe("orderReminders", () => {
  const instant = fc.oneof(
    fc.integer({ min: 1_780_000_000_000, max: 1_780_000_000_009 }),
    fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }),
    fc.constantFrom(8_800_000_000_000, 8_900_000_000_000),
  );
  const drawnReminder = fc.record({
    sendAt: instant,
    deadline: fc.integer({ min: 0, max: 3 }),
    id: fc.constantFrom("a", "b", "c"),
  });

  type Drawn = { sendAt: number; deadline: number; id: string };
  const expectSorted = (drawn: readonly Drawn[]): void => {
    const timed = drawn.map(({ sendAt, deadline, id }, index) =>
      timedReminder(sendAt, deadline, { id, index } as unknown as Reminder),
    );
    const expected = [...timed]
      .sort(
        (left, right) =>
          left.sendAt - right.sendAt ||
          left.deadline - right.deadline ||
          (left.reminder.id < right.reminder.id ? -1 : left.reminder.id > right.reminder.id ? 1 : 0),
      )
      .map((each) => each.reminder);
    expect(orderReminders(timed)).toEqual(expected);
  };

  it("gives the same order as Array#sort by send instant, deadline, id", () => {
    fc.assert(fc.property(fc.array(drawnReminder, { maxLength: 1_100 }), expectSorted), { numRuns: 200 });
  });

  // As a plan collects them: each step's ladder in send order, the ladders overlapping in time
  // (any number of ascending runs, of any lengths, an odd count of runs included).
  it("gives the same order for lists made of ascending runs, as the steps' ladders arrive", () => {
    fc.assert(
      fc.property(fc.array(fc.array(drawnReminder, { maxLength: 12 }), { maxLength: 40 }), (ladders) =>
        expectSorted(
          ladders.flatMap((ladder) => [...ladder].sort((left, right) => left.sendAt - right.sendAt)),
        ),
      ),
      { numRuns: 300 },
    );
  });
});
