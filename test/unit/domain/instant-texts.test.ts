import { describe, expect, it } from "vitest";
import { InstantTexts } from "#domain/instant-texts.ts";

describe("InstantTexts", () => {
  it("returns the text kept for each instant, also when instants share the front's slot", () => {
    // Prepare: a front of 2 slots, so most of these instants share one.
    const memo = new InstantTexts(1, 1_000);
    const instants = [0, -60_000, 1_767_225_600_000, 1_767_225_600_001, 4_102_444_800_000, 8.64e15];
    // Act
    for (const at of instants) memo.keep(at, `t${at}`);
    // Assess: each read twice, in both orders, so front hits and misses are both read.
    for (const at of [...instants, ...instants.toReversed()]) expect(memo.get(at)).toBe(`t${at}`);
    expect(memo.get(60_000)).toBeUndefined();
    expect(memo.get(Number.NaN)).toBeUndefined();
  });

  it("keeps instants a millisecond apart in slots of their own, past the Map's clearing", () => {
    // Prepare: a deadline and the instant just after it, as the risk rules note them; a Map of 2,
    // cleared by the third text kept, so only the front still holds the first two.
    const memo = new InstantTexts(12, 2);
    const deadline = 1_767_225_600_000;
    // Act
    memo.keep(deadline, "deadline");
    memo.keep(deadline + 1, "just after");
    memo.keep(deadline + 7 * 86_400_000, "a week on");
    // Assess
    expect(memo.get(deadline)).toBe("deadline");
    expect(memo.get(deadline + 1)).toBe("just after");
  });

  it("past its limit, still returns only the text kept for each instant", () => {
    // Prepare
    const memo = new InstantTexts(4, 3);
    // Act
    for (let at = 0; at < 10; at++) memo.keep(at * 60_000, `m${at}`);
    // Assess: what it returns is always the text kept for that instant, never another's.
    for (let at = 0; at < 10; at++) expect([undefined, `m${at}`]).toContain(memo.get(at * 60_000));
    expect(memo.get(9 * 60_000)).toBe("m9");
  });
});
