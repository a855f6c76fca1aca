import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith } from "./factories.ts";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * In New York a Match Day email went out at 9:00 AM ET on SOAP's last day, with
 * the offer rounds still to come. Rule: Match Day's reminder never falls before SOAP ends; a SOAP
 * participant's question is asked from Match Day's release (reminder-ladders.json `soap-outcome`).
 */
const SOAP_END = seasonCalendar(2027).dates.nrmp_soap_ends.at;
const MATCH_DAY = seasonCalendar(2027).dates.nrmp_match_day.at;
const MONDAY_RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;

describe("Match Day waits for SOAP's end", () => {
  // A SOAP participant is asked which offer they accepted from Match Day's release (follow-up, then
  // weekly), by the contract's date, not counted down to the release (no eve rung).
  it.each([
    ["America/New_York", ["2027-03-19T12:00:00.000-04:00", "2027-03-26T09:00:00.000-04:00"]],
    ["Pacific/Auckland", ["2027-03-20T09:00:00.000+13:00", "2027-03-27T09:00:00.000+13:00"]],
  ])("%s, in SOAP: asked at Match Day's release (or the next slot), then a week later", (zone, sends) => {
    const matchDay = planAt(inSoap(zone), "2027-03-16T12:00:00Z").reminders.filter(
      (r) => r.milestone === "match_day",
    );
    expect(matchDay.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["match-day-result", sends[0]],
      ["match-day-weekly", sends[1]],
    ]);
  });

  it("Cairo, not answered, planned on Thursday night after SOAP's end: no reminder now, nor at 9:00 AM Friday, the release's question at 6:00 PM being that day's email", () => {
    const input = certifiedListWith("Africa/Cairo");
    for (let now = SOAP_END + 1_800_000; now < Date.parse("2027-03-19T07:00:00Z"); now += 3_600_000) {
      const matchDay = plan(input, seasonCalendar(2027), new Date(now)).reminders.filter(
        (r) => r.milestone === "match_day",
      );
      expect(
        matchDay.map((r) => r.sendAtLocal),
        new Date(now).toISOString(),
      ).toEqual([]);
    }
  });

  for (const zone of [
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Pacific/Honolulu",
  ])
    it(`${zone}, in SOAP: planned any hour of Match Week, no Match Day reminder before SOAP ends, and from the Monday release its question at Match Day's`, () => {
      for (let now = Date.parse("2027-03-15T12:00:00Z"); now < MATCH_DAY; now += 3 * 3_600_000) {
        const matchDay = planAt(inSoap(zone), new Date(now).toISOString()).reminders.filter(
          (r) => r.milestone === "match_day",
        );
        const label = `${zone} ${new Date(now).toISOString()}`;
        // Before NRMP's Monday release the catalog's step (and its eve rung) applies.
        const asked = now >= MONDAY_RELEASE;
        for (const r of matchDay)
          expect(Date.parse(r.sendAt), `${label} ${r.sendAtLocal}`).toBeGreaterThanOrEqual(
            asked ? MATCH_DAY : SOAP_END,
          );
        // Before it, the eve rung where the release's question goes on another local day than it.
        if (asked) expect(matchDay[0]?.rung, label).toBe("match-day-result");
        else for (const r of matchDay) expect(r.rung, label).toBe("due-in-1d");
      }
    });
});
