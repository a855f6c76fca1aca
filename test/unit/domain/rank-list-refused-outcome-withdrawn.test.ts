import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Everything reported done in late November, the rank order list dated 2027-01-20 and Match Week and
 * Match Day dated their own days in March: none of the three can count yet. The list is refused
 * (ROL_BEFORE_RANKING_OPENS, critical) and both outcomes are withdrawn (a warning). A withdrawn
 * outcome keeps the steps it implies done, but not the list the plan has just refused: the rank
 * order list is a next step, urgent, and the critical notice rides on it, not on Match Week or SOAP.
 */
const DIR = fileURLToPath(new URL("../../fixtures/rank-list-refused-outcome-withdrawn/", import.meta.url));
const SNAPSHOT = readSnapshot(DIR, "rank-list-and-outcomes-dated-ahead-accra-2027.json");
const NOVEMBER = "2026-11-30T12:00:00Z";

describe("a refused rank order list stays refused beside a withdrawn Match outcome", () => {
  const result = planInOwnMatch(SNAPSHOT, NOVEMBER);

  it("the rank order list is a next step, urgent, and Match Week waits for it", () => {
    const list = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(list?.urgency).toBe("urgent");
    expect(result.blocked.map((step) => step.milestone)).toContain("match_week");
    expect(result.risks.map((risk) => risk.code)).toEqual([
      "ROL_BEFORE_RANKING_OPENS",
      "MATCH_OUTCOME_BEFORE_MATCH_WEEK",
    ]);
  });

  it("the list's critical notice is filed under the rank order list", () => {
    const notice = result.reminders.find((reminder) => reminder.risk === "ROL_BEFORE_RANKING_OPENS");
    expect(notice?.milestone).toBe("rank_order_list");
    expect(notice?.sendAt).toBe("2026-12-01T09:00:00.000Z"); // the next delivery slot
  });
});
