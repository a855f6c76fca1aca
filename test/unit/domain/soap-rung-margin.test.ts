import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ET_EVENT_MARGIN_MS } from "#domain/planner/et-event.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { HOUR_MS } from "#domain/time.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/**
 * A SOAP rung announces an ET event (that day's first offer round, 9:00 AM ET): it must leave with
 * a margin before it, not at it (tester t9k F5: in New York the 09:00 slot was the event itself, so
 * the email arrived after the round had begun).
 */
const RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;

describe("SOAP's rungs leave with a margin before the 9:00 AM ET round (t9k F5 B)", () => {
  it("the margin is at least an hour", () => {
    expect(ET_EVENT_MARGIN_MS).toBeGreaterThanOrEqual(HOUR_MS);
  });

  it("New York at the default 09:00 hears of Thursday's last rounds on Wednesday, not at the round", () => {
    const rungs = planAt(inSoap("America/New_York"), "2027-03-15T15:00:00Z").reminders.filter(
      (r) => SOAP_ROUND_ET[r.rung] !== undefined,
    );
    expect(rungs.find((r) => r.rung === "soap-last-offer-rounds")?.sendAtLocal).toBe(
      "2027-03-17T09:00:00.000-04:00",
    );
    for (const r of rungs) {
      expect(Date.parse(r.sendAt), r.rung).toBeLessThan(
        (SOAP_ROUND_ET[r.rung] as number) - ET_EVENT_MARGIN_MS,
      );
    }
  });

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

  it("in every zone and at every delivery time, each rung is strictly before its round minus the margin", () => {
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
            expect(Date.parse(r.sendAt), `${zone} ${hour}:${minute} ${r.rung} ${r.sendAtLocal}`).toBeLessThan(
              (SOAP_ROUND_ET[r.rung] as number) - ET_EVENT_MARGIN_MS,
            );
          }
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
