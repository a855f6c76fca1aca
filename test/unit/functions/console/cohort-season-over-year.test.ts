import { describe, expect, it } from "vitest";
import { cohortRow, selectRows } from "#domain/console/cohort-row.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortFragment } from "../../../../functions/console/pages/cohort.ts";

/**
 * The row of a 2027 applicant whose season is over (never registered with
 * NRMP; clock 25 Feb 2027) said Match "2027", Stage "Season over", Next deadline "Receive ECFMG
 * certification Fri 16 Jun 2028": a 2028 date under "2027" without the "2027 → 2028" note the
 * out-of-reach rows have. The row now says which Match its date is for.
 */
const LATE: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2025-03-01" },
  { key: "usmle_step2ck", status: "done", date: "2025-09-01" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "done" },
  { key: "eras_token", status: "done" },
  { key: "eras_application", status: "done", date: "2026-09-24" },
];
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

function rowAt(now: string) {
  const profile = profileFactory({
    applicantId: "a_late",
    fullName: "Test late",
    matchYear: 2027,
    timezone: "Africa/Lagos",
  });
  const state = { profile, milestones: LATE, interviews: [], ledger: [] };
  return cohortRow({
    applicantId: "a_late",
    applicant: profile,
    plan: domainPlanning.plan(state, new Date(now)),
  });
}

describe("the cohort row of an applicant whose season is over", () => {
  it("names the Match its next date is for: 2027 → 2028 (2027 season over)", () => {
    const row = rowAt("2027-02-25T12:00:00Z");
    expect(row.stage).toBe("season-over");
    expect(row.nextDeadline?.at.startsWith("2028-")).toBe(true);
    expect(row.nextDeadline?.matchYear).toBe(2028);
    const html = cohortFragment(admin, selectRows([row], {}, "name"), [row], { sort: "name", page: 1 });
    const label = '<td data-label="Match"><span class="cell-label" aria-hidden="true">Match: </span>';
    expect(html).toMatch(
      new RegExp(`${label}2027 <span aria-hidden="true">→<\\/span>.*2028 \\(2027 season over\\)<\\/td>`),
    );
    expect(html).toContain("when its season is over, the year their next date is for");
  });

  it("before the season is over the row names its own Match alone", () => {
    const row = rowAt("2026-11-20T12:00:00Z");
    expect(row.nextDeadline?.matchYear).toBeUndefined();
    const html = cohortFragment(admin, selectRows([row], {}, "name"), [row], { sort: "name", page: 1 });
    expect(html).toContain('<span class="cell-label" aria-hidden="true">Match: </span>2027</td>');
  });
});
