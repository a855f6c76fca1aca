import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stableSort } from "#domain/planner/ordering.ts";

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
