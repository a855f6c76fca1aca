import { describe, expect, it } from "vitest";
import { usd } from "#domain/money.ts";

describe("usd", () => {
  it.each([
    [0, "$0"],
    [5, "$5"],
    [999, "$999"],
    [1000, "$1,000"],
    [5650, "$5,650"],
    [100000, "$100,000"],
    [1234567, "$1,234,567"],
    [1234.5, "$1,235"],
    [-250, "-$250"],
    // The planner's own copy printed these "$-,123" and "$-1,234".
    [-123, "-$123"],
    [-1234, "-$1,234"],
    [-1234567, "-$1,234,567"],
  ])("%d → %s, as Intl.NumberFormat en-US would print it", (amount, expected) => {
    expect(usd(amount)).toBe(expected);
    if (amount >= 0) {
      expect(usd(amount)).toBe(
        `$${new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(amount)}`,
      );
    }
  });
});
