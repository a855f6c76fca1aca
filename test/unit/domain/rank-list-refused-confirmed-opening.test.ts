import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * ROL_BEFORE_RANKING_OPENS once ranking has opened on a confirmed day (the 2026 Match: Thu 15 Jan
 * 2026, 12:00 PM ET, official): "ranking opened on" plainly, with no hedge. The 2027 projection's
 * hedged words are in ranking-opened.test.ts. The same applicant as there, a season earlier.
 */
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/scenarios/rank-list-before-opening-2027.json", import.meta.url),
      "utf8",
    ),
  ),
);
const aSeasonEarlier: ApplicantSnapshot = {
  ...base,
  applicant: { ...base.applicant, matchYear: 2026 },
  milestones: base.milestones.map((entry) =>
    entry.date === undefined ? entry : { ...entry, date: entry.date.replace(/^2026-/, "2025-") },
  ),
};

describe("a list dated before a confirmed opening", () => {
  it("says ranking opened on the day, without the hedge", () => {
    const calendar = seasonCalendar(2026);
    expect(calendar.dates.nrmp_rank_order_list_entry_opens.status).toBe("confirmed");
    const result = plan(aSeasonEarlier, calendar, new Date("2026-01-20T12:00:00Z"));
    const said = result.risks.find((risk) => risk.code === "ROL_BEFORE_RANKING_OPENS")?.message ?? "";
    expect(said).toContain("Your rank order list is dated Fri 28 Nov 2025, before ranking opened");
    expect(said).toContain("ranking opened on Thu 15 Jan 2026");
    expect(said).toContain("Ranking is open: enter your list in R3 and certify it again now");
    expect(said).not.toMatch(/expected to open|as late as|projected\) and/);
  });
});
