import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant matched for a Thu 1 Jul 2027 start gets the DS-2019 early, on Tue 20 Apr 2027:
// the visa step is "start now" that day, and its countdown to our visa date (Wed 16 Jun) begins
// only on 2 Jun. An advisor asks once in between whether the consular interview is booked and on
// which day, two weeks after the DS-2019 arrived.

const calendar = seasonCalendar(2027);
function ds2019On(timezone: string, day: string, visa?: "scheduled") {
  return matched2027(timezone, {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", day),
      ...(visa === undefined ? [] : [milestoneFactory("visa_j1", visa, "2027-06-07")]),
    ],
  });
}
const asked = (result: ReturnType<typeof plan>) =>
  result.reminders.filter((each) => each.rung === "interview-asked");

describe("the visa interview not yet booked once the DS-2019 is in hand", () => {
  // Lagos (UTC+1) and Auckland (UTC+12): the day after the DS-2019, and the morning of the check.
  it.each([
    ["Africa/Lagos", "2027-04-21T08:00:00Z", "2027-05-04T09:00:00.000+01:00"],
    ["Africa/Lagos", "2027-05-04T08:00:00Z", "2027-05-04T09:00:00.000+01:00"],
    ["Pacific/Auckland", "2027-04-20T21:00:00Z", "2027-05-04T09:00:00.000+12:00"],
    ["Pacific/Auckland", "2027-05-03T21:00:00Z", "2027-05-04T09:00:00.000+12:00"],
  ])("is asked once, two weeks after the DS-2019 arrived (%s, %s)", (timezone, now, sendAtLocal) => {
    const result = plan(ds2019On(timezone, "2027-04-20"), calendar, new Date(now));
    const checks = asked(result);
    expect(checks).toHaveLength(1);
    expect(checks[0]?.sendAtLocal).toBe(sendAtLocal);
    expect(checks[0]?.milestone).toBe("visa_j1");
    expect(checks[0]?.title).toContain("have you booked your interview? Tell us the date");
    expect(checks[0]?.why).toContain("Your DS-2019 arrived on Tue 20 Apr 2027");
    expect(checks[0]?.why).toContain("Wed 16 Jun 2027 (our advice)");
    // The same check whenever the plan is made: its id hangs on the DS-2019's day, never on now.
    const first = asked(plan(ds2019On(timezone, "2027-04-20"), calendar, new Date("2027-04-21T12:00:00Z")));
    expect(checks[0]?.id).toBe(first[0]?.id);
  });

  it("is not asked again once its day has gone by", () => {
    const result = plan(ds2019On("Africa/Lagos", "2027-04-20"), calendar, new Date("2027-05-06T08:00:00Z"));
    expect(asked(result)).toHaveLength(0);
  });

  it("is not asked once the interview is booked", () => {
    const result = plan(
      ds2019On("Africa/Lagos", "2027-04-20", "scheduled"),
      calendar,
      new Date("2027-04-21T08:00:00Z"),
    );
    expect(asked(result)).toHaveLength(0);
  });

  it("is not asked when the DS-2019 comes so late that the visa's countdown is about to begin", () => {
    const result = plan(ds2019On("Africa/Lagos", "2027-05-20"), calendar, new Date("2027-05-21T08:00:00Z"));
    expect(asked(result)).toHaveLength(0);
  });
});
