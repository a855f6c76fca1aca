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
 * Match Day's question ("tell us where you matched") asks for the result so the contract and the
 * steps after it get their reminders, so while the contract's date is ahead the step, its follow-up
 * and its weekly question all name that date, a day and our advice: "answer by Fri 2 Apr 2027" in
 * the row, the email and the console alike, never July (months after the contract is due), never
 * an hour no program sets. Ama: Accra, J-1, Match Week done (matched) on 15 Mar 2027, Match Day not
 * yet told, on Sat 20 Mar 2027.
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

describe("Match Day's answer-by date: the contract's day, for the step and its questions", () => {
  it.each(["match-day-result", "match-day-weekly"])(
    "%s: the contract's day, counted down to the contract's instant",
    (rung) => {
      expect(asked(rung).deadlineDetail).toMatchObject({
        local: "Fri 2 Apr 2027",
        et: "Fri 2 Apr 2027",
        precision: "day",
        day: "2027-04-02",
      });
      // The end of the contract's day in Accra (UTC+0, before ET's), as the contract step counts down to it.
      expect(asked(rung).deadline).toBe("2027-04-03T00:00:00.000Z");
    },
  );

  it.each(["match-day-result", "match-day-weekly"])(
    "%s: the email's subject and date line read the day, no hour",
    (rung) => {
      const rendered = email(asked(rung));
      expect(rendered.subject).toContain("answer by Fri 2 Apr 2027");
      expect(rendered.subject).not.toContain("1 Jul");
      expect(rendered.text).toContain("Answer by: Fri 2 Apr 2027");
      for (const part of [rendered.subject, rendered.text, rendered.html]) expect(part).not.toMatch(HOUR);
    },
  );

  it("the step's own date (timeline, console) reads the day too", () => {
    const step = planned.nextSteps.find((next) => next.milestone === "match_day");
    expect(step?.deadline).toMatchObject({ local: "Fri 2 Apr 2027", basis: "advice", precision: "day" });
    expect(step?.deadline).toEqual(asked("match-day-weekly").deadlineDetail);
    expect(step && dateLabel(step, "Due")).toBe("Answer by");
    expect(step && stepDatesInline(step, Date.parse(NOW))).toMatch(/^answer by Fri 2 Apr 2027/);
    const html = comingEmailsHtml({
      firstName: "Ama",
      timezone: snapshot.applicant.timezone,
      plan: planned,
      links: { preferences: "https://example.org/preferences" } as ApplicantLinks,
      comingReminders: [asked("match-day-weekly")],
    });
    expect(html).toContain("(answer by Fri 2 Apr 2027)");
    expect(html).not.toMatch(HOUR);
  });
});
