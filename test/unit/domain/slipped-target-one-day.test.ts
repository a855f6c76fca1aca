import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// An early starter for the 2028 Match plans to submit the ECFMG application on Thu 20 May 2027,
// four months after its target (Wed 27 Jan 2027) and before its latest day (Tue 1 Jun 2027). Step 1
// can be registered only once ECFMG approves the application, so its target moves from Tue 27 Apr
// 2027 to 90 days after that day, and Step 2 CK's after it. (Planned past its latest day, Step 1's
// preparation counts from it instead: slipped-step1-after-application-last-day.test.ts.) The
// warning once said "aim for … instead of Tue 27 Apr 2027" while Step 1's
// row, its "start now" email and its rungs kept 27 Apr, and the warning itself was never emailed:
// one target per step on every channel, and the slip told by email once.

function earlyStarter(timezone: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `early-${timezone}`,
      timezone,
      matchYear: 2028,
      specialties: ["Pediatrics"],
      graduation: "2027-11-30",
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
      programsPlanned: 90,
    }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-12-01"),
      milestoneFactory("ecfmg_application", "scheduled", "2027-05-20"),
    ],
  });
}

// [zone, now (9 or 10 AM there on Mon 7 Dec 2026)]
const ZONES = [
  ["Asia/Karachi", "2026-12-07T05:00:00Z"],
  ["Pacific/Auckland", "2026-12-06T20:00:00Z"],
  ["Pacific/Honolulu", "2026-12-07T20:00:00Z"],
] as const;

describe("the ECFMG application planned after its target: Step 1's moved target, one day everywhere", () => {
  it.each(ZONES)("%s: the row, the rungs and the warning name one Step 1 target", (timezone, now) => {
    const result = plan(earlyStarter(timezone), seasonCalendar(2028), new Date(now));
    const risk = result.risks.find((each) => each.code === "TARGETS_SLIPPED");
    const aimed =
      /USMLE Step 1: aim for ([A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}) instead of Tue 27 Apr 2027/.exec(
        risk?.message ?? "",
      )?.[1];
    expect(aimed).toBe("Wed 18 Aug 2027");
    const row = result.nextSteps.find((step) => step.milestone === "usmle_step1");
    expect(row?.target?.local).toBe(aimed);
    const rungs = result.reminders.filter((each) => each.milestone === "usmle_step1");
    expect(rungs.some((each) => each.rung === "start-by")).toBe(true);
    for (const rung of rungs) {
      expect(rung.deadlineDetail.local).not.toContain("27 Apr");
      if (rung.rung === "start-by" || rung.rung.startsWith("due-in"))
        expect(rung.deadlineDetail.local).toBe(aimed);
    }
  });

  it.each(ZONES)(
    "%s: the slip is emailed once, on Step 1's card, dated by its moved target",
    (timezone, now) => {
      const result = plan(earlyStarter(timezone), seasonCalendar(2028), new Date(now));
      const notices = result.reminders.filter(
        (each) => each.rung === "warning-notice" && each.risk === "TARGETS_SLIPPED",
      );
      expect(notices).toHaveLength(1);
      const notice = notices[0];
      expect(notice?.milestone).toBe("usmle_step1");
      expect(notice?.deadlineDetail.local).toBe("Wed 18 Aug 2027");
      expect(notice?.why).toContain("Submit your Application for ECFMG Certification now if you can");
      // Within a day: at the next delivery slot.
      expect(Date.parse(notice?.sendAt ?? "") - Date.parse(now)).toBeLessThanOrEqual(24 * 3600 * 1000);
    },
  );
});
