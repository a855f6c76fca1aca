import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An interviewing applicant whose certification steps are presumed
 * (nothing reported) hears the status question about each distinct Match-deciding last day
 * CERTIFICATION_STATUS_UNREPORTED lists (the Pathway, OET, the exams) at once, at the next delivery
 * slot, then again a week before that day (or its lead time), until they report that step
 * (whatever else they report). One question per day and rung, stable ids, no fee counted.
 */
const calendar = seasonCalendar(2027);

function planAt(now: string, milestones: MilestoneEntry[] = []): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "fixk-manila",
        timezone: "Asia/Manila",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2025-03-30",
        medicalSchool: { name: "Visayas Medical School", country: "PH", wdomsSponsorNote: true },
      }),
      milestones,
      interviews: [interviewFactory({ id: "iv-k", startsAt: "2026-12-09T10:00:00-05:00" })],
    }),
    calendar,
    new Date(now),
  );
}

const questions = (result: Plan, rung = "status-question"): Reminder[] =>
  result.reminders.filter((reminder) => reminder.rung === rung);

describe("status questions for steps an interview presumes", () => {
  it("asks at once about each distinct Match-deciding day the warning lists, and again a week before it", () => {
    const result = planAt("2026-12-10T02:00:00Z");
    const warning = result.risks.find((risk) => risk.code === "CERTIFICATION_STATUS_UNREPORTED");
    expect(warning?.message).toContain("Deadlines still ahead");
    const asked = questions(result);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    const first = asked.find((reminder) =>
      reminder.title.startsWith("Have you submitted your ECFMG Pathway"),
    ) as Reminder;
    expect(first.title).toMatch(
      /^Have you submitted your ECFMG Pathway application\? If not, submit it by Sat 26 Dec 2026/,
    );
    // At the next delivery slot (10:00 in Manila: tomorrow's), every day's question in the one email.
    expect(first.sendAtLocal).toBe("2026-12-11T09:00:00.000+08:00");
    expect(new Set(asked.map((reminder) => reminder.sendAt)).size).toBe(1);
    expect(first.milestone).toBe("ecfmg_certification");
    // Again a week before the deadline's own local day (Sun 27 Dec in Manila, 12:59 PM).
    const week = questions(result, "status-question-week").find(
      (reminder) => reminder.deadline === first.deadline,
    );
    expect(week?.sendAtLocal).toBe("2026-12-20T09:00:00.000+08:00");
    // One notice per distinct day.
    const days = asked.map((reminder) => reminder.deadline);
    expect(new Set(days).size).toBe(asked.length);
    const exams = asked.find((reminder) =>
      reminder.title.startsWith("Have you taken or booked USMLE Step 1"),
    );
    expect(exams?.title).toContain("USMLE Step 2 CK");
    // The exams' "if not" is the Match out of reach, asked before FSMB and a test date.
    expect(exams?.title).toContain("If not, the 2027 Match is most likely out of reach");
    expect(Date.parse(week?.deadline ?? "") - Date.parse(week?.sendAt ?? "")).toBeLessThanOrEqual(
      8 * 86_400_000,
    );
  });

  it("keeps the ids when re-planned, and asks at the next slot when the day is within the week", () => {
    const early = questions(planAt("2026-12-10T02:00:00Z"));
    const late = questions(planAt("2026-12-22T03:00:00Z"));
    const pathway = late.find((reminder) =>
      reminder.title.startsWith("Have you submitted your ECFMG Pathway"),
    );
    expect(pathway?.id).toBe(
      early.find((reminder) => reminder.title.startsWith("Have you submitted your ECFMG Pathway"))?.id,
    );
    expect(pathway?.sendAtLocal).toBe("2026-12-23T09:00:00.000+08:00");
    const ids = (reminders: Reminder[]) => reminders.map((reminder) => reminder.id).sort();
    expect(ids(late)).toEqual(ids(early));
  });

  it("asks about the steps still unreported once another is reported", () => {
    const reported = questions(
      planAt("2026-12-10T02:00:00Z", [{ key: "usmle_step1", status: "done", date: "2025-05-01" }]),
    );
    expect(
      reported.some((reminder) => reminder.title.startsWith("Have you submitted your ECFMG Pathway")),
    ).toBe(true);
    expect(reported.some((reminder) => reminder.title.includes("USMLE Step 2 CK"))).toBe(true);
    expect(reported.some((reminder) => reminder.title.includes("USMLE Step 1"))).toBe(false);
  });

  it("counts no fee for them", () => {
    const asked = planAt("2026-12-10T02:00:00Z");
    const none = planAt("2026-12-10T02:00:00Z", [{ key: "usmle_step1", status: "done", date: "2025-05-01" }]);
    expect(asked.budget.upcomingUsd).toBeLessThanOrEqual(none.budget.upcomingUsd);
  });
});
