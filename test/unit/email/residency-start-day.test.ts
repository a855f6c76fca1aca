import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { comingEmailsHtml } from "#pages/timeline-sections.ts";

/**
 * Residency's start is a day, never an instant with a clock: the VISA_NOT_READY_FOR_START notice
 * rides on the overdue contract and is due by the start, and its email said "Due: Thu 1 Jul 2027,
 * 9:30 AM GMT+5:30 (your time) / Thu 1 Jul 2027, 12:00 AM ET" (an hour programs do not set). It reads
 * "by residency's start, Thu 1 Jul 2027" as its deadline, counted down to the start's instant. Riding
 * on the contract behind, the notice is the first email of the contract's chase, so its email and the
 * timeline name the date the chase names: "Overdue since" the day the plan needed the contract by
 * (orientation's, Wed 16 Jun 2027, our advice), never the start as the contract's date.
 * Kofi: Accra, matched on 19 Mar 2027, no visa needed (a US permanent resident), contract not done;
 * and the same applicant in Kolkata (UTC+5:30), where midnight ET was 9:30 AM. (On J-1 the contract
 * past the sponsorship's day is a warning while the visa's date holds, and the critical notice is due
 * the file's last day or names no date: contract-late-advice-day.test.ts.)
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/after-the-match/contract-overdue-j1-accra.json", import.meta.url),
);
const j1: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const snapshot: ApplicantSnapshot = { ...j1, applicant: { ...j1.applicant, visa: "none" } };
const KOLKATA = { ...snapshot, applicant: { ...snapshot.applicant, timezone: "Asia/Kolkata" } };
// Two days past orientation's date, the day the plan needed the contract by.
const NOW = "2027-06-18T09:30:00.000Z";

describe.each([
  ["Accra", snapshot],
  ["Kolkata", KOLKATA],
])("in %s, the start-bound notice names residency's start as a day", (_zone, applicant) => {
  const planned: Plan = plan(applicant, seasonCalendar(2027), new Date(NOW));
  const notice = planned.reminders.find((reminder) => reminder.risk === "VISA_NOT_READY_FOR_START");
  const chase = planned.reminders.find(
    (reminder) => reminder.milestone === "contract" && reminder.rung === "start-in-7d",
  );
  const email = (reminders: readonly Reminder[]) =>
    renderReminderEmail({
      recipientName: "Kofi Mensah",
      reminders,
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });

  it("its deadline is the day, with no clock, still counted down to the start's instant", () => {
    expect(notice?.deadlineDetail).toMatchObject({
      local: "by residency's start, Thu 1 Jul 2027",
      precision: "day",
      day: "2027-07-01",
    });
    expect(notice?.deadline).toBe(seasonCalendar(2027).dates.residency_start.iso);
  });

  it("the email's subject and date line name the day the contract was needed, as its chase does", () => {
    expect(notice?.milestone).toBe("contract");
    expect(notice?.overdueSince?.local).toBe("Wed 16 Jun 2027");
    expect(notice?.overdueSince?.day).toBe(chase?.overdueSince?.day);
    const rendered = email([notice as Reminder]);
    expect(rendered.subject).toMatch(/: overdue since Wed 16 Jun 2027 \(our advice\)$/);
    expect(rendered.text).toContain(
      "   Overdue since: Wed 16 Jun 2027 (our advice, not set by any authority)",
    );
    expect(rendered.subject).not.toMatch(/residency's start|2 Apr/i);
    expect(rendered.text).not.toMatch(/Due: by residency's start/);
    expect(rendered.text).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
    expect(rendered.html).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
  });

  it("the timeline's coming emails name that day too, never the start as the contract's date", () => {
    const html = comingEmailsHtml({
      firstName: "Kofi",
      timezone: applicant.applicant.timezone,
      plan: planned,
      links: { preferences: "https://example.org/preferences" } as ApplicantLinks,
      comingReminders: [notice as Reminder],
    });
    expect(html).toContain("overdue since Wed 16 Jun 2027, our advice");
    expect(html).not.toMatch(/by residency&#39;s start|2 Apr/i);
    expect(html).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
  });

  it("the contract's own chase says why: the program needs it before orientation", () => {
    const text = email([chase as Reminder]).text;
    expect(text).toContain("Overdue since: Wed 16 Jun 2027");
    expect(text).toContain("your program needs it signed before orientation");
    expect(text).not.toContain("Sign and return it: by residency's start");
  });
});
