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
 * timeline name the date the chase names: "Overdue since" the day the J-1 sponsorship waiting on the
 * contract needed it (Mon 5 Apr 2027, our advice), never the start as the contract's date.
 * Kofi: Accra, J-1, matched on 19 Mar 2027, contract and Statement of Need not done; and the same
 * applicant in Kolkata (UTC+5:30), where midnight ET was 9:30 AM.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/after-the-match/contract-overdue-j1-accra.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const KOLKATA = { ...snapshot, applicant: { ...snapshot.applicant, timezone: "Asia/Kolkata" } };
// On 14 Apr, while the visa's own date still holds: from 20 Apr the notice is due the file's last
// day (j1-sponsorship-last-day.test.ts), and once the start is out of reach it names no date.
const NOW = "2027-04-14T09:30:00.000Z";

describe.each([
  ["Accra", snapshot],
  ["Kolkata", KOLKATA],
])("in %s, the start-bound notice names residency's start as a day", (_zone, applicant) => {
  const planned: Plan = plan(applicant, seasonCalendar(2027), new Date(NOW));
  const notice = planned.reminders.find((reminder) => reminder.risk === "VISA_NOT_READY_FOR_START");
  const chase = planned.reminders.find(
    (reminder) => reminder.milestone === "contract" && reminder.rung === "visa-behind",
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
    expect(notice?.overdueSince?.local).toBe("Mon 5 Apr 2027");
    expect(notice?.overdueSince?.day).toBe(chase?.overdueSince?.day);
    const rendered = email([notice as Reminder]);
    expect(rendered.subject).toMatch(/: overdue since Mon 5 Apr 2027 \(our advice\)$/);
    expect(rendered.text).toContain(
      "   Overdue since: Mon 5 Apr 2027 (our advice, not set by any authority)",
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
    expect(html).toContain("overdue since Mon 5 Apr 2027, our advice");
    expect(html).not.toMatch(/by residency&#39;s start|2 Apr/i);
    expect(html).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
  });

  it("the contract's own chase says why: the J-1 sponsorship waits on it", () => {
    const text = email([chase as Reminder]).text;
    expect(text).toContain("Overdue since: Mon 5 Apr 2027");
    expect(text).toContain("your J-1 sponsorship through ECFMG waits on it");
    expect(text).not.toContain("Sign and return it: by residency's start");
  });
});
