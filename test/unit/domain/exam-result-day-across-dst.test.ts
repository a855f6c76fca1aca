import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A 2028 applicant whose Step 2 CK is booked for Wed 20 Oct 2027, after its target: its result
// (up to 28 days) is expected on Wed 17 Nov. Counted as 28 × 24 hours from the sitting's midnight,
// New York's DST end (Sun 7 Nov) made it 11:00 PM on Tue 16 Nov, and the risk named that day,
// where Kolkata's applicant, booked the same day, read Wed 17 Nov.

const calendar = seasonCalendar(2028);

function bookedOn20Oct(zone: string) {
  const applicant = applicantFactory({
    matchYear: 2028,
    timezone: zone,
    visa: "J-1",
    graduation: "2027-06-01",
  });
  const milestones = [
    ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"]),
    milestoneFactory("usmle_step2ck", "scheduled", "2027-10-20"),
  ];
  return plan(inputFactory({ applicant, milestones }), calendar, new Date("2027-09-01T14:00:00Z"));
}

describe("an exam's result day counted from its sitting day across a DST change", () => {
  it.each(["America/New_York", "America/Los_Angeles", "Asia/Kolkata"])(
    "a Step 2 CK booked for 20 Oct 2027 in %s has its result expected around Wed 17 Nov",
    (zone) => {
      const risk = bookedOn20Oct(zone).risks.find((each) => each.code === "BOOKED_AFTER_TARGET");
      expect(risk?.message).toContain("Its result is expected around Wed 17 Nov 2027 (up to 28 days)");
    },
  );
});
