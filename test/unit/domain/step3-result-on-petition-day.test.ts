import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in Houston sat Step 3 on Fri 19 Mar 2027, the petition's sit-by day itself: the
 * score is expected around Fri 16 Apr, the petition's own date. The seat was in time, but three
 * "Due Fri 16 Apr" rungs counted down to a result the applicant cannot hasten; one "tell us your
 * result" on the day it is expected does instead.
 */
const snapshot = readSnapshot(
  fileURLToPath(new URL("../../fixtures/step3-on-sit-by/", import.meta.url)),
  "h1b-houston-step3-on-sitby.json",
);

describe("Step 3 sat on its sit-by day, result pending", () => {
  const result = planInOwnMatch(snapshot, "2027-03-27T14:00:00Z");
  const step3 = result.reminders.filter((each) => each.milestone === "usmle_step3");

  it("asks for the result once, on the day it is expected, with no Due countdown", () => {
    expect(step3.map((each) => each.rung)).toEqual(["result-follow-up"]);
    expect(step3[0]?.sendAtLocal.slice(0, 10)).toBe("2027-04-16");
  });
});
