import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { SEASON_DATE_KEYS, type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { seasonStatusWords } from "#domain/seasons/status-words.ts";

/**
 * Once some of a season's dates are confirmed, the heading says how many, so whoever confirmed
 * them sees the edit was read; `seasonStatus` itself keeps its two values. The 2027 calendar is
 * taken with two of its projected dates marked confirmed, same day and hour (no date moves).
 */
const projected = seasonCalendar(2027);
const withConfirmed = (keys: readonly string[]): Pick<SeasonCalendar, "dates"> => ({
  dates: Object.fromEntries(
    SEASON_DATE_KEYS.map((key) => [
      key,
      keys.includes(key) ? { ...projected.dates[key], status: "confirmed" } : projected.dates[key],
    ]),
  ) as SeasonCalendar["dates"],
});
const plan2027 = (seasonStatus: Plan["seasonStatus"]) => ({ matchYear: 2027, risks: [], seasonStatus });
const TWO = ["nrmp_rank_order_list_entry_opens", "nrmp_rol_certification_and_late_registration_deadline"];

describe("the season's status as a heading says it", () => {
  it("says partly confirmed, with the count, when some dates are confirmed", () => {
    expect(seasonStatusWords(plan2027("projected"), "calendar", withConfirmed(TWO))).toBe(
      `partly confirmed calendar (2 of ${SEASON_DATE_KEYS.length} dates)`,
    );
  });

  it("says projected when none is, and confirmed when the plan's season is", () => {
    expect(seasonStatusWords(plan2027("projected"), "calendar", withConfirmed([]))).toBe(
      "projected calendar",
    );
    expect(seasonStatusWords(plan2027("projected"), "calendar")).toBe("projected calendar");
    expect(seasonStatusWords({ matchYear: 2026, risks: [], seasonStatus: "confirmed" }, "season dates")).toBe(
      "confirmed season dates",
    );
  });
});
