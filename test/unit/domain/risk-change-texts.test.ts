import { describe, expect, it } from "vitest";
import { isoText } from "#domain/instant-texts.ts";
import type { PlanContext } from "#domain/planner/context.ts";
import { riskChanges } from "#domain/planner/risk-change-instants.ts";

/** A context holding only the noted instants: riskChanges reads nothing else. */
function notedContext(riskChangesAt: number[]): PlanContext {
  return { riskChangesAt } as unknown as PlanContext;
}

describe("isoText on its one kept Date", () => {
  it("renders each instant as a new Date would, whatever was rendered before it", () => {
    // Prepare: instants far apart and a millisecond apart, read in both orders.
    const instants = [0, -60_000, 1_767_225_600_000, 1_767_225_600_001, 4_102_444_800_000, 8.64e15, -8.64e15];
    // Act and assess
    for (const at of [...instants, ...instants.toReversed()])
      expect(isoText(at)).toBe(new Date(at).toISOString());
  });

  it("throws the RangeError a new Date throws for an instant out of range, and renders again after it", () => {
    for (const at of [Number.NaN, 8.64e15 + 1, Number.POSITIVE_INFINITY]) {
      expect(() => new Date(at).toISOString()).toThrow(RangeError);
      expect(() => isoText(at)).toThrow(RangeError);
    }
    expect(isoText(86_400_000)).toBe("1970-01-02T00:00:00.000Z");
  });
});

describe("riskChanges", () => {
  it("lists each noted instant once, ascending, in a list with no hole", () => {
    // Prepare: duplicates, out of order, one a millisecond after another.
    const day = 1_767_225_600_000;
    const context = notedContext([day + 1, day, day + 86_400_000, day, day + 1, day + 86_400_000]);
    // Act
    const listed = riskChanges(context);
    // Assess
    expect(listed).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-01-01T00:00:00.001Z",
      "2026-01-02T00:00:00.000Z",
    ]);
    expect(Object.keys(listed ?? [])).toEqual(["0", "1", "2"]);
  });

  it("lists one instant noted alone, and none when nothing was noted", () => {
    expect(riskChanges(notedContext([0]))).toEqual(["1970-01-01T00:00:00.000Z"]);
    expect(riskChanges(notedContext([]))).toBeUndefined();
  });
});
