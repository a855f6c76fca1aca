import { describe, expect, it } from "vitest";
import { BoundedMemo } from "#domain/bounded-memo.ts";

describe("BoundedMemo", () => {
  it("keeps entries up to its limit and returns the value kept", () => {
    const memo = new BoundedMemo<string, number>(3);
    expect(memo.keep("a", 1)).toBe(1);
    memo.keep("b", 2);
    memo.keep("c", 3);
    expect([...memo.entries()]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("starts afresh when an entry is kept while full, so it never holds more than its limit", () => {
    const memo = new BoundedMemo<number, string>(2);
    memo.keep(1, "one");
    memo.keep(2, "two");
    expect(memo.keep(3, "three")).toBe("three");
    expect([...memo.entries()]).toEqual([[3, "three"]]);
    for (let key = 0; key < 50; key++) memo.keep(key, String(key));
    expect(memo.size).toBeLessThanOrEqual(2);
  });

  it("keeps a null or falsy value as an entry (a memoised 'nothing' is still a result)", () => {
    const memo = new BoundedMemo<string, string | null>(4);
    memo.keep("none", null);
    expect(memo.has("none")).toBe(true);
    expect(memo.get("none")).toBeNull();
  });
});
