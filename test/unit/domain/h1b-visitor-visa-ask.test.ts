import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { VISITOR_VISA_WAIT_DAYS } from "#domain/planner/advice.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B hopeful abroad for the 2028 Match read the 60-day visitor-visa allowance
 * inside a warning, with "plan the trip" as the only prompt. Ruling: the ask comes at once, in the
 * first delivery: "apply for a B-1/B-2 visa now; check your consulate's current interview wait", the
 * 60 days said to be this plan's allowance (advice), and that many consulates' waits are longer.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const DHAKA = readSnapshot(DIR, "h1b-hopeful-2028-dhaka.json");
const NOW = "2026-12-04T16:00:00+06:00";

describe("the visitor-visa ask for an H-1B hopeful abroad, 2028 Match", () => {
  it("is the first email, asking now and calling the 60 days this plan's advice", () => {
    const result = planInOwnMatch(DHAKA, NOW);
    const first = [...result.reminders].sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt))[0];
    // The first delivery: the next 09:00 (a warning's notice is a catch-up, sent at once only as a
    // late arrival; it went at 4 PM, at once, before).
    expect(first?.sendAtLocal).toBe("2026-12-05T09:00:00.000+06:00");
    expect(first?.risk).toBe("STEP3_NEEDED_FOR_H1B");
    expect(first?.title).toContain(
      "Apply for a B-1/B-2 visitor visa now, unless you hold a valid one, and check your consulate's current interview wait",
    );
    expect(first?.title).toContain(
      `the ${VISITOR_VISA_WAIT_DAYS} days this plan allows for the interview are our advice, and many consulates' waits are longer`,
    );
  });
});
