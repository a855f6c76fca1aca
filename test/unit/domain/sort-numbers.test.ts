import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortAscendingInPlace } from "#domain/planner/sort-numbers.ts";

/**
 * The planner sorts its numbers (the risk-change instants, the slack terms) with its own insertion
 * sort (sort-numbers.ts; merging the lists' ascending runs instead counted more instructions on the
 * risk-change instants' ~40). It must agree with Array#sort on any list, short or long, random or
 * made of runs, and sort in place.
 */
describe("sortAscendingInPlace", () => {
  const instant = fc.oneof(
    fc.integer({ min: 1_780_000_000_000, max: 1_780_000_000_009 }),
    fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }),
  );

  it("gives Array#sort's order on any list, in the list it was given", () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 200, size: "max" }), (drawn) => {
        const expected = [...drawn].sort((left, right) => left - right);
        const numbers = [...drawn];
        expect(sortAscendingInPlace(numbers)).toBe(numbers);
        expect(numbers).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  // As the rules note them: runs of instants, an odd count of runs included, one list after another.
  it("gives Array#sort's order on lists made of ascending runs, sorted one after another", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(instant, { maxLength: 8 }), { maxLength: 12 }), { maxLength: 4 }),
        (lists) => {
          for (const runs of lists) {
            const drawn = runs.flatMap((run) => [...run].sort((left, right) => left - right));
            const expected = [...drawn].sort((left, right) => left - right);
            expect(sortAscendingInPlace([...drawn])).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
