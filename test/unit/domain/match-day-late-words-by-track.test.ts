import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type Visa } from "#domain/snapshot.ts";

/**
 * Matched in Match Week, Match Day not reported past the contract's date: the Match Day card says
 * what waits on the contract in the applicant's own track. Marisol (Manila, H-1B) hears of her
 * program's petition, never the J-1's Statement of Need; on a J-1 the Statement of Need stays.
 */
const file = fileURLToPath(
  new URL("../../fixtures/after-the-match/contract-unsigned-h1b-manila.json", import.meta.url),
);
const marisol: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const unreported = (visa: Visa): ApplicantSnapshot => ({
  ...marisol,
  applicant: { ...marisol.applicant, visa },
  milestones: marisol.milestones.filter((each) => each.key !== "match_day"),
});
const matchDayAction = (visa: Visa) =>
  plan(unreported(visa), seasonCalendar(2027), new Date("2027-04-10T02:00:00Z")).nextSteps.find(
    (each) => each.milestone === "match_day",
  )?.action ?? "";

describe("Match Day unreported past the contract's date: what waits on the contract, by track", () => {
  it("H-1B: the program's petition, 60 days before the stamping, and no Statement of Need", () => {
    const action = matchDayAction("H-1B");
    expect(action).toContain("your program files your H-1B petition once it is signed");
    expect(action).toContain("60 days before your visa stamping (our advice)");
    expect(action).not.toMatch(/Statement of Need|J-1/);
  });

  it("J-1: the Statement of Need from the Ministry of Health once Match Day is marked done, never 'now' while it is blocked", () => {
    const action = matchDayAction("J-1");
    expect(action).toContain(
      "(mark Match Day done) and sign your contract: for a J-1, then ask your Ministry of Health for the Statement of Need,",
    );
    expect(action).not.toContain("Statement of Need now");
    expect(action).not.toContain("H-1B");
  });
});
