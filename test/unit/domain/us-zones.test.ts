import { describe, expect, it } from "vitest";
import { zoneOutsideUs } from "#domain/planner/h1b.ts";
import { US_ZONE, zoneInUs, zoneInUsOrCanada } from "#domain/us-zones.ts";

// tzdb's `backward` links to a zone in or outside the US (https://github.com/eggert/tz/blob/main/backward):
// an alias is where its target is.
const LINKS: Record<string, string> = {
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Fort_Wayne": "America/Indiana/Indianapolis",
  "America/Knox_IN": "America/Indiana/Knox",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Atka": "America/Adak",
  "America/Shiprock": "America/Denver",
  Navajo: "America/Denver",
  "Pacific/Johnston": "Pacific/Honolulu",
  "US/Eastern": "America/New_York",
  "US/East-Indiana": "America/Indiana/Indianapolis",
  "US/Indiana-Starke": "America/Indiana/Knox",
  "US/Michigan": "America/Detroit",
  "US/Aleutian": "America/Adak",
  "US/Hawaii": "Pacific/Honolulu",
  "US/Samoa": "Pacific/Pago_Pago",
  "America/Ensenada": "America/Tijuana",
  "America/Montreal": "America/Toronto",
  "Canada/Eastern": "America/Toronto",
};

describe("US_ZONE", () => {
  it.each(Object.entries(LINKS))("counts %s where its target %s is", (alias, target) => {
    // Intl accepts the alias as a zone: an applicant's snapshot can carry it.
    expect(() => new Intl.DateTimeFormat("en", { timeZone: alias })).not.toThrow();
    expect(US_ZONE.test(alias)).toBe(US_ZONE.test(target));
    expect(zoneInUsOrCanada(alias)).toBe(zoneInUsOrCanada(target));
  });

  it("counts the US zones in, and zones abroad out", () => {
    for (const zone of [
      "America/Indiana/Indianapolis",
      "America/Adak",
      "Pacific/Honolulu",
      "America/Puerto_Rico",
    ])
      expect(US_ZONE.test(zone)).toBe(true);
    for (const zone of ["Pacific/Pago_Pago", "America/Tijuana", "America/Toronto", "Asia/Kolkata"])
      expect(US_ZONE.test(zone)).toBe(false);
  });
});

describe("one memo for a zone's facts (zoneInUs, zoneInUsOrCanada, zoneOutsideUs)", () => {
  // An applicant in Toronto with interviews in Chicago and Mexico City: the questions alternate
  // between zones and between the two facts, each answered from the one memo.
  const ASKED: readonly [string, boolean, boolean][] = [
    ["America/Toronto", false, true],
    ["America/Chicago", true, true],
    ["America/Toronto", false, true],
    ["America/Mexico_City", false, false],
    ["Canada/Eastern", false, true],
    ["US/Samoa", false, false],
    ["America/Toronto", false, true],
  ];

  it("answers each zone's own facts whichever was asked before", () => {
    for (let round = 0; round < 2; round++)
      for (const [zone, inUs, inUsOrCanada] of ASKED) {
        expect(zoneInUsOrCanada(zone)).toBe(inUsOrCanada);
        expect(zoneInUs(zone)).toBe(inUs);
        expect(zoneOutsideUs(zone)).toBe(!inUs);
        expect(zoneInUs(zone)).toBe(US_ZONE.test(zone));
      }
  });
});
