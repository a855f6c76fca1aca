import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A fee that cannot apply is not "to verify": once the applicant is ECFMG-certified, the Pathway
 * (a step the certificate needed) is behind them, its fee paid on the way or never owed (a
 * certificate issued before the Pathways), so the budget lists no Pathway row. Chidi: Lagos, J-1,
 * certified on 2026-03-01, the Pathway never reported.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/certified-budget/certified-j1-lagos.json", import.meta.url),
);
const chidi = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const NOW = new Date("2026-11-30T12:00:00Z");
const rows = (snapshot: ApplicantSnapshot): string[] => {
  const budget = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), NOW).budget;
  return [...budget.items, ...(budget.toVerify ?? [])].map((item) => item.label);
};

describe("no Pathway fee row once the applicant is ECFMG-certified", () => {
  it("certified: no Pathway fee, counted or to verify", () => {
    expect(rows(chidi).filter((label) => label.includes("Pathway"))).toEqual([]);
  });

  it("not yet certified: the Pathway fee is still listed to verify", () => {
    const pending: ApplicantSnapshot = {
      ...chidi,
      milestones: chidi.milestones.filter((entry) => entry.key !== "ecfmg_certification"),
    };
    expect(rows(pending)).toContain("ECFMG Pathway application fee (amount not found)");
  });
});
