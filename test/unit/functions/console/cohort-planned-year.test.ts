import { describe, expect, it } from "vitest";
import { type CohortRow, cohortRow, selectRows } from "#domain/console/cohort-row.ts";
import { rowAsOf } from "#domain/console/row-as-of.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { cohortCsv, cohortFragment } from "../../../../functions/console/pages/cohort.ts";

/**
 * After the demo the cohort's Match column said 2027 for Aarav Sharma and
 * Omar Haddad, whose 2027 Match is out of reach (MATCH_YEAR_NOT_FEASIBLE) and whose plans are dated
 * for 2028 (next deadline "Sat 25 Dec 2027"); filtering the 2027 season listed them with only 2028
 * deadlines. The row keeps the Match the plan is dated for; the cell says "2027 → 2028 (2027 out of
 * reach)"; the season filter and sort use the year the dates are for; the CSV has it as a column.
 */
const OMAR: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2024-12-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "in_progress" },
  { key: "usce", status: "done" },
  { key: "lors", status: "done" },
  { key: "personal_statement", status: "done" },
  { key: "cv", status: "done" },
  { key: "program_list", status: "done" },
  { key: "eras_token", status: "done" },
  { key: "eras_application", status: "in_progress" },
  { key: "nrmp_registration", status: "not_started" },
];

const afterMatchDay = new Date("2027-03-20T12:00:00Z");
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

function rowOf(applicantId: string, matchYear: number, milestones: MilestoneEntry[], now = afterMatchDay) {
  const profile = profileFactory({ applicantId, fullName: applicantId, matchYear, timezone: "Africa/Cairo" });
  const state = { profile, milestones, interviews: [], ledger: [] };
  return cohortRow({ applicantId, applicant: profile, plan: domainPlanning.plan(state, now) });
}

describe("the cohort's Match column", () => {
  const omar = rowOf("a_omar", 2027, OMAR);
  const fatima = rowOf("a_fatima", 2028, OMAR.slice(0, 3));
  const onTrack = rowOf("a_ontrack", 2027, OMAR.slice(0, 3), new Date("2026-02-01T12:00:00Z"));

  it("keeps the Match the plan is dated for beside the one the applicant targets", () => {
    expect(omar.matchYear).toBe(2027);
    expect(omar.plannedMatchYear).toBe(2028);
    // The row counts down to a 2028 Match's date: its season steps are planned too.
    // Here the 2028 ERAS token's date (projected), which his 2027 token does not meet: a plan moved
    // to a later Match reads as the same applicant entered for it, so the Pathway that
    // MATCH_YEAR_NOT_FEASIBLE names no longer leads its urgency (an earlier rule had made it
    // "Complete an ECFMG Pathway"). Named by the advisor's name for the step, as the console names it.
    expect(omar.nextDeadline?.title).toBe("ERAS token");
    expect(omar.nextDeadline?.status).toBe("projected");
    // Its target, the 2028 season's MyERAS opening, before its deadline in Sep 2027 (was the Pathway's, 2027-09).
    expect(omar.nextDeadline?.at.startsWith("2027-06")).toBe(true);
    expect(omar.nextDeadline?.deadline?.at.startsWith("2027-09")).toBe(true);
    expect(fatima.plannedMatchYear).toBeUndefined();
    expect(onTrack.plannedMatchYear).toBeUndefined();
  });

  it("shows both years in the cell, and the season filter and sort use the year the dates are for", () => {
    const all = [omar, fatima];
    const html = cohortFragment(admin, selectRows(all, {}, "name"), all, { sort: "name", page: 1 });
    // Each cell starts with its label for the phone's stacked cards (shown only there).
    const label = '<td data-label="Match"><span class="cell-label" aria-hidden="true">Match: </span>';
    expect(html).toMatch(
      new RegExp(`${label}2027 <span aria-hidden="true">→<\\/span>.*2028 \\(2027 out of reach\\)<\\/td>`),
    );
    expect(html).toContain(`${label}2028</td>`);
    // Only 2028 roads: the season filter offers the 2028 Match alone.
    expect(html).toContain('<option value="2028">2028 Match</option>');
    expect(html).not.toContain('<option value="2027">');
    expect(selectRows(all, { matchYear: 2027 }, "name")).toEqual([]);
    expect(selectRows(all, { matchYear: 2028 }, "name").map((row) => row.applicantId)).toEqual([
      "a_fatima",
      "a_omar",
    ]);
    const inReach = { ...fatima, applicantId: "a_early", fullName: "a_early", matchYear: 2027 };
    expect(selectRows([omar, inReach], {}, "season").map((row) => row.applicantId)).toEqual([
      "a_early",
      "a_omar",
    ]);
  });

  it("exports the year the plan targets as its own CSV column, after the others", () => {
    const [header, omarLine, fatimaLine] = cohortCsv([omar, fatima]).trim().split("\r\n");
    const columns = header?.split(",") ?? [];
    // After the others it was added to; only unsubscribedAt, added later, follows it. A cell may
    // hold a quoted comma, so the line is read from its end.
    expect(columns.at(-2)).toBe("plannedMatchYear");
    expect(columns.indexOf("matchYear")).toBe(4);
    expect(omarLine?.split(",").at(-2)).toBe("2028");
    expect(omarLine?.split(",")[4]).toBe("2027");
    expect(fatimaLine?.split(",").at(-2)).toBe("2028");
  });

  it("reads the planned year as of now: it comes with the facts in force and goes with them", () => {
    const later: CohortRow = {
      ...onTrack,
      upcoming: [{ from: "2026-06-01T00:00:00.000Z", ...facts(omar), plannedMatchYear: 2028 }],
    };
    expect(rowAsOf(later, "2026-05-01T00:00:00.000Z").plannedMatchYear).toBeUndefined();
    expect(rowAsOf(later, "2026-07-01T00:00:00.000Z").plannedMatchYear).toBe(2028);
    const back: CohortRow = { ...omar, upcoming: [{ from: "2027-06-01T00:00:00.000Z", ...facts(fatima) }] };
    expect(rowAsOf(back, "2027-07-01T00:00:00.000Z").plannedMatchYear).toBeUndefined();
  });
});

describe("the applicant page's Match", () => {
  it("names the Match the plan is dated for when the applicant's is out of reach, as the cohort does", () => {
    const profile = profileFactory({ matchYear: 2027, timezone: "Africa/Cairo" });
    const state = { profile, milestones: OMAR, interviews: [], ledger: [] };
    const plan = domainPlanning.plan(state, afterMatchDay);
    const html = applicantFragment({ state, plan, audit: [], submissions: [], events: [] }, "2027-03-20");
    expect(html).toContain('<p class="muted">2027 Match (out of reach: planned for the 2028 Match) · J-1');
  });
});

function facts(row: CohortRow) {
  return { stage: row.stage, risks: row.risks, overdue: row.overdue };
}
