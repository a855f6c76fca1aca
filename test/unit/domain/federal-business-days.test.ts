import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { afterBusinessDays, isFederalBusinessDay } from "#domain/planner/federal-business-days.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * USCIS's 15 business days of premium processing leave out federal holidays: a petition filed on
 * Mon 10 May 2027 is decided by Tue 1 Jun, not Mon 31 May (Memorial Day). Once that day has passed,
 * the card says what the plan expected of USCIS, not "as soon as you can", which read as the
 * applicant's act.
 */
describe("federal business days", () => {
  it.each([
    ["2027-05-31", false], // Memorial Day
    ["2027-06-18", false], // Juneteenth (Sat 19 Jun) observed on the Friday before
    ["2027-07-05", false], // Independence Day (Sun 4 Jul) observed on the Monday after
    ["2027-11-25", false], // Thanksgiving Day
    ["2027-12-31", false], // New Year's Day 2028 (a Saturday) observed on Friday 31 Dec
    ["2027-06-01", true],
    ["2027-05-29", false], // a Saturday
  ])("%s is a business day: %s", (day, business) => {
    expect(isFederalBusinessDay(day)).toBe(business);
  });

  it("counts 15 of them from a filing on Mon 10 May 2027 to the end of Tue 1 Jun", () => {
    const filed = Date.parse("2027-05-10T19:00:00Z"); // 11 May, 00:00 in Karachi: the 10th's end
    expect(new Date(afterBusinessDays(filed, "Asia/Karachi", 15)).toISOString()).toBe(
      "2027-06-01T19:00:00.000Z",
    );
  });
});

const FILED = readSnapshot(
  fileURLToPath(new URL("../../fixtures/h1b-petition-filed/", import.meta.url)),
  "karachi-filed-10may.json",
);

describe("an H-1B petition filed on Mon 10 May 2027, in Karachi", () => {
  const card = (now: string) =>
    planInOwnMatch(FILED, now).nextSteps.find((step) => step.milestone === "visa_h1b")?.action ?? "";

  it("expects USCIS's approval by Tue 1 Jun, past Memorial Day", () => {
    expect(card("2027-05-12T04:00:00Z")).toContain("this plan expects the approval by Tue 1 Jun 2027");
  });

  it("once that day has passed, says what was expected of USCIS, not 'as soon as you can'", () => {
    const words = card("2027-06-02T04:00:00Z");
    expect(words).toContain(
      "this plan expected the approval by Tue 1 Jun 2027 (our advice), a day that has passed",
    );
    expect(words).not.toContain("as soon as you can");
  });
});
