import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { whatIfFragment } from "../../../../functions/console/pages/what-if.ts";
import { whatIfChanges } from "../../../../functions/console/request.ts";

/**
 * The what-if interview form asked for the program's time zone and also for the UTC offset typed by
 * hand ("2027-11-10T09:00" was refused; "-05:00" was "not America/Chicago's
 * -06:00 on 10 Nov 2027"). The start is now the program's local date and time; the offset is the
 * zone's on that date (tz database through Luxon). A start typed with its offset is kept as typed.
 */
const interview = (startsAt: string, timezone = "America/Chicago") =>
  whatIfChanges(
    new URLSearchParams({ kind: "interview", program: "Rush IM", startsAt, timezone, format: "virtual" }),
  );

describe("the what-if interview's start", () => {
  it.each([
    ["2027-11-10T09:00", "America/Chicago", "2027-11-10T09:00:00-06:00"],
    ["2027-10-12T09:30", "America/Chicago", "2027-10-12T09:30:00-05:00"],
    ["2027-01-15T14:00", "America/Los_Angeles", "2027-01-15T14:00:00-08:00"],
    ["2027-07-15T14:00:00", "America/New_York", "2027-07-15T14:00:00-04:00"],
  ])("takes %s in %s as %s: the offset from the zone and the date", (local, zone, expected) => {
    expect(interview(local, zone)).toMatchObject([{ kind: "interview", startsAt: expected, timezone: zone }]);
  });

  it("keeps a start typed with its offset, and still refuses one the zone does not have then", () => {
    expect(interview("2027-11-10T09:00:00-06:00")).toMatchObject([{ startsAt: "2027-11-10T09:00:00-06:00" }]);
    expect(() => interview("2027-11-10T09:00:00-05:00")).toThrow(InvalidInputError);
  });

  it("refuses a time the clocks skip in that zone, naming Starts at", () => {
    let problems: unknown;
    try {
      interview("2027-03-14T02:30");
    } catch (error) {
      problems = (error as InvalidInputError).problems;
    }
    expect(problems).toEqual([
      {
        path: "0.startsAt",
        message: "2027-03-14T02:30 is not a time in America/Chicago: the clocks skip it that night",
      },
    ]);
  });

  it("asks for the program's local date and time, with no offset to type", () => {
    const state = { profile: profileFactory(), milestones: [], interviews: [], ledger: [] };
    const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const form = whatIfFragment(view);
    expect(form).toContain(
      '<label for="f-startsAt">Starts at (the program\'s local time)</label><input id="f-startsAt" type="datetime-local" name="startsAt"',
    );
    expect(form).not.toContain("UTC offset");
  });
});
