import { describe, expect, it } from "vitest";
import { compileFilter } from "#adapters/dynamodb/stream-filter.ts";
import { planningStreamFilterPattern } from "#adapters/dynamodb/table-design.ts";

function recordWithSortKey(sk: string | undefined, eventName = "INSERT") {
  return {
    eventName,
    dynamodb: { Keys: { pk: { S: "APPLICANT#a_1" }, ...(sk === undefined ? {} : { sk: { S: sk } }) } },
  };
}

describe("the planning stream filter (the cloud mapping's pattern)", () => {
  const matches = compileFilter(planningStreamFilterPattern);

  it.each([
    ["PROFILE", true],
    ["MILESTONE#usmle_step1", true],
    ["INTERVIEW#iv_abc", true],
    ["PLAN", false],
    ["REMINDER#r1", false],
    ["WAKEUP", false],
    ["SUBMISSION", false],
    ["APPLICANT", false],
    ["SUPPRESSION", false],
    ["milestone#usmle_step1", false],
  ])("sort key %s → delivered: %s", (sk, expected) => {
    expect(matches(recordWithSortKey(sk))).toBe(expected);
  });

  it.each(["INSERT", "MODIFY", "REMOVE"])(
    "matches %s records alike (Keys are on every record)",
    (eventName) => {
      expect(matches(recordWithSortKey("PROFILE", eventName))).toBe(true);
    },
  );

  it("does not match a record without the key, or with a non-string key", () => {
    expect(matches(recordWithSortKey(undefined))).toBe(false);
    expect(matches({ dynamodb: { Keys: { sk: { N: "1" } } } })).toBe(false);
    expect(matches({})).toBe(false);
  });
});

describe("compileFilter", () => {
  it.each([
    [{ eventName: ["INSERT"] }, { eventName: "INSERT" }, true],
    [{ eventName: ["INSERT", "MODIFY"] }, { eventName: "REMOVE" }, false],
    [{ a: { b: [{ suffix: ".pdf" }] } }, { a: { b: "cv.pdf" } }, true],
    [{ a: [{ "equals-ignore-case": "Done" }] }, { a: "DONE" }, true],
    [{ a: [{ exists: true }] }, { a: "x" }, true],
    [{ a: [{ exists: true }] }, {}, false],
    [{ a: [{ exists: false }] }, {}, true],
    [{ a: [{ exists: false }] }, { a: 1 }, false],
    [{ a: [{ "anything-but": ["x", "y"] }] }, { a: "z" }, true],
    [{ a: [{ "anything-but": ["x", "y"] }] }, { a: "x" }, false],
    [{ a: [{ "anything-but": { prefix: "PL" } }] }, { a: "PLAN" }, false],
    [{ a: [1, null] }, { a: null }, true],
    [{ a: ["x"] }, { a: ["w", "x"] }, true],
    [{ a: { b: ["x"] } }, { a: "not-an-object" }, false],
  ])("%j on %j → %s", (pattern, record, expected) => {
    expect(compileFilter(pattern)(record)).toBe(expected);
  });

  it("ORs several patterns, as Lambda ORs the filters of one mapping", () => {
    const matches = compileFilter({ eventName: ["INSERT"] }, { eventName: ["REMOVE"] });
    expect([
      matches({ eventName: "INSERT" }),
      matches({ eventName: "MODIFY" }),
      matches({ eventName: "REMOVE" }),
    ]).toEqual([true, false, true]);
  });

  it.each([
    [{ a: [{ numeric: [">", 0] }] }, /numeric.*not supported/],
    [{ a: [{ prefix: 1 }] }, /prefix at a\[0\] needs a string/],
    [{ a: "bare string" }, /must be an object or an array/],
    [{ a: [{ prefix: "x", suffix: "y" }] }, /needs one operator/],
  ])("refuses %j rather than matching it wrongly", (pattern, message) => {
    expect(() => compileFilter(pattern)).toThrow(message);
  });
});
