import { describe, expect, it } from "vitest";
import { shiftIsoDay } from "#domain/iso-texts.ts";
import { buildContext } from "#domain/planner/context.ts";
import { J1_FILE_TO_VISA_DAYS } from "#domain/planner/j1-allowances.ts";
import { j1StartOutOfReachBeforeMatch } from "#domain/planner/j1-start-before-match.ts";
import { planDates } from "#domain/planner/plan-dates.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { startOfLocalDate } from "#domain/time.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

// A J-1 applicant in Manila, before the Match, whose certificate at the earliest leaves the J-1 visa
// (ECFMG's shorter review and the consular allowance after it) on Thu 1 Jul 2027 in her calendar:
// the start's own day, which is not in time for it (after the Match, j1StartOutOfReach counts her
// days and says so). Counted in milliseconds, that visa (1 Jul 00:00 in Manila, 30 Jun 16:00 UTC)
// came before the start's instant (1 Jul 00:00 ET) and read in time before the Match.

const calendar = seasonCalendar(2027);
const context = buildContext(
  inputFactory({ applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027 }) }),
  calendar,
  new Date("2027-02-10T01:00:00Z"),
);
const certificateDay = (visaDay: string) =>
  startOfLocalDate("Asia/Manila", shiftIsoDay(visaDay, -J1_FILE_TO_VISA_DAYS));

const dates = planDates(context);
const verdict = (visaDay: string) =>
  j1StartOutOfReachBeforeMatch(context, dates, certificateDay(visaDay), []);

describe("the J-1 start out of reach before the Match, counted in the applicant's days", () => {
  it("a visa on the start's own day in her calendar is out of reach", () => {
    const out = verdict("2027-07-01");
    expect(out?.critical).toBe(true);
    expect(out?.words).toContain("your J-1 visa would come around Thu 1 Jul 2027 at the earliest");
  });

  it("a visa the day before the start, in its last week, is out of reach too", () => {
    const out = verdict("2027-06-30");
    expect(out?.critical).toBe(true);
    expect(out?.words).toContain("your J-1 visa would come around Wed 30 Jun 2027 at the earliest");
  });

  it("a visa after the plan's visa date but before the start's last week is a warning naming the day", () => {
    const out = verdict("2027-06-20");
    expect(out?.critical).toBe(false);
    expect(out?.words).toContain("your J-1 visa would come around Sun 20 Jun 2027 at the earliest");
    expect(out?.words).toContain("after this plan's date for it (Wed 16 Jun 2027)");
    expect(out?.words).toContain("whether they could hold your position for a delayed start");
  });

  it("a visa on the plan's visa date is in time", () => {
    expect(verdict("2027-06-16")).toBeNull();
  });
});
