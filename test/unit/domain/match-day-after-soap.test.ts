import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith } from "./factories.ts";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * In New York a Match Day email went out at 9:00 AM ET on SOAP's last day, with
 * the offer rounds still to come. Rule: Match Day's reminder never falls before SOAP ends.
 */
const SOAP_END = seasonCalendar(2027).dates.nrmp_soap_ends.at;
const MATCH_DAY = seasonCalendar(2027).dates.nrmp_match_day.at;

describe("Match Day waits for SOAP's end", () => {
  it("New York: the Match Day reminder goes out at the first delivery slot after SOAP's end, 9:00 AM Friday", () => {
    const matchDay = planAt(inSoap("America/New_York"), "2027-03-16T12:00:00Z").reminders.filter(
      (r) => r.milestone === "match_day",
    );
    expect(matchDay.map((r) => r.sendAtLocal)).toEqual(["2027-03-19T09:00:00.000-04:00"]);
  });

  it("Auckland, whose next slot is after Match Day's release: at SOAP's end, 10:00 AM Friday", () => {
    const matchDay = planAt(inSoap("Pacific/Auckland"), "2027-03-16T12:00:00Z").reminders.filter(
      (r) => r.milestone === "match_day",
    );
    expect(matchDay.map((r) => r.sendAtLocal)).toEqual(["2027-03-19T10:00:00.000+13:00"]);
  });

  it.each([
    ["not answered", certifiedListWith("Africa/Cairo")],
    ["in SOAP", inSoap("Africa/Cairo")],
  ])(
    "Cairo, %s, planned on Thursday night after SOAP's end: the reminder keeps 9:00 AM Friday, not now",
    (_who, input) => {
      for (let now = SOAP_END + 1_800_000; now < Date.parse("2027-03-19T07:00:00Z"); now += 3_600_000) {
        const matchDay = plan(input, seasonCalendar(2027), new Date(now)).reminders.filter(
          (r) => r.milestone === "match_day",
        );
        expect(
          matchDay.map((r) => r.sendAtLocal),
          new Date(now).toISOString(),
        ).toEqual(["2027-03-19T09:00:00.000+02:00"]);
      }
    },
  );

  for (const zone of [
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Pacific/Honolulu",
  ])
    it(`${zone}: planned any hour of Match Week, no Match Day reminder before SOAP ends, and one before Match Day`, () => {
      for (let now = Date.parse("2027-03-15T12:00:00Z"); now < SOAP_END; now += 3 * 3_600_000) {
        const matchDay = planAt(inSoap(zone), new Date(now).toISOString()).reminders.filter(
          (r) => r.milestone === "match_day",
        );
        const label = `${zone} ${new Date(now).toISOString()}`;
        for (const r of matchDay)
          expect(Date.parse(r.sendAt), `${label} ${r.sendAtLocal}`).toBeGreaterThanOrEqual(SOAP_END);
        expect(
          matchDay.some((r) => Date.parse(r.sendAt) < MATCH_DAY),
          label,
        ).toBe(true);
      }
    });
});
