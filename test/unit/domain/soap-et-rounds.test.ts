import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { inSoap, planAt, SOAP_ROUND_ET } from "./soap-applicant.ts";

/**
 * SOAP's days are ET days: a SOAP rung speaks of that ET day's offer rounds
 * and must reach the applicant before them in every zone, not in their 09:00 slot of a local day that
 * begins after the rounds; SOAP's text fits the day; one step asks a SOAP participant for the result;
 * a step a critical risk is about is never badged "later".
 */
const RELEASE = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;

/** Zones from UTC−10 to UTC+14, half and three-quarter hours included. */
const ZONES = [
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Halifax",
  "America/St_Johns",
  "America/Sao_Paulo",
  "Atlantic/Azores",
  "Europe/London",
  "Africa/Lagos",
  "Africa/Cairo",
  "Asia/Dubai",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Dhaka",
  "Asia/Bangkok",
  "Asia/Manila",
  "Asia/Tokyo",
  "Australia/Adelaide",
  "Australia/Sydney",
  "Pacific/Noumea",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Tongatapu",
  "Pacific/Kiritimati",
];

describe("SOAP's rungs land before the ET offer rounds they announce", () => {
  it("Auckland hears of Thursday's last rounds on Thursday evening, after Wednesday's rounds in ET", () => {
    const rungs = planAt(inSoap("Pacific/Auckland"), "2027-03-15T20:00:00Z").reminders.filter(
      (r) => r.milestone === "soap",
    );
    expect(rungs.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["soap-applications", "2027-03-16T09:00:00.000+13:00"],
      // Tuesday's, whose evening before is the release's day: in the release's email.
      ["soap-before-offer-rounds", "2027-03-16T09:00:00.000+13:00"],
      ["soap-offer-round", "2027-03-17T18:00:00.000+13:00"],
      ["soap-last-offer-rounds", "2027-03-18T18:00:00.000+13:00"],
    ]);
  });

  it("in every zone from UTC−10 to UTC+14, whatever the delivery time, each rung is before its ET day's rounds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 8, max: 20 }),
        fc.constantFrom("00", "30"),
        (zone, hour, minute) => {
          const now = new Date(RELEASE).toISOString();
          const reminders = planAt(inSoap(zone, `${String(hour).padStart(2, "0")}:${minute}`), now).reminders;
          const laid = reminders.filter((r) => SOAP_ROUND_ET[r.rung] !== undefined);
          // The last rounds always get their rung; a rung may merge into a later one's slot, never after it.
          expect(laid.some((r) => r.rung === "soap-last-offer-rounds")).toBe(true);
          for (const r of laid) {
            const sendAt = Date.parse(r.sendAt);
            expect(sendAt, `${zone} ${hour}:${minute} ${r.rung} ${r.sendAtLocal}`).toBeLessThanOrEqual(
              SOAP_ROUND_ET[r.rung] as number,
            );
            expect(sendAt).toBeGreaterThanOrEqual(RELEASE);
          }
        },
      ),
      { numRuns: 200, seed: 36 },
    );
  });
});

describe("SOAP's text fits the day", () => {
  it("on Monday it says to send the applications", () => {
    const soap = planAt(inSoap("Asia/Manila"), "2027-03-15T15:00:00Z").nextSteps.find(
      (s) => s.milestone === "soap",
    );
    expect(soap?.action).toContain("Monday: send your applications");
  });

  it("from Tuesday in ET it no longer speaks of Monday as ahead (Manila, Wednesday 20:00)", () => {
    for (const now of [
      "2027-03-17T20:00:00+08:00",
      "2027-03-16T09:00:00-04:00",
      "2027-03-18T10:00:00-04:00",
    ]) {
      const soap = planAt(inSoap("Asia/Manila"), now).nextSteps.find((s) => s.milestone === "soap");
      expect(soap?.action, now).toContain("You are in SOAP");
      expect(soap?.action, now).not.toContain("Monday: send");
      expect(soap?.action, now).toContain("offer rounds");
      expect(soap?.action, now).toContain("check NRMP's Match Week schedule");
    }
  });
});

describe("one step asks a SOAP participant for the result", () => {
  it("after SOAP ends and before Match Day, Match Day alone asks (Manila, Friday 09:00)", () => {
    const result = planAt(inSoap("Asia/Manila"), "2027-03-19T09:00:00+08:00");
    const askers = result.nextSteps.filter(
      (s) => s.milestone === "match_week" || s.milestone === "match_day",
    );
    expect(askers.map((s) => [s.milestone, s.title])).toEqual([
      ["match_day", "Match Day: tell us whether you accepted a SOAP offer"],
    ]);
    expect(result.reminders.some((r) => r.milestone === "match_week")).toBe(false);
  });
});

describe("a step a critical risk is about is not badged 'later'", () => {
  const early = ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(
        new URL("../../fixtures/scenarios/rank-list-before-opening-2027.json", import.meta.url),
        "utf8",
      ),
    ),
  );
  const dated = ApplicantSnapshotSchema.parse({
    ...early,
    milestones: [
      ...early.milestones.filter((m) => m.key !== "rank_order_list"),
      { key: "rank_order_list", status: "done", date: "2026-11-28" },
    ],
  });

  it("a rank list dated before ranking opens reads urgent beside ROL_BEFORE_RANKING_OPENS", () => {
    const result = planAt(dated, "2026-12-02T09:00:00Z");
    expect(result.risks.some((r) => r.code === "ROL_BEFORE_RANKING_OPENS" && r.severity === "critical")).toBe(
      true,
    );
    const step = result.nextSteps.find((s) => s.milestone === "rank_order_list");
    expect(step?.urgency).toBe("urgent");
    expect(result.nextSteps[0]?.milestone).toBe("rank_order_list");
  });

  it("without the risk the same list, not started, keeps its date's badge", () => {
    const plain = ApplicantSnapshotSchema.parse({
      ...early,
      milestones: early.milestones.filter((m) => m.key !== "rank_order_list"),
    });
    const step = planAt(plain, "2026-12-02T09:00:00Z").nextSteps.find(
      (s) => s.milestone === "rank_order_list",
    );
    expect(step?.urgency).toBe("later");
  });
});
