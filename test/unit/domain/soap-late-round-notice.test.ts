import { describe, expect, it } from "vitest";
import { etInstant } from "#domain/time.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/**
 * SOAP recorded late (during Match Week, after a rung's slot) had the missed round's
 * notice caught up at the next delivery slot, which could fall after that round: Auckland, recording
 * SOAP on Tuesday evening, was told of Tuesday's rounds at 9:00 AM Wednesday (4:00 PM ET Tuesday).
 * Rule: a notice about a round already over is never sent (the next round's notice speaks); the
 * current round's goes now, outside quiet hours, while it is still open. A SOAP day's rounds open
 * at 9:00 AM ET (the rung's event); each round lasts two hours (NRMP's SOAP FAQ), so Tuesday's and
 * Wednesday's first round closes at 11:00 AM ET; Thursday's rounds run until SOAP ends, 5:00 PM ET.
 */
const OPEN_UNTIL: Readonly<Record<string, number>> = {
  "soap-before-offer-rounds": etInstant("2027-03-16", "11:00"),
  "soap-offer-round": etInstant("2027-03-17", "11:00"),
  "soap-last-offer-rounds": etInstant("2027-03-18", "17:00"),
};

const HALF_HOUR = 1_800_000;

function rounds(zone: string, now: string) {
  return planAt(inSoap(zone), now).reminders.filter(
    (r) => r.milestone === "soap" && SOAP_ROUND_ET[r.rung] !== undefined,
  );
}

describe("a SOAP round's notice is never sent after the round", () => {
  it("Auckland recording SOAP on Tuesday evening hears of Tuesday's rounds now, not on Wednesday morning", () => {
    const now = "2027-03-16T06:00:00.000Z"; // Tue 7:00 PM in Auckland, Tue 2:00 AM ET
    const laid = rounds("Pacific/Auckland", now).map((r) => [r.rung, r.sendAt]);
    expect(laid[0]).toEqual(["soap-before-offer-rounds", now]);
  });

  it("New York recording SOAP at 10:00 AM ET on Wednesday hears of Wednesday's round now, while it is open", () => {
    const now = "2027-03-17T14:00:00.000Z";
    expect(rounds("America/New_York", now).map((r) => [r.rung, r.sendAt])).toEqual([
      ["soap-offer-round", now],
      ["soap-last-offer-rounds", "2027-03-18T12:00:00.000Z"],
    ]);
  });

  it("New York recording SOAP at noon ET on Wednesday hears next of Thursday's rounds", () => {
    expect(rounds("America/New_York", "2027-03-17T16:00:00.000Z").map((r) => [r.rung, r.sendAt])).toEqual([
      ["soap-last-offer-rounds", "2027-03-18T12:00:00.000Z"],
    ]);
  });

  for (const zone of ["America/New_York", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata"])
    it(`${zone}: recorded at any half hour of Match Week, no round notice leaves after its round`, () => {
      const from = Date.parse("2027-03-15T14:00:00Z");
      for (let now = from; now < etInstant("2027-03-18", "17:00"); now += HALF_HOUR) {
        for (const r of rounds(zone, new Date(now).toISOString())) {
          const label = `${new Date(now).toISOString()} ${r.rung} ${r.sendAtLocal}`;
          expect(Date.parse(r.sendAt), label).toBeLessThan(OPEN_UNTIL[r.rung] as number);
        }
      }
    });
});
