import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * For an interviewing applicant kept in the Match as tight on an exam not begun
 * (EXAMS_LATE_FOR_RANKING): the exam's card still read the catalog's generic "Book Step 2 CK
 * early enough that the score is on your application when programs start reviewing" in December,
 * long after that target. Past its target and not started, an exam's card says what to do now: the
 * earliest seat, sat by its last sitting day. And the tight warning follows the under-way exam's
 * last-week rule: critical in the last week before that day.
 *
 * Farid: ECFMG application, Step 1, OET and the 2027 Pathway done, ERAS sent, Step 2 CK (or Step 1)
 * not started, one interview on 14 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const ZONES = ["Asia/Dhaka", "America/Chicago"] as const;

function farid(zone: string, notStarted: "usmle_step2ck" | "usmle_step1" = "usmle_step2ck"): PlannerInput {
  const done = ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"].filter(
    (key) => key !== notStarted,
  );
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2023-06-30" }),
    milestones: [
      ...doneMilestones(done as Parameters<typeof doneMilestones>[0], "2025-05-01"),
      milestoneFactory("ecfmg_pathway", "done", "2026-10-20"),
      ...doneMilestones([
        "eras_token",
        "eras_application",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ]),
      milestoneFactory(notStarted, "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-14T10:00:00-05:00" })],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const cardOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key)?.action;

describe("an exam past its target, not started: its card says what to do now", () => {
  it.each(ZONES)(
    "%s on Mon 7 Dec 2026: Step 2 CK's card names the earliest seat and its last sitting day",
    (zone) => {
      const card = cardOf(planAt(farid(zone), "2026-12-07T12:00:00Z"), "usmle_step2ck");
      expect(card).toBe(
        "Apply to FSMB for USMLE Step 2 CK today if you have not (about 14 days to your scheduling permit, advice: FSMB's Step 3 figure), book the earliest seat once your scheduling permit comes, and sit it by Wed 27 Jan 2027 at the latest (our advice), the last day whose result still reaches ECFMG by the rank order list deadline.",
      );
    },
  );

  it.each(ZONES)("%s on Mon 7 Dec 2026: Step 1's card too", (zone) => {
    const card = cardOf(planAt(farid(zone, "usmle_step1"), "2026-12-07T12:00:00Z"), "usmle_step1");
    expect(card).toContain(
      "book the earliest seat once your scheduling permit comes, and sit it by Wed 27 Jan 2027 at the latest (our advice)",
    );
  });

  it.each(ZONES)("%s on Mon 3 Aug 2026, before Step 2 CK's target: the catalog's usual card", (zone) => {
    const card = cardOf(planAt(farid(zone), "2026-08-03T12:00:00Z"), "usmle_step2ck");
    expect(card).toBe(
      "Book Step 2 CK early enough that the score is on your application when programs start reviewing.",
    );
  });
});

describe("the tight warning turns critical in the exam's last week, as an exam under way does", () => {
  it.each(ZONES)("%s on Tue 19 Jan 2027, eight days before the last sitting day: still a warning", (zone) => {
    const risk = planAt(farid(zone), "2027-01-19T06:00:00Z").risks.find(
      (each) => each.code === "EXAMS_LATE_FOR_RANKING",
    );
    expect(risk?.severity).toBe("warning");
  });

  it.each(ZONES)(
    "%s on Fri 22 Jan 2027, in the last week: critical, and the notice is due that day",
    (zone) => {
      const result = planAt(farid(zone), "2027-01-22T06:00:00Z");
      const risk = result.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain(
        "Sit your USMLE Step 2 CK by Wed 27 Jan 2027 at the latest (our advice)",
      );
      const notice = result.reminders.find(
        (each) => each.rung === "critical-risk" && each.milestone === "usmle_step2ck",
      );
      expect(notice?.title).toContain("Book your");
      expect(notice?.deadlineDetail?.local).toBe("Wed 27 Jan 2027");
    },
  );
});
