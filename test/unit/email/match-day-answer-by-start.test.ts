import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { comingEmailsHtml } from "#pages/timeline-sections.ts";
import { dateLabel } from "#pages/timeline-step.ts";

/**
 * Match Day's question ("tell us where you matched") is answered by residency's start, and that
 * start is a day, as it is for every notice due by it: the subject read "answer by Thu 1 Jul 2027,
 * 4:00 AM GMT" in Accra and the body, the timeline and the console "12:00 AM ET", an hour no program
 * sets. It reads "answer by residency's start, Thu 1 Jul 2027" (never "answer by by …"), in the
 * follow-up, the weekly question and the step's own date. Ama: Accra, J-1, Match Week done (matched)
 * on 15 Mar 2027, Match Day not yet told, on Sat 20 Mar 2027.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/match-day-answer-by-start/matched-accra.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const NOW = "2027-03-20T12:00:00.000Z";
const HOUR = /1 Jul 2027, \d+:\d\d [AP]M/;
const planned: Plan = plan(snapshot, seasonCalendar(2027), new Date(NOW));
const asked = (rung: string) =>
  planned.reminders.find(
    (reminder) => reminder.milestone === "match_day" && reminder.rung === rung,
  ) as Reminder;
const email = (reminder: Reminder) =>
  renderReminderEmail({
    recipientName: "Ama Owusu",
    reminders: [reminder],
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });

describe("Match Day's answer-by date is residency's start as a day", () => {
  it.each(["match-day-result", "match-day-weekly"])(
    "%s: the day, counted down to the start's instant",
    (rung) => {
      expect(asked(rung).deadlineDetail).toMatchObject({
        local: "by residency's start, Thu 1 Jul 2027",
        et: "by residency's start, Thu 1 Jul 2027",
        precision: "day",
        day: "2027-07-01",
      });
      expect(asked(rung).deadline).toBe(seasonCalendar(2027).dates.residency_start.iso);
    },
  );

  it.each(["match-day-result", "match-day-weekly"])(
    "%s: the email's subject and date line read the day, no hour",
    (rung) => {
      const rendered = email(asked(rung));
      expect(rendered.subject).toContain("answer by residency's start, Thu 1 Jul 2027");
      expect(rendered.subject).not.toContain("by by");
      expect(rendered.text).toContain("Answer: by residency's start, Thu 1 Jul 2027");
      for (const part of [rendered.subject, rendered.text, rendered.html]) expect(part).not.toMatch(HOUR);
    },
  );

  it("the step's own date (timeline, console) reads the day too", () => {
    const step = planned.nextSteps.find((next) => next.milestone === "match_day");
    expect(step?.deadline?.local).toBe("by residency's start, Thu 1 Jul 2027");
    expect(step && dateLabel(step, "Due")).toBe("Answer");
    expect(step && stepDatesInline(step, Date.parse(NOW))).toMatch(
      /^answer by residency's start, Thu 1 Jul 2027/,
    );
    const html = comingEmailsHtml({
      firstName: "Ama",
      timezone: snapshot.applicant.timezone,
      plan: planned,
      links: { preferences: "https://example.org/preferences" } as ApplicantLinks,
      comingReminders: [asked("match-day-weekly")],
    });
    expect(html).toContain("answer by residency&#39;s start, Thu 1 Jul 2027");
    expect(html).not.toMatch(HOUR);
  });
});
