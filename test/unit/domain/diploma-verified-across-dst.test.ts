import { describe, expect, it } from "vitest";
import { shiftIsoDay } from "#domain/iso-texts.ts";
import type { PlanContext } from "#domain/planner/context.ts";
import { diplomaVerifiedAt } from "#domain/planner/earliest-certification.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate, startOfLocalDate } from "#domain/time.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// A J-1 applicant graduating on Sat 13 Mar 2027, every exam and the Pathway done, planned on the
// morning of Mon 30 Nov 2026 where she lives. The diploma's verification allowance (45 days) ends
// on Tue 27 Apr; counted as 45 × 24 hours from Auckland's or Sydney's midnight, it crossed their
// DST end (Sun 4 Apr) and ended at 11:00 PM on Mon 26 Apr: the certificate, the DS-2019 and the
// visa all read a day early, and the grade fell from critical to a warning at the threshold.

const calendar = seasonCalendar(2027);
const MORNINGS = [
  ["Pacific/Auckland", "2026-11-29T21:00:00Z"],
  ["Australia/Sydney", "2026-11-29T23:00:00Z"],
  ["Asia/Manila", "2026-11-30T02:00:00Z"],
  ["Asia/Kolkata", "2026-11-30T04:00:00Z"],
] as const;

function graduateOf13Mar(zone: string, now: string) {
  const applicant = applicantFactory({
    matchYear: 2027,
    timezone: zone,
    visa: "J-1",
    graduation: "2027-03-13",
  });
  return plan(
    inputFactory({ applicant, milestones: doneMilestones(REGISTERED_KEYS) }),
    calendar,
    new Date(now),
  );
}

describe("the diploma's verification counted from a graduation day across a DST change", () => {
  it.each(MORNINGS)(
    "a 13 Mar graduate in %s reads the certificate on Tue 27 Apr and the visa on Thu 24 Jun, critical",
    (zone, now) => {
      const risk = graduateOf13Mar(zone, now).risks.find((each) => each.code === "CERTIFICATION_AFTER_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("can complete around Tue 27 Apr 2027 at the earliest");
      expect(risk?.message).toContain("your J-1 visa would come around Thu 24 Jun 2027");
    },
  );

  const zones = [
    "Pacific/Auckland",
    "Australia/Sydney",
    "America/Santiago",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Kolkata",
    "Pacific/Honolulu",
  ];
  const graduations = [
    "2027-02-20",
    "2027-03-01",
    "2027-03-13",
    "2027-03-20",
    "2027-08-01",
    "2027-09-25",
    "2027-10-30",
  ];
  it("any graduation day in any zone ends its allowance at the start of the same local day, 45 days on", () => {
    for (const zone of zones)
      for (const graduation of graduations) {
        const context = { zone, applicant: { graduation } } as PlanContext;
        const day = shiftIsoDay(graduation, 45);
        expect([zone, graduation, localDate(zone, diplomaVerifiedAt(context))]).toEqual([
          zone,
          graduation,
          day,
        ]);
        expect(diplomaVerifiedAt(context)).toBe(startOfLocalDate(zone, day));
      }
  });
});
