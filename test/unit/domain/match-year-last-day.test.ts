import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  inputFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * The 2027 Match was written off (MATCH_YEAR_NOT_FEASIBLE) on a stack of
 * advice values (a test date within 7 days, the OET's 21-day result time, ECFMG's 28-day review)
 * and a projected rank order list deadline, with no warning beforehand naming the last day that
 * still works. MATCH_YEAR_LAST_DAY names it while it is ahead, found with feasibility's own chain,
 * so the warning and the write-off never disagree.
 */

function applicant(timezone: string, milestones: MilestoneEntry[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027 }),
    milestones: openStepsNotStarted([
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      ...milestones,
    ]),
  });
}

function planAt(input: PlannerInput, now: number | string): Plan {
  return plan(input, seasonCalendar(2027), new Date(now));
}

const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
const writtenOff = (result: Plan) => result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const HOUR = 3_600_000;
const outOfReachOnProjection = (result: Plan) =>
  writtenOff(result) ||
  /^(By our projected deadline|ECFMG's Pathway application deadline as we project it)/.test(
    lastDay(result)?.message ?? "",
  );

describe("the last day that still works for the 2027 Match is named before the write-off", () => {
  // Preparing for the OET (in progress): only booking it remains. Not started, its 60 days of
  // preparation put the 2027 Match out of reach by then, whatever was paid.
  const lagos = applicant("Africa/Lagos", [{ key: "oet_medicine", status: "in_progress" }]);

  it("Lagos, OET in preparation and Pathway not started, on Wed 2 Dec 2026: book the OET and submit the Pathway by named days", () => {
    const risk = lastDay(planAt(lagos, "2026-12-02T06:00:00Z"));
    expect(risk?.severity).toBe("warning");
    // The Pathway's projected deadline (26 Dec) comes before the OET's last booking day (29 Dec: its last
    // sitting day, Tue 5 Jan, less the booking week; 30 Dec was the ROL deadline's alone):
    // the day to act is the earlier one, for both.
    expect(risk?.message).toMatch(
      /^The 2027 Match is still within reach if you act by Sat 26 Dec 2026 \(projected\):/,
    );
    // OET's own booking allowance (about 28 days, advice) runs past its last sitting day by
    // then: any session by that day, Tue 5 Jan, its own.
    expect(risk?.message).toContain(
      "book the earliest OET Medicine sitting you can and sit it by Tue 5 Jan 2027 (our advice)",
    );
    expect(risk?.message).toContain("submit your ECFMG Pathway application by Sat 26 Dec 2026 (projected)");
    expect(risk?.message).toContain(
      "past that day ECFMG's 2027 deadline is not confirmed (it was 31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match): submit at once and check ECFMG's Pathways page",
    );
    expect(risk?.message).toContain("about 21 days for the result");
    expect(risk?.message).toMatch(/advice/);
    expect(risk?.message).toContain("(projected)");
    expect(risk?.milestones).toEqual(expect.arrayContaining(["oet_medicine", "ecfmg_pathway"]));
    expect(risk?.sources?.some((source) => source.startsWith("advice: "))).toBe(true);
  });

  it("a Pathway past its projected deadline ends the season: no last day after it (was 'at once')", () => {
    const karachi = applicant("Asia/Karachi", [
      { key: "oet_medicine", status: "scheduled", date: "2026-12-10" },
    ]);
    // Past the latest candidate's Pathway deadline too (Tue 2 Feb 2027).
    const result = planAt(karachi, "2027-02-04T05:00:00Z");
    expect(lastDay(result)).toBeUndefined();
    expect(writtenOff(result)).toBe(true);
    // Before it, the day named is the Pathway's projected deadline, and the sentence says so.
    const before = lastDay(planAt(karachi, "2026-12-20T05:00:00Z"));
    expect(before?.message).toMatch(
      /^The 2027 Match is still within reach if you act by Sun 27 Dec 2026, 4:00 AM GMT\+5 \(Sat 26 Dec 2026, 6:00 PM ET\) \(projected\):/,
    );
    expect(before?.message).toContain("submit your ECFMG Pathway application by then");
    // Past the projected day, the unconfirmed deadline, no move promised.
    expect(before?.message).toContain("past then ECFMG's 2027 deadline is not confirmed");
    expect(before?.message).not.toContain("moves to a later Match");
  });

  it("is never beside the write-off, and the write-off comes right after the day it names", () => {
    const zones = ["Africa/Lagos", "Asia/Karachi", "America/Los_Angeles", "Pacific/Auckland"];
    const statuses: MilestoneEntry[][] = [
      [],
      [{ key: "ecfmg_pathway", status: "in_progress", date: "2026-12-20" }],
      [{ key: "oet_medicine", status: "in_progress" }],
      [{ key: "oet_medicine", status: "scheduled", date: "2027-01-04" }],
    ];
    let named = 0;
    for (const zone of zones)
      for (const milestones of statuses) {
        const input = applicant(zone, milestones);
        for (
          let now = Date.parse("2026-11-01T00:00:00Z");
          now < Date.parse("2027-02-01T00:00:00Z");
          now += 61 * HOUR
        ) {
          const result = planAt(input, now);
          const risk = lastDay(result);
          const label = `${zone} ${JSON.stringify(milestones)} ${new Date(now).toISOString()}`;
          // Past the Pathway's projected deadline no day is named: "submit today".
          if (risk === undefined || risk.message.includes("submit today")) continue;
          named++;
          expect(writtenOff(result), label).toBe(false);
          // A day (an instant with its hour in both zones), or within its last 24 hours "today" (or "tomorrow", "tonight" in the next day's small hours) with the hour in both zones; with
          // nothing left to start (a Pathway already submitted) the day after which it fails; an
          // exam's last sitting day, a day with no time, "today" or "tomorrow" by the local day;
          // each day marked by who sets it, "(projected)" or "(our advice)".
          const day =
            /(?:act|nothing left for you to start: [^;]*; after) (by \w{3} \d{1,2} \w{3} \d{4}(?:, (?:\d{1,2}:\d\d [AP]M [^(]*|end of the day \(midnight [^)]*\) )\([^)]* ET\))?(?: \((?:projected|our advice)\))?:|(?:today|tomorrow), \w{3} \d{1,2} \w{3} \d{4}(?: \((?:projected|our advice)\))?:|\w{3} \d{1,2} \w{3} \d{4}(?: \((?:projected|our advice)\))?,|(?:today|tonight|tomorrow), by \w{3} \d{1,2} \w{3} \d{4}, (?:\d{1,2}:\d\d [AP]M [^(]*|end of the day \(midnight [^)]*\) )\([^)]* ET\)(?: \((?:projected|our advice)\))?:|\w{3} \d{1,2} \w{3} \d{4}, \d{1,2}:\d\d [AP]M [^(]*\([^)]* ET\)(?: \((?:projected|our advice)\))?,)/.exec(
              risk.message,
            )?.[1];
          expect(day, label).toBeDefined();
          // The day named still works through its end in ET and in the applicant's zone, whichever is
          // earlier (dayBy); the first instant after the chain's last one is out of reach.
          const lastAt = risk.lastWorkingAt === undefined ? Number.NaN : Date.parse(risk.lastWorkingAt);
          expect(writtenOff(planAt(input, lastAt)), label).toBe(false);
          // After it, out of reach on the projected deadline: written off, or kept on the later
          // candidate only (its critical risk), ECFMG's deadlines following NRMP's.
          expect(outOfReachOnProjection(planAt(input, lastAt + 60_000)), label).toBe(true);
          expect(lastAt >= now, label).toBe(true);
        }
      }
    expect(named).toBeGreaterThan(20);
  });

  it("nothing done in May 2026: apply to ECFMG and start preparing for Step 1 by the day; no booking before ECFMG approves", () => {
    const snapshot = ApplicantSnapshotSchema.parse(
      JSON.parse(
        readFileSync(new URL("../../fixtures/scenarios/nothing-done-2027.json", import.meta.url), "utf8"),
      ),
    );
    const risk = lastDay(plan(snapshot, seasonCalendar(2027), new Date("2026-05-10T03:00:00Z")));
    expect(risk?.message).toMatch(
      /act by \w{3} \d{1,2} \w{3} 2026, \d{1,2}:\d\d [AP]M [^(]+\([^)]+ ET\) \(our advice\): submit your ECFMG application by then and start preparing for USMLE Step 1 by then;/,
    );
    expect(risk?.message).not.toContain("start preparing for USMLE Step 2 CK");
    expect(risk?.message).not.toContain("book your");
  });

  it("before the six weeks, no warning; after the day, the write-off alone", () => {
    expect(lastDay(planAt(lagos, "2026-11-01T06:00:00Z"))).toBeUndefined();
    const after = planAt(lagos, "2027-02-04T06:00:00Z");
    expect(lastDay(after)).toBeUndefined();
    expect(writtenOff(after)).toBe(true);
  });
});
