import { describe, expect, it } from "vitest";
import { MATCH_DAY_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Match Day's question held for the quiet hours to the next morning joins a critical notice sent
 * that morning at the delivery slot (test/fixtures/match-day-one-email, Dhaka, H-1B): one email,
 * not 08:00 and 09:00.
 */
const FIXTURES = new URL("../../fixtures/match-day-one-email/", import.meta.url).pathname;
const dhaka = readSnapshot(FIXTURES, "h1b-unreported-list-dhaka.json");

describe("Match Day's question and a critical notice the morning after", () => {
  it("planned in Match Day's quiet evening: both go out at 09:00, one email", () => {
    const result = planInOwnMatch(dhaka, "2027-03-19T17:00:00Z");
    const notice = result.reminders.find(
      (each) => each.rung === CRITICAL_RISK_RUNG && each.milestone === "match_day",
    );
    const question = result.reminders.find((each) => each.rung === MATCH_DAY_RESULT_RUNG);
    expect(notice?.sendAtLocal).toBe("2027-03-20T09:00:00.000+06:00");
    expect(question?.sendAtLocal).toBe("2027-03-20T09:00:00.000+06:00");
    const morning = new Set(
      result.reminders.filter((each) => each.sendAtLocal.startsWith("2027-03-20")).map((each) => each.sendAt),
    );
    expect([...morning]).toEqual(["2027-03-20T03:00:00.000Z"]);
  });
});
