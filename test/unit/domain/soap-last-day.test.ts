import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/** The zones of the SOAP rung tests (soap-rung-margin), UTC−10 to UTC+14. */
const SOAP_ZONES = [
  "Pacific/Honolulu",
  "America/Los_Angeles",
  "America/Chicago",
  "America/New_York",
  "America/St_Johns",
  "Europe/London",
  "Africa/Lagos",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Manila",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
];

/**
 * On SOAP's last day (Thursday of Match Week, ET) the offer rounds are under way: a participant is
 * told to be at R3 for the remaining rounds, not to send applications now (Karachi
 * on Thursday morning and New York an hour before SOAP ended still read "send them through ERAS now").
 */
const soapAction = (zone: string, now: string): string =>
  plan(inSoap(zone), seasonCalendar(2027), new Date(now)).nextSteps.find((s) => s.milestone === "soap")
    ?.action ?? "";

describe("SOAP's last day: the remaining rounds, not applications", () => {
  it.each([
    ["Asia/Karachi", "2027-03-18T09:00:00+05:00"],
    ["America/New_York", "2027-03-18T00:00:00-04:00"],
    ["America/New_York", "2027-03-18T16:00:00-04:00"],
    ["Pacific/Auckland", "2027-03-19T09:00:00+13:00"],
  ])("%s at %s", (zone, now) => {
    const action = soapAction(zone, now);
    expect(action).toContain("SOAP's last day");
    expect(action).toContain("be at R3 for the remaining rounds");
    expect(action).toContain("an application sent now is unlikely to lead to an offer");
    expect(action).not.toContain("send them through ERAS now");
  });

  it("on Wednesday (ET) the applications may still go out", () => {
    const action = soapAction("America/New_York", "2027-03-17T23:59:00-04:00");
    expect(action).toContain("send them through ERAS now");
    expect(action).not.toContain("SOAP's last day");
  });
});

/**
 * The last day's text in the applicant's day and tense: Los Angeles on
 * Wednesday evening and Auckland nine hours before the first round read "today is SOAP's last day,
 * with the offer rounds under way". And the last day's notice carries that text wherever it goes out
 * the evening before.
 */
describe("SOAP's last day in the applicant's words", () => {
  const action = (zone: string, now: string, reminderTime?: string): string =>
    planAt(inSoap(zone, reminderTime), now).nextSteps.find((s) => s.milestone === "soap")?.action ?? "";

  it.each([
    [
      "America/Los_Angeles",
      "2027-03-17T21:00:00-07:00",
      "tomorrow, Thu 18 Mar (projected), is SOAP's last day",
      "(6:00 AM your time)",
    ],
    [
      "America/Los_Angeles",
      "2027-03-17T18:00:00-07:00",
      "tomorrow, Thu 18 Mar (projected), is SOAP's last day",
      "(6:00 AM your time)",
    ],
    [
      "Pacific/Auckland",
      "2027-03-18T17:00:00+13:00",
      // The applicant's own day, with the ET day beside it.
      "tomorrow, Fri 19 Mar (projected) is SOAP's last day for you (Thu 18 Mar in ET)",
      "(2:00 AM your time)",
    ],
    [
      "America/New_York",
      "2027-03-18T08:00:00-04:00",
      "today, Thu 18 Mar (projected), is SOAP's last day",
      "as early as 9:00 AM ET;",
    ],
    [
      "Asia/Karachi",
      "2027-03-18T09:00:00+05:00",
      "today, Thu 18 Mar (projected), is SOAP's last day",
      "(6:00 PM your time)",
    ],
  ])("%s at %s, before the first round: %s", (zone, now, lead, hour) => {
    const text = action(zone, now);
    expect(text).toContain(lead);
    expect(text).toContain(hour);
    expect(text).not.toContain("under way");
    expect(text).not.toContain("send them through ERAS now");
  });

  it("once the first round may have opened, the day is under way, named in the applicant's day (c)", () => {
    expect(action("Pacific/Auckland", "2027-03-19T09:00:00+13:00")).toContain(
      "SOAP's last day, today, Fri 19 Mar (projected) for you (Thu 18 Mar in ET), is under way",
    );
    expect(action("America/New_York", "2027-03-18T10:00:00-04:00")).toContain(
      "SOAP's last day, Thu 18 Mar (ET, projected), is under way",
    );
  });

  it("in every zone and at every delivery time, the last day's notice carries the last day's text", () => {
    const release = new Date(
      seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at,
    ).toISOString();
    fc.assert(
      fc.property(fc.constantFrom(...SOAP_ZONES), fc.integer({ min: 0, max: 23 }), (zone, hour) => {
        const at = `${String(hour).padStart(2, "0")}:00`;
        const rung = planAt(inSoap(zone, at), release).reminders.find(
          (r) => r.rung === "soap-last-offer-rounds",
        );
        expect(rung, zone).toBeDefined();
        const text = action(zone, rung?.sendAt ?? "", at);
        expect(text, `${zone} ${at} ${rung?.sendAtLocal}`).toContain("is SOAP's last day");
        expect(text).not.toContain("under way");
        expect(Date.parse(rung?.sendAt ?? "")).toBeLessThan(
          SOAP_ROUND_ET["soap-last-offer-rounds"] as number,
        );
      }),
      { numRuns: 120, seed: 7 },
    );
  });
});
