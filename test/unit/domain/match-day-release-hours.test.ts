import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * Match Day's release hour is disputed: NRMP's Match Week pages give 12:00 PM ET, its events page
 * 1:00 PM ET. The plan keeps the earlier hour (its email goes then), so its words must not say the
 * results are out at that hour: a ranked applicant in Lagos, emailed at 5:00 PM her time, was told
 * "Match results are out in R3" an hour before R3 showed anything in a season like 2026's.
 */
const NOON_ET = "2027-03-19T16:00:00Z"; // Fri 19 Mar 2027, 12:00 PM EDT (the projected Match Day)

describe("Match Day's step gives both of NRMP's release hours and never says the results are out", () => {
  it.each([
    ["no Match Week answer", certifiedListWith("Africa/Lagos")],
    [
      "matched in Match Week",
      certifiedListWith("Asia/Manila", milestoneFactory("match_week", "done", "2027-03-15")),
    ],
  ])("%s", (_, input) => {
    const step = plan(input, seasonCalendar(2027), new Date(NOON_ET)).nextSteps.find(
      (each) => each.milestone === "match_day",
    );
    expect(step?.action).toContain(
      "at 12:00 PM ET by its Match Week pages, or at 1:00 PM ET by its events page",
    );
    expect(step?.action).not.toContain("results are out");
  });
});
