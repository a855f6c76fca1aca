import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ET_EVENT_MARGIN_MS } from "#domain/planner/et-event.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { DAY_MS, HOUR_MS, localDate, toWall, wallMinuteOfDay } from "#domain/time.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/**
 * A SOAP rung announces an ET event (that day's first offer round, 9:00 AM ET): it must leave with
 * a margin before it, not at it (in New York the 09:00 slot was the event itself, so
 * the email arrived after the round had begun). It goes out on the morning of that SOAP day where a
 * slot outside the quiet hours leaves the margin, else the evening before (Tuesday's: in the email
 * of the release that day, which has no rounds to wait for), never a whole day early
 * (New York and Los Angeles heard of Thursday's last rounds on Wednesday morning and
 * nothing on Thursday).
 */
const RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;

describe("SOAP's rungs leave with a margin before the 9:00 AM ET round", () => {
  it("the margin is at least an hour", () => {
    expect(ET_EVENT_MARGIN_MS).toBeGreaterThanOrEqual(HOUR_MS);
  });

  it("New York at the default 09:00 hears of each SOAP day's rounds at 08:00 that morning, Thursday's on Thursday", () => {
    const rungs = planAt(inSoap("America/New_York"), "2027-03-15T15:00:00Z").reminders.filter(
      (r) => SOAP_ROUND_ET[r.rung] !== undefined,
    );
    expect(rungs.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["soap-before-offer-rounds", "2027-03-16T08:00:00.000-04:00"],
      ["soap-offer-round", "2027-03-17T08:00:00.000-04:00"],
      ["soap-last-offer-rounds", "2027-03-18T08:00:00.000-04:00"],
    ]);
  });

  it.each([
    ["America/Los_Angeles", undefined, "2027-03-17T18:00:00.000-07:00"],
    ["America/Los_Angeles", "05:30", "2027-03-17T18:00:00.000-07:00"],
    ["America/Los_Angeles", "05:00", "2027-03-17T18:00:00.000-07:00"],
    ["America/New_York", "07:30", "2027-03-18T08:00:00.000-04:00"],
    ["America/New_York", "08:30", "2027-03-18T08:00:00.000-04:00"],
  ])(
    "%s (delivery %s) hears of the last rounds on Thursday morning or Wednesday evening: %s",
    (zone, at, local) => {
      const last = planAt(inSoap(zone, at), "2027-03-15T15:00:00Z").reminders.find(
        (r) => r.rung === "soap-last-offer-rounds",
      );
      expect(last?.sendAtLocal).toBe(local);
    },
  );

  it.each(["America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu"])(
    "%s hears of Thursday's last rounds before Thursday 8:00 AM ET",
    (zone) => {
      const last = planAt(inSoap(zone), "2027-03-15T15:00:00Z").reminders.find(
        (r) => r.rung === "soap-last-offer-rounds",
      );
      expect(Date.parse(last?.sendAt ?? "")).toBeLessThan(
        (SOAP_ROUND_ET["soap-last-offer-rounds"] as number) - ET_EVENT_MARGIN_MS,
      );
    },
  );

  it("in every zone and at every delivery time, each rung is on its SOAP day's morning, else the evening before, at least the margin before its round", () => {
    const zones = [
      "Pacific/Honolulu",
      "America/Anchorage",
      "America/Los_Angeles",
      "America/Denver",
      "America/Chicago",
      "America/New_York",
      "America/Halifax",
      "America/St_Johns",
      "Europe/London",
      "Africa/Lagos",
      "Asia/Karachi",
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "Asia/Manila",
      "Pacific/Auckland",
      "Pacific/Chatham",
      "Pacific/Kiritimati",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom("00", "15", "30", "45"),
        (zone, hour, minute) => {
          const now = new Date(RELEASE).toISOString();
          const reminders = planAt(inSoap(zone, `${String(hour).padStart(2, "0")}:${minute}`), now).reminders;
          const laid = reminders.filter((r) => SOAP_ROUND_ET[r.rung] !== undefined);
          expect(laid.some((r) => r.rung === "soap-last-offer-rounds")).toBe(true);
          for (const r of laid) {
            const sendAt = Date.parse(r.sendAt);
            const round = SOAP_ROUND_ET[r.rung] as number;
            const label = `${zone} ${hour}:${minute} ${r.rung} ${r.sendAtLocal}`;
            expect(sendAt, label).toBeLessThanOrEqual(round - ET_EVENT_MARGIN_MS);
            // Quiet hours end at 08:00 local: a morning slot exists when 08:00 on the round's local
            // day leaves the margin; then the rung is that morning, else 18:00 the day before.
            const roundDay = localDate(zone, round);
            const morningExists =
              wallMinuteOfDay(toWall(zone, round)) >= 8 * 60 + ET_EVENT_MARGIN_MS / 60_000;
            if (morningExists) {
              expect(localDate(zone, sendAt), label).toBe(roundDay);
              expect(wallMinuteOfDay(toWall(zone, sendAt)), label).toBeGreaterThanOrEqual(8 * 60);
            } else {
              expect(localDate(zone, sendAt + DAY_MS), label).toBe(roundDay);
              // Tuesday's evening before is the release's day, with no rounds to wait for: the
              // notice may ride in the release's email that day, from the release on.
              const releaseEmail = r.rung === "soap-before-offer-rounds" && sendAt >= RELEASE;
              if (!releaseEmail) expect(wallMinuteOfDay(toWall(zone, sendAt)), label).toBe(18 * 60);
            }
          }
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
