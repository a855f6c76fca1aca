import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// Step 1 passed, the ECFMG application done, 2027 Match. Step 2 CK booked a day after its last
// sitting day (Wed 27 Jan 2027) and the OET booked after its own (Tue 5 Jan 2027, the last sitting
// whose result reaches ECFMG by the Pathway's documents deadline). The critical "an exam is too late"
// email is due the earlier day, 5 Jan: it comes on the OET's card, the step whose day that is. On
// Step 2 CK's card it read "Due Tue 5 Jan 2027" while that card, its row and its rungs said 27 Jan:
// read literally, a Step 2 CK seat three weeks earlier than needed. Whatever step the notice rides
// on, it names that step's day, as the step's row does.

function booked(timezone: string, step2ck: string, oet: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `late-exams-${timezone}`,
      timezone,
      matchYear: 2027,
      graduation: "2026-02-28",
      medicalSchool: { name: "Example Private College", country: "PK", wdomsSponsorNote: true },
      programsPlanned: 150,
    }),
    milestones: [
      milestoneFactory("ecfmg_application", "done", "2025-11-01"),
      milestoneFactory("usmle_step1", "done", "2025-12-01"),
      milestoneFactory("usmle_step2ck", "scheduled", step2ck),
      milestoneFactory("oet_medicine", "scheduled", oet),
      milestoneFactory("budget", "in_progress"),
    ],
  });
}

// [zone, Step 2 CK booked, OET booked, the step the notice rides on, its day, now]
const CASES = [
  ["Africa/Lagos", "2027-01-28", "2027-01-09", "oet_medicine", "Tue 5 Jan 2027", "2026-12-07T08:00:00Z"],
  ["Asia/Manila", "2027-01-28", "2027-01-09", "oet_medicine", "Tue 5 Jan 2027", "2026-12-07T01:00:00Z"],
  ["Pacific/Honolulu", "2027-01-28", "2027-01-09", "oet_medicine", "Tue 5 Jan 2027", "2026-12-07T20:00:00Z"],
  // The OET booked in time: the notice is Step 2 CK's alone, with its day.
  ["Africa/Lagos", "2027-01-28", "2027-01-02", "usmle_step2ck", "Wed 27 Jan 2027", "2026-12-07T08:00:00Z"],
] as const;

describe("exams booked after their last sitting days: the critical notice names its own step's day", () => {
  it.each(CASES)(
    "%s, Step 2 CK on %s and OET on %s: the notice rides on %s and says %s, as that step's row does (%s)",
    (timezone, step2ck, oet, carrier, day, now) => {
      const result = plan(booked(timezone, step2ck, oet), seasonCalendar(2027), new Date(now));
      const risk = result.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");
      expect(risk?.severity).toBe("critical");
      const notices = result.reminders.filter(
        (each) => each.rung === "critical-risk" && each.risk === "EXAMS_LATE_FOR_RANKING",
      );
      expect(notices.map((each) => each.milestone)).toEqual([carrier]);
      const notice = notices[0];
      expect(notice?.deadlineDetail.local).toBe(day);
      const row = result.nextSteps.find((step) => step.milestone === carrier);
      expect(row?.deadline?.local).toBe(day);
      // Each other exam the notice names keeps its own day on its row and rungs.
      const card = result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
      expect(card?.deadline?.local).toBe("Wed 27 Jan 2027");
      for (const rung of result.reminders)
        if (rung.milestone === "usmle_step2ck") expect(rung.deadlineDetail.local).toBe("Wed 27 Jan 2027");
    },
  );
});
