import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

// A matched J-1 applicant's ECFMG certificate is needed by the sponsorship application's date
// (ECFMG sponsors a J-1 physician only with a valid certificate): the card's target. Once that day has
// passed, a certificate on the step's own date (two weeks before the start) leaves no J-1 by the
// start: ECFMG's review of 4–6 weeks, the DS-2019 and the consular interview still follow. The card
// stays urgent (a passed target is not "overdue" while its deadline holds), its reminders say the
// target passed and count down to the deadline, as its badge and rung names do, and the words say
// not to wait for that deadline. Here: a Nairobi graduate of 2024, matched on 19 Mar 2027, the
// certificate in progress, the sponsorship's day (Mon 5 Apr 2027) passed, planned on Wed 14 Apr 2027.

const calendar = seasonCalendar(2027);
const NOW = new Date("2027-04-14T06:00:00Z"); // 9:00 AM in Nairobi

function matchedInNairobi(visa: Visa) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "nairobi-matched",
      fullName: "Wanjiru Kamau",
      timezone: "Africa/Nairobi",
      matchYear: 2027,
      visa,
      graduation: "2024-11-30",
      medicalSchool: { name: "Nairobi Medical School", country: "KE", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones([...PRE_ERAS_KEYS, "nrmp_registration"]),
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("rank_order_list", "done", "2027-02-10"),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("soap", "waived"),
      milestoneFactory("match_day", "done", "2027-03-19"),
      milestoneFactory("contract", "done", "2027-03-30"),
    ],
  });
}

const certificateReminders = (visa: Visa) =>
  plan(matchedInNairobi(visa), calendar, NOW).reminders.filter(
    (each) => each.milestone === "ecfmg_certification" && each.rung !== "critical-risk",
  );

describe("a matched J-1 applicant's certificate past the sponsorship application's date", () => {
  const result = plan(matchedInNairobi("J-1"), calendar, NOW);
  const sponsorship = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
  const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

  it("is urgent, its reminders naming its deadline as the card does, never 'overdue since' its passed target", () => {
    const reminders = certificateReminders("J-1");
    expect(reminders.length).toBeGreaterThan(0);
    expect(certificate?.urgency).toBe("urgent");
    expect(sponsorship?.overdueSince?.local ?? sponsorship?.deadline?.local).toBe("Mon 5 Apr 2027");
    expect(certificate?.target?.local).toBe("Mon 5 Apr 2027");
    for (const each of reminders) {
      expect(each.overdueSince).toBeUndefined();
      expect(reminderShownDate(each).local).toBe(certificate?.deadline?.local);
    }
  });

  it("tells, in the target-passed reminder's words, not to wait for that deadline", () => {
    const passed = certificateReminders("J-1").find((each) => each.rung === "after-target");
    expect(passed?.why).toContain("Mon 5 Apr 2027");
    expect(passed?.why).toContain("do not wait for that day");
  });

  it("says on the card what each later day costs the DS-2019 and the visa", () => {
    expect(certificate?.action).toContain("each day the certificate comes later moves them a day later");
    expect(certificate?.action).toContain("leaves no time for orientation before residency starts");
  });

  it("an H-1B applicant's certificate counts down to its own date the same way", () => {
    for (const each of certificateReminders("H-1B")) expect(each.overdueSince).toBeUndefined();
  });
});
