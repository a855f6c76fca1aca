import { describe, expect, it } from "vitest";
import { doneOpensFor } from "#domain/applicant-choices.ts";
import { markDoneNotYet } from "#domain/console/mark-done.ts";
import { pastSeasonWork } from "#domain/planner/past-season.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";

/**
 * Done on a step with a window of its own opens on the applicant's local day of the opening, as the
 * planner counts it (tester t9g issue 9 A1, same kind): ranking opens Fri 15 Jan 2027 12:00 PM ET
 * (projected), which is Sat 16 Jan 1:00 AM in Manila, so a Manila list certified on Fri 15 Jan
 * predates it (the planner refuses it) and Done must not be offered then; in Lagos (6:00 PM on
 * 15 Jan) it opens on the 15th.
 */
const calendar = seasonCalendar(2027);

describe("Done opens on the applicant's local day of the window's opening", () => {
  it("Manila: the rank list's Done opens on Sat 16 Jan 2027, not on Fri 15 Jan", () => {
    expect(doneOpensFor("rank_order_list", calendar, "2027-01-15", "Asia/Manila")?.date).toBe("2027-01-16");
    expect(doneOpensFor("rank_order_list", calendar, "2027-01-16", "Asia/Manila")).toBeUndefined();
    expect(markDoneNotYet("rank_order_list", 2027, "2027-01-15", "Asia/Manila")?.date).toBe("2027-01-16");
  });

  it("Lagos and New York: it opens on Fri 15 Jan 2027", () => {
    for (const zone of ["Africa/Lagos", "America/New_York", "Pacific/Honolulu"]) {
      expect(doneOpensFor("rank_order_list", calendar, "2027-01-15", zone), zone).toBeUndefined();
      expect(doneOpensFor("rank_order_list", calendar, "2027-01-14", zone)?.date, zone).toBe("2027-01-15");
    }
  });

  it("a step redone each season opens the local day after the previous season's end", () => {
    // eras_previous_season_ends: Mon 31 May 2026 5:00 PM ET = Tue 1 Jun 5:00 AM in Manila.
    const ends = calendar.dates.eras_previous_season_ends;
    expect(ends.iso).toBe("2026-05-31T21:00:00.000Z");
    expect(doneOpensFor("eras_token", calendar, "2026-06-01", "Asia/Manila")?.date).toBe("2026-06-02");
    expect(doneOpensFor("eras_token", calendar, "2026-06-01", "Africa/Lagos")).toBeUndefined();
  });

  it("a step dated on the previous season's end's local day is that season's, as Done says", () => {
    const token = (date: string) =>
      new Map([["eras_token" as const, { key: "eras_token" as const, status: "done" as const, date }]]);
    const now = Date.parse("2026-07-01T12:00:00Z");
    expect([...pastSeasonWork(token("2026-06-01"), calendar, now, "Asia/Manila")]).toEqual(["eras_token"]);
    expect([...pastSeasonWork(token("2026-06-02"), calendar, now, "Asia/Manila")]).toEqual([]);
    expect([...pastSeasonWork(token("2026-05-31"), calendar, now, "Africa/Lagos")]).toEqual(["eras_token"]);
    expect([...pastSeasonWork(token("2026-06-01"), calendar, now, "Africa/Lagos")]).toEqual([]);
  });
});
