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
 * on a visa step behind, the notice is the first email of that step's chase, so its email and the
 * timeline say what the chase says, "Overdue since Fri 2 Apr 2027 (our advice)", never "Due <the start>"
 * (the notice said "Due: by residency's start" while the same step's weekly emails said "Overdue since").
 * Kofi: Accra, J-1, matched on 19 Mar 2027, contract and Statement of Need not done; and the same
 * applicant in Kolkata (UTC+5:30), where midnight ET was 9:30 AM.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/after-the-match/contract-overdue-j1-accra.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const KOLKATA = { ...snapshot, applicant: { ...snapshot.applicant, timezone: "Asia/Kolkata" } };
const NOW = "2027-05-04T09:30:00.000Z";

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

  it("the email's subject and date line say overdue since the contract's day, never Due the start", () => {
    expect(notice?.milestone).toBe("contract");
    expect(notice?.overdueSince).toEqual(chase?.overdueSince);
    const rendered = email([notice as Reminder]);
    expect(rendered.subject).toContain("overdue since Fri 2 Apr 2027 (our advice)");
    expect(rendered.text).toContain("Overdue since: Fri 2 Apr 2027 (our advice, not set by any authority)");
    expect(rendered.subject).not.toContain("residency's start");
    expect(rendered.text).not.toMatch(/^\s+Due/m);
    expect(rendered.text).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
    expect(rendered.html).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
  });

  it("the timeline's coming emails say overdue since the contract's day too", () => {
    const html = comingEmailsHtml({
      firstName: "Kofi",
      timezone: applicant.applicant.timezone,
      plan: planned,
      links: { preferences: "https://example.org/preferences" } as ApplicantLinks,
      comingReminders: [notice as Reminder],
    });
    expect(html).toContain("(overdue since Fri 2 Apr 2027, our advice)");
    expect(html).not.toContain("residency&#39;s start");
    expect(html).not.toMatch(/1 Jul 2027, \d+:\d\d [AP]M/);
  });

  it("the overdue contract's own chase keeps 'Overdue since' its missed day", () => {
    expect(chase?.overdueSince?.local).toBe("Fri 2 Apr 2027");
    expect(email([chase as Reminder]).text).toContain("Overdue since: Fri 2 Apr 2027");
  });
});
