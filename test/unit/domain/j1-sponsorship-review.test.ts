import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { PlanDates } from "#domain/planner/deadlines.ts";
import {
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_ECFMG_REVIEW_DAYS,
  statementOfNeedDaysAfterMatch,
} from "#domain/planner/j1-allowances.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * ECFMG's review of the J-1 sponsorship takes "4 to 6 weeks once every document is in" (its
 * application-process page), yet the sponsorship was dated residency's start less 75 days, 31 days
 * before the DS-2019: at 6 weeks the consular interview kept 19 days of the month the DS-2019's rule
 * promises it. The sponsorship is now the DS-2019's date less 6 weeks, the upper end of ECFMG's
 * figure (the choice our advice), and the Statement of Need stays due with it.
 * Tanvir: Dhaka, J-1, matched on Fri 19 Mar 2027; the sponsorship in progress since 20 Apr.
 */
const DIR = fileURLToPath(new URL("../../fixtures/j1-sponsorship-review/", import.meta.url));
const snapshot = readSnapshot(DIR, "sponsorship-in-progress-dhaka.json");
const DAY = 86_400_000;

/** The due day a PlanDates gives `key` (a whole day: the day its instant ends), as YYYY-MM-DD. */
const dueDayOf = (dates: PlanDates, key: MilestoneKey): string => {
  const due = dates.due(key);
  if (due === null) throw new Error(`${key}: no due date`);
  return localDate(due.zone, due.asDay === true ? due.at - 1 : due.at);
};
const datesOf = (year: number) => new PlanDates(seasonCalendar(year), "Asia/Dhaka", new Map(), null);
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

describe("the J-1 sponsorship is dated 6 weeks before the DS-2019: ECFMG's review at its upper end", () => {
  it("the catalog counts it back from the DS-2019, cites ECFMG's figure and labels the choice advice", () => {
    const due = catalogEntry("j1_ecfmg_sponsorship").due;
    expect(due.from === "milestone" ? [due.key, due.offsetDays] : null).toEqual(["j1_ds2019", -42]);
    expect(J1_ECFMG_REVIEW_DAYS).toBe(42);
    expect(due.basis).toBe("advice");
    expect(due.source).toMatch(/^advice: plan for the later end/);
    expect(due.source).toContain("so the consular interview keeps its month");
    expect(due.source).toContain("4–6 weeks");
    expect(due.source).toContain("official, https://ecfmg.org/evsp/application-process.html");
  });

  it("2027: the Statement of Need and the sponsorship Mon 5 Apr (Match Day + 17), the DS-2019 Mon 17 May", () => {
    const dates = datesOf(2027);
    expect(dueDayOf(dates, "j1_ecfmg_sponsorship")).toBe("2027-04-05");
    expect(dueDayOf(dates, "j1_statement_of_need")).toBe("2027-04-05");
    expect(statementOfNeedDaysAfterMatch(dates)).toBe(17);
    expect(dueDayOf(dates, "j1_ds2019")).toBe("2027-05-17");
    expect(dueDayOf(dates, "visa_j1")).toBe("2027-06-16");
    expect(dueDayOf(dates, "contract")).toBe("2027-04-02");
  });

  it("shows the same dates in the plan, the sponsorship's source naming the rule", () => {
    const result = planInOwnMatch(snapshot, "2027-03-20T03:00:00Z");
    const step = [...result.nextSteps, ...result.blocked, ...result.overdue].find(
      (each) => each.milestone === "j1_ecfmg_sponsorship",
    );
    expect(step?.deadline?.day).toBe("2027-04-05");
    expect(step?.deadline?.basis).toBe("advice");
    expect(step?.deadline?.source).toContain("-42 days from the j1_ds2019 due date");
  });

  it.each([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036])(
    "%i: the review keeps its 6 weeks, the interview its month, and the contract comes no later than the sponsorship",
    (year) => {
      const dates = datesOf(year);
      const sponsorship = dueDayOf(dates, "j1_ecfmg_sponsorship");
      const ds2019 = dueDayOf(dates, "j1_ds2019");
      expect(daysBetween(sponsorship, ds2019)).toBe(J1_ECFMG_REVIEW_DAYS);
      expect(daysBetween(ds2019, dueDayOf(dates, "visa_j1"))).toBeGreaterThanOrEqual(
        J1_CONSULAR_ALLOWANCE_DAYS,
      );
      expect(dueDayOf(dates, "j1_statement_of_need")).toBe(sponsorship);
      expect(dueDayOf(dates, "contract") <= sponsorship).toBe(true);
      expect(new Date(sponsorship).getUTCDay()).not.toBe(0);
      expect(new Date(sponsorship).getUTCDay()).not.toBe(6);
    },
  );
});
