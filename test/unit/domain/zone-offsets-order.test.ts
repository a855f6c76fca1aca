import fc from "fast-check";
import { IANAZone } from "luxon";
import { beforeEach, describe, expect, it, vi } from "vitest";

// zone-offsets.ts caches each zone's spans of constant offset as queries discover them; its answer
// must not depend on which instants were asked before. Each case loads a
// fresh module, so the cache starts empty, as in a new Lambda container.
type OffsetMinutes = (zone: string, utcMs: number) => number;
let offsetMinutes: OffsetMinutes;

beforeEach(async () => {
  vi.resetModules();
  ({ offsetMinutes } = await import("#domain/zone-offsets.ts"));
});

describe("the zone-offset cache answers the same in any query order", () => {
  it("sees America/Noronha's one-week DST of October 2000 after a query just past it", () => {
    // tzdata: Noronha kept UTC-1 only from 2000-10-08 to 2000-10-15 (00:00 local each).
    const zone = "America/Noronha";
    expect(offsetMinutes(zone, Date.parse("2000-10-15T01:27:00Z"))).toBe(-120);
    expect(offsetMinutes(zone, Date.parse("2000-10-12T12:00:00Z"))).toBe(-60);
    expect(offsetMinutes(zone, Date.parse("2000-10-08T01:59:00Z"))).toBe(-120);
    expect(offsetMinutes(zone, Date.parse("2000-10-08T02:00:00Z"))).toBe(-60);
  });

  it("sees it after a query just before it too", () => {
    const zone = "America/Noronha";
    expect(offsetMinutes(zone, Date.parse("2000-10-07T23:00:00Z"))).toBe(-120);
    expect(offsetMinutes(zone, Date.parse("2000-10-12T12:00:00Z"))).toBe(-60);
  });

  // Zones with short or irregular offset periods: Noronha's week, Morocco's Ramadan suspensions,
  // Lord Howe's half-hour DST, a zone without DST. The instants that hide a short period from a
  // probe stepping a fixed stride lie a whole number of weeks (or days) from one of its ends, so
  // half the instants are drawn there: Noronha's two transitions of October 2000, give or take up
  // to three weeks and two hours.
  const ZONES = [
    "America/Noronha",
    "Africa/Casablanca",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/New_York",
  ];
  const NORONHA_2000 = [Date.parse("2000-10-08T02:00:00Z"), Date.parse("2000-10-15T01:00:00Z")];
  const nearNoronha2000 = fc
    .tuple(
      fc.constantFrom(...NORONHA_2000),
      fc.integer({ min: -21, max: 21 }),
      fc.integer({ min: -120, max: 120 }),
    )
    .map(
      ([edge, days, minutes]) => ["America/Noronha", edge + days * 86_400_000 + minutes * 60_000] as const,
    );
  const anywhere = fc
    .tuple(
      fc.constantFrom(...ZONES),
      fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
    )
    .map(([zone, t]) => [zone, t] as const);

  it("agrees with Luxon for every instant of a shuffled sequence of queries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(nearNoronha2000, anywhere), { minLength: 1, maxLength: 40 }),
        async (queries) => {
          vi.resetModules();
          const fresh = await import("#domain/zone-offsets.ts");
          for (const [zone, t] of queries) {
            expect(fresh.offsetMinutes(zone, t), `${zone} at ${new Date(t).toISOString()}`).toBe(
              IANAZone.create(zone).offset(t),
            );
          }
        },
      ),
    );
  });
});
