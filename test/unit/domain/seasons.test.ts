import { describe, expect, it } from "vitest";
import confirmed from "#domain/seasons/confirmed.json" with { type: "json" };
import { projectSeasonDates, SEASON_DATE_KEYS, seasonCalendar } from "#domain/seasons/index.ts";

describe("season calendars", () => {
  it("serves the 2026 season as confirmed, every date with a source URL and ET", () => {
    const calendar = seasonCalendar(2026);
    expect(calendar.status).toBe("confirmed");
    for (const key of SEASON_DATE_KEYS) {
      const date = calendar.dates[key];
      expect(date.status).toBe("confirmed");
      expect(date.source).toMatch(/^https?:\/\//);
      expect(date.zone).toBe("America/New_York");
    }
    expect(calendar.dates.nrmp_rol_certification_and_late_registration_deadline.iso).toBe(
      "2026-02-26T02:00:00.000Z",
    );
    expect(calendar.dates.nrmp_match_day.date).toBe("2026-03-20");
    expect(calendar.contextDates.map((date) => date.key)).toContain(
      "ecfmg_2026_pathways_application_open_by",
    );
  });

  it.each(SEASON_DATE_KEYS)("projection rule for %s reproduces the confirmed 2026 date and time", (key) => {
    const projected = projectSeasonDates(2026)[key];
    const confirmed = seasonCalendar(2026).dates[key];
    expect([projected.date, projected.time]).toEqual([confirmed.date, confirmed.time]);
  });

  // The rules alone, whatever confirmed.json holds: confirming a season's dates never fails this.
  it.each([
    [2027, "2027-03-19", "2027-02-24", "2026-06-03", "2026-11-30"],
    [2028, "2028-03-17", "2028-02-23", "2027-06-02", "2027-11-30"],
  ])("projects the %i Match from the rules", (year, matchDay, rol, erasOpens, nrmpEarly) => {
    const projected = projectSeasonDates(year);
    expect(projected.nrmp_match_day.date).toBe(matchDay);
    expect(new Date(`${matchDay}T12:00:00Z`).getUTCDay()).toBe(5);
    expect(projected.nrmp_rol_certification_and_late_registration_deadline.date).toBe(rol);
    expect(projected.eras_season_opens_myeras.date).toBe(erasOpens);
    expect(projected.nrmp_early_registration_deadline_late_fee_after.date).toBe(nrmpEarly);
    expect(projected.residency_start.date).toBe(`${year}-07-01`);
    for (const key of SEASON_DATE_KEYS) {
      expect(projected[key].status).toBe("projected");
      expect(projected[key].source).toMatch(/^projected: /);
    }
  });

  // The calendar served: each date confirmed.json lists for the year, with its source; the rules'
  // projection for every other; "confirmed" only when none is left projected.
  it.each([2027, 2028])(
    "serves the %i Match as confirmed.json's dates over the rules' projection",
    (year) => {
      const calendar = seasonCalendar(year);
      const projected = projectSeasonDates(year);
      const listed = confirmed.seasons.find((season) => season.matchYear === year)?.dates ?? [];
      for (const key of SEASON_DATE_KEYS) {
        const entry = listed.find((each) => each.key === key);
        const served = calendar.dates[key];
        if (entry === undefined) {
          expect(served).toEqual(projected[key]);
        } else {
          expect([served.status, served.date, served.time, served.source]).toEqual([
            "confirmed",
            entry.date,
            entry.time,
            entry.source,
          ]);
        }
      }
      const allListed = SEASON_DATE_KEYS.every((key) => listed.some((each) => each.key === key));
      expect(calendar.status).toBe(allListed ? "confirmed" : "projected");
    },
  );

  it("has no data before the first confirmed season", () => {
    expect(() => seasonCalendar(2025)).toThrow(RangeError);
  });

  it("returns the same frozen calendar every time", () => {
    expect(seasonCalendar(2027)).toBe(seasonCalendar(2027));
    expect(Object.isFrozen(seasonCalendar(2027).dates)).toBe(true);
  });
});
