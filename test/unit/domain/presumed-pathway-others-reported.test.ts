import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An interviewing applicant who reported the exams,
 * OET, ERAS and NRMP done but not the Pathway (nor the certificate) gets the Pathway's status
 * question, as the applicant who reported nothing does: "Have you submitted your ECFMG Pathway
 * application? If not, submit it by Sat 26 Dec 2026 (projected)", at once, then a week before that
 * day and again within 3 days before it, never silent until ranking opens. Any presumed step that decides the Match
 * is asked about, whatever else was reported.
 *
 * Priya, in Pune (Kolkata time), interviewing on 15 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

const REPORTED: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
];

function priya(now: string, reported: readonly MilestoneKey[] = REPORTED): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "fixr-pune",
        fullName: "Priya Kulkarni",
        timezone: "Asia/Kolkata",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2025-06-30",
        medicalSchool: { name: "Pune Medical College", country: "IN", wdomsSponsorNote: true },
      }),
      milestones: doneMilestones(reported, "2025-06-10"),
      interviews: [interviewFactory({ id: "iv-pune", startsAt: "2026-12-15T09:00:00-06:00" })],
    }),
    calendar,
    new Date(now),
  );
}

const pathwayQuestions = (result: Plan): Reminder[] =>
  result.reminders.filter(
    (each) => each.milestone === "ecfmg_certification" && each.title.includes("ECFMG Pathway application"),
  );

describe("the Pathway's status question when the other steps are reported", () => {
  it("asks at once, a week before the Pathway's day and again within 3 days before it", () => {
    const asked = pathwayQuestions(priya("2026-11-30T04:30:00Z"));
    expect(asked).toHaveLength(3);
    for (const question of asked) {
      expect(question.title).toBe(
        "Have you submitted your ECFMG Pathway application? If not, submit it by Sat 26 Dec 2026 (projected)",
      );
      expect(Date.parse(question.sendAt)).toBeLessThan(Date.parse(question.deadline));
    }
    const [first, week, last] = asked as [Reminder, Reminder, Reminder];
    // 10:00 in Pune: the next delivery slot is tomorrow's.
    expect(first.sendAtLocal).toBe("2026-12-01T09:00:00.000+05:30");
    expect(week.sendAtLocal).toBe("2026-12-20T09:00:00.000+05:30");
    expect(new Set([first.id, week.id, last.id]).size).toBe(3);
    expect(Date.parse(last.deadline) - Date.parse(last.sendAt)).toBeLessThanOrEqual(3 * DAY);
    expect(last.id).not.toBe(week.id);
    // Never silent until ranking opens: both come before the first rank-list rung.
    const ranking = priya("2026-11-30T04:30:00Z").reminders.find(
      (each) => each.milestone === "rank_order_list",
    );
    expect(Date.parse(last.sendAt)).toBeLessThan(Date.parse(ranking?.sendAt ?? ""));
  });

  it("within the last 3 days, one question at the next slot, with the last rung's id", () => {
    const early = pathwayQuestions(priya("2026-11-30T04:30:00Z"));
    const late = pathwayQuestions(priya("2026-12-24T06:00:00Z"));
    expect(late).toHaveLength(1);
    expect(late[0]?.sendAtLocal).toBe("2026-12-25T09:00:00.000+05:30");
    expect(late[0]?.id).toBe(early[2]?.id);
  });

  it("asks about whichever Match-deciding step is unreported, whatever else was reported", () => {
    const withoutOet = REPORTED.filter((key) => key !== "oet_medicine");
    const asked = priya("2026-11-30T04:30:00Z", withoutOet).reminders.filter((each) =>
      each.rung.startsWith("status-question"),
    );
    expect(asked.some((each) => each.title.startsWith("Have you taken or booked OET Medicine?"))).toBe(true);
    expect(asked.some((each) => each.title.includes("USMLE"))).toBe(false);
  });

  it("asks nothing once the Pathway is reported", () => {
    const reported = priya("2026-11-30T04:30:00Z", [...REPORTED, "ecfmg_pathway"]);
    expect(reported.reminders.filter((each) => each.rung.startsWith("status-question"))).toEqual([]);
  });
});
