import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { markOfBasis } from "#domain/date-basis.ts";
import { lastDayMark } from "#domain/planner/last-day-words.ts";
import {
  cutOffBasis,
  cutOffMark,
  dayText,
  lastSittingDay,
  seatDayBy,
  sittingCutOffOf,
} from "#domain/planner/last-sitting-day.ts";
import { laterCandidateCalendar } from "#domain/planner/later-candidate-feasibility.ts";
import { bookingDayBefore } from "#domain/planner/oet-booking-allowance.ts";
import { oetSeatAct } from "#domain/planner/oet-rebook-words.ts";
import { PATHWAY_DEADLINE_MARK } from "#domain/planner/pathway-deadlines.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * One label rule for every day in words: a
 * day says who sets it. A last sitting day is the rank order list deadline (or the Pathway's documents
 * deadline) less the catalog's result time, an allowance the catalog marks advice, so it reads "(our
 * advice)" even when the deadline it counts from is projected; so do the OET booking day and the
 * other days MATCH_YEAR_LAST_DAY counts back with advice allowances. The Pathway's deadline, a rule
 * that projects ECFMG's unpublished date, stays "(projected)". No text hard-codes either mark.
 */

const SITTINGS: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck", "oet_medicine", "usmle_step3"];
const PROJECTED = seasonCalendar(2027);
const CONFIRMED = seasonCalendar(2026);

/** The basis the catalog gives the allowance a sitting's last day is counted with (its due rule, else its result time). */
function catalogBasis(key: MilestoneKey): string {
  const entry = catalogEntry(key);
  return entry.due.from === "season" ? entry.due.basis : (entry.reportingDays?.basis ?? "advice");
}

describe("a last sitting day's label comes from the allowance it is counted with (cutOffBasis)", () => {
  it.each(SITTINGS)("%s: the catalog's basis on a projected and on a confirmed season", (key) => {
    const rol = PROJECTED.dates.nrmp_rol_certification_and_late_registration_deadline;
    const basis = catalogBasis(key) === "advice" ? "advice" : rol.status;
    expect(cutOffBasis(PROJECTED, key)).toBe(basis);
    expect(cutOffMark(PROJECTED, key)).toBe(markOfBasis(basis));
    // Advice is advice whether the deadline it counts from is projected or confirmed.
    if (basis === "advice") expect(cutOffBasis(CONFIRMED, key)).toBe("advice");
  });

  it("makes every sitting's last day our advice with today's catalog (all four result times are advice)", () => {
    expect(SITTINGS.map((key) => cutOffMark(PROJECTED, key))).toEqual(SITTINGS.map(() => " (our advice)"));
  });

  it("keeps the Pathway's deadline projected: its rule projects ECFMG's date", () => {
    expect(PATHWAY_DEADLINE_MARK).toBe(" (projected)");
  });
});

describe("the days MATCH_YEAR_LAST_DAY names carry their own label", () => {
  const oetCutOff = sittingCutOffOf(PROJECTED, "oet_medicine");
  const stepCutOff = sittingCutOffOf(PROJECTED, "usmle_step2ck");
  const oetDay = dayText(lastSittingDay(oetCutOff));

  it("lastDayMark: a sitting day by its rule, the Pathway's deadline projected, any other day our advice", () => {
    expect(lastDayMark(PROJECTED, "oet_medicine", false)).toBe(" (our advice)");
    expect(lastDayMark(PROJECTED, undefined, true)).toBe(" (projected)");
    expect(lastDayMark(PROJECTED, undefined, false)).toBe(" (our advice)");
  });

  it("seatDayBy names another exam's last sitting day with its basis, never a hard-coded (projected)", () => {
    const day = dayText(lastSittingDay(stepCutOff));
    const before = stepCutOff - 10 * 86_400_000;
    expect(seatDayBy("Asia/Manila", before, stepCutOff, "advice", "LAST")).toBe(`by ${day} (our advice)`);
    expect(seatDayBy("Asia/Manila", before, stepCutOff, "projected", "LAST")).toBe(`by ${day} (projected)`);
    expect(seatDayBy("Asia/Manila", before, stepCutOff, undefined, "LAST")).toBe(`by ${day}`);
  });

  it("oetSeatAct: the OET's last sitting day and its booking day are our advice", () => {
    const booking = dayText(bookingDayBefore(lastSittingDay(oetCutOff)));
    expect(oetSeatAct({ seatBy: oetCutOff, seatByBasis: "advice" }, false, false)).toBe(
      `book the earliest OET Medicine sitting you can and sit it by ${oetDay} (our advice)`,
    );
    const rebook = oetSeatAct({ seatBy: oetCutOff, seatByBasis: "advice" }, false, true);
    expect(rebook).toContain(`book by about ${booking} (sessions close their bookings`);
    expect(rebook).toContain(`a sitting on or before ${oetDay} (our advice)`);
    expect(rebook).not.toContain("projected");
  });
});

/**
 * The advice days a plan of `calendar` may name: each sitting's last day on the calendar and on its
 * later candidate, and the OET's booking day before each, as the texts write them ("Wed 27 Jan 2027").
 */
function adviceDays(calendar: SeasonCalendar): string[] {
  const days: string[] = [];
  for (const season of [calendar, laterCandidateCalendar(calendar)]) {
    if (season === null) continue;
    for (const key of SITTINGS) {
      const day = lastSittingDay(sittingCutOffOf(season, key));
      days.push(dayText(day));
      if (key === "oet_medicine") days.push(dayText(bookingDayBefore(day)));
    }
  }
  return days;
}

const SCENARIOS = fileURLToPath(new URL("../../fixtures/scenarios/", import.meta.url));
const NOWS = [
  "2026-09-15T12:00:00Z",
  "2026-11-20T12:00:00Z",
  "2026-12-10T12:00:00Z",
  "2026-12-20T12:00:00Z",
  "2026-12-30T12:00:00Z",
  "2027-01-08T12:00:00Z",
  "2027-01-20T12:00:00Z",
  "2027-01-27T12:00:00Z",
  "2027-02-05T12:00:00Z",
  "2027-02-20T12:00:00Z",
];

describe("no advice day reads (projected) in any text of the scenario plans (guard)", () => {
  const files = readdirSync(SCENARIOS).filter((file) => file.endsWith(".json"));

  it("marks every last sitting day and OET booking day our advice across the scenarios and instants", () => {
    const wrong = new Set<string>();
    let advised = 0;
    for (const file of files) {
      const snapshot = readSnapshot(SCENARIOS, file);
      const year = snapshot.applicant.matchYear;
      const days = [...adviceDays(seasonCalendar(year)), ...adviceDays(seasonCalendar(year + 1))];
      const patterns = days.map(
        (day) => new RegExp(`${day}(,? at the latest| has passed\\))? ?(\\(projected\\)|, projected)`),
      );
      for (const now of NOWS) {
        const text = JSON.stringify(planInOwnMatch(snapshot, now));
        for (const pattern of patterns) {
          const found = pattern.exec(text);
          if (found !== null) wrong.add(`${file} at ${now}: ${found[0]}`);
        }
        for (const day of days) if (text.includes(`${day} (our advice)`)) advised++;
      }
    }
    expect([...wrong]).toEqual([]);
    // The sweep reaches such days: it would see a wrong label if one were printed.
    expect(advised).toBeGreaterThan(20);
  }, 300_000);
});
