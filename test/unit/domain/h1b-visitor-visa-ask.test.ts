import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B hopeful abroad for the 2028 Match, nothing past the ECFMG application: Step 3 waits for
 * the certificate, so no visitor visa (a fee) is pushed yet; the plan's first email is about a step
 * the applicant can take now.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const DHAKA = readSnapshot(DIR, "h1b-hopeful-2028-dhaka.json");
const NOW = "2026-12-04T16:00:00+06:00";

describe("the visitor-visa ask for an H-1B hopeful abroad, 2028 Match", () => {
  it("is not the first email while Step 3 waits for the certificate", () => {
    const result = planInOwnMatch(DHAKA, NOW);
    expect(result.blocked.map((step) => step.milestone)).toContain("usmle_step3");
    expect(result.reminders.filter((reminder) => reminder.title.includes("visitor visa now"))).toEqual([]);
  });
});
