import { describe, expect, it } from "vitest";
import { reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A critical notice about a step carries that step's date, never the rank order list deadline
 * after it: an H-1B applicant abroad who reads "Step 3: due <the deadline>" and sits it days before
 * has no result for ranking; a late ERAS applicant read "due <the deadline>" for an application
 * programs began reviewing months before.
 */
const ROL_2027 = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at;
const noticeOf = (result: Plan, code: string): Reminder | undefined =>
  result.reminders.find((each) => each.risk === code && each.rung === CRITICAL_RISK_RUNG);

/** A registered H-1B applicant in `timezone`, certified, interviewing, Step 3 not started. */
function h1bWithoutStep3(timezone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `step-date-${timezone}`,
      timezone,
      matchYear: 2027,
      graduation: "2024-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-10"),
      milestoneFactory("ecfmg_certification", "done", "2025-10-01"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-11-24T10:00:00-05:00" })],
  });
}

describe("STEP3_NEEDED_FOR_H1B: the notice is dated by Step 3's own day while it is ahead", () => {
  // Nairobi: Step 3 only in the US, so its last sitting day falls weeks before the deadline.
  const input = h1bWithoutStep3("Africa/Nairobi");

  it("in early December: due the first thing to do abroad, the day to apply for the visitor visa by, before Step 3's own day and the deadline", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2026-12-05T18:30:00Z"));
    const step3 = result.nextSteps.find((each) => each.milestone === "usmle_step3");
    const notice = noticeOf(result, "STEP3_NEEDED_FOR_H1B");
    const own = Date.parse(step3?.deadline?.at ?? "");
    const applyBy = result.reminders.find(
      (each) => each.milestone === "usmle_step3" && each.rung.startsWith("visa-by-in"),
    );
    expect(notice?.milestone).toBe("usmle_step3");
    expect(notice?.deadline).toBe(applyBy?.deadline);
    expect(Date.parse(notice?.deadlineDetail.at ?? "")).toBeLessThan(Math.min(own, ROL_2027));
    expect(notice && reminderDateLabel(notice).label).toBe("Due");
  });

  it("once Step 3's day has passed: what is left is ranking J-1 programs, due by the deadline", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2027-02-10T08:00:00Z"));
    const notice = noticeOf(result, "STEP3_NEEDED_FOR_H1B");
    expect(notice).toBeDefined();
    expect(notice?.overdueSince).toBeUndefined();
    expect(Date.parse(notice?.deadline ?? "")).toBe(ROL_2027);
  });
});

describe("STEP3_NEEDED_FOR_H1B in the US: Step 3's day after the deadline leaves the deadline", () => {
  it("Chicago in January: due the rank order list deadline, by which J-1 programs are ranked", () => {
    const result = plan(
      h1bWithoutStep3("America/Chicago"),
      seasonCalendar(2027),
      new Date("2027-01-20T14:00:00Z"),
    );
    const step3 = result.nextSteps.find((each) => each.milestone === "usmle_step3");
    const notice = noticeOf(result, "STEP3_NEEDED_FOR_H1B");
    expect(Date.parse(step3?.deadline?.at ?? "")).toBeGreaterThan(ROL_2027);
    expect(Date.parse(notice?.deadline ?? "")).toBe(ROL_2027);
    expect(Date.parse(notice?.deadlineDetail.at ?? "")).toBe(ROL_2027);
  });
});

describe("ERAS_LATE_SUBMISSION: overdue since the date of the step it rides on", () => {
  // Dhaka, J-1, everything before ERAS done, no ERAS application in December.
  const inputWith = (token: boolean) =>
    inputFactory({
      applicant: applicantFactory({
        externalId: "step-date-dhaka",
        timezone: "Asia/Dhaka",
        matchYear: 2027,
        medicalSchool: { name: "Example Medical College", country: "BD", wdomsSponsorNote: true },
      }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter(
            (key) => !["eras_token", "eras_application", "nrmp_registration"].includes(key),
          ),
          "2026-05-10",
        ),
        ...(token ? [milestoneFactory("eras_token", "done", "2026-11-20")] : []),
      ],
    });

  it("in December, with the token in: overdue since the ERAS application's date, the day programs began reviewing", () => {
    const result = plan(inputWith(true), seasonCalendar(2027), new Date("2026-12-05T18:30:00Z"));
    const notice = noticeOf(result, "ERAS_LATE_SUBMISSION");
    const reviewing = seasonCalendar(2027).dates.eras_programs_may_review_applications_and_mspe.at;
    expect(notice?.milestone).toBe("eras_application");
    expect(notice && reminderDateLabel(notice).label).toBe("Overdue since");
    expect(Date.parse(notice ? reminderShownDate(notice).at : "")).toBe(reviewing);
  });

  it("in December, with no token: on the token's card, overdue since the token's own day, as its card says", () => {
    const result = plan(inputWith(false), seasonCalendar(2027), new Date("2026-12-05T18:30:00Z"));
    const notice = noticeOf(result, "ERAS_LATE_SUBMISSION");
    const token = result.nextSteps.find((each) => each.milestone === "eras_token");
    expect(notice?.milestone).toBe("eras_token");
    expect(notice && reminderDateLabel(notice).label).toBe("Overdue since");
    expect(notice ? reminderShownDate(notice).at : "").toBe(token?.deadline?.at);
  });
});

describe("a question about the applicant's own answers: a notice with no date", () => {
  // Manila: an interview recorded, yet the ERAS application reported not started.
  const input = inputFactory({
    applicant: applicantFactory({ externalId: "step-date-manila", timezone: "Asia/Manila", matchYear: 2027 }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "eras_application"),
        "2026-05-10",
      ),
      milestoneFactory("eras_application", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-14T10:00:00-05:00" })],
  });

  it("asks to check them now, with no 'Due' the rank order list deadline", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2026-12-05T18:30:00Z"));
    const notice = noticeOf(result, "ANSWERS_CONTRADICT_INTERVIEW");
    expect(notice).toBeDefined();
    expect(notice && isUndatedNotice(notice)).toBe(true);
  });
});
