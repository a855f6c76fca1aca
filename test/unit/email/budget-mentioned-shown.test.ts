import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { REMINDER_WORDS } from "#email/reminder-sections.ts";
import {
  applicantFactory,
  inputFactory,
  matched2027,
  milestoneFactory,
  rankListCertified2027,
} from "#test/unit/domain/factories.ts";

/**
 * An email that names the budget shows it: Step 3's line to an H-1B applicant ("your budget lists
 * its fee apart") rode on the SOAP and Match Day emails, under "Your next steps", with no budget
 * block. Property over every email of a few plans: no email names the budget without the block,
 * in either part.
 */
const cases: { name: string; zone: string; now: string; thePlan: (zone: string, now: Date) => Plan }[] = [
  {
    name: "an H-1B applicant in Manila in Match Week, Step 3 not taken",
    zone: "Asia/Manila",
    now: "2027-03-15T15:00:00Z",
    thePlan: (zone, now) =>
      plan(
        inputFactory({
          applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa: "H-1B" }),
          milestones: [
            ...rankListCertified2027(),
            milestoneFactory("ecfmg_certification", "done", "2026-11-02"),
          ],
        }),
        seasonCalendar(2027),
        now,
      ),
  },
  {
    name: "an H-1B applicant in Chicago before Match Day's answer, Step 3 not taken",
    zone: "America/Chicago",
    now: "2027-03-19T13:00:00Z",
    thePlan: (zone, now) =>
      plan(
        matched2027(zone, {
          visa: "H-1B",
          matchDay: false,
          extra: [milestoneFactory("ecfmg_certification", "done", "2026-10-05")],
        }),
        seasonCalendar(2027),
        now,
      ),
  },
];

/** Every email the plan would send: its reminders gathered by send instant. */
function emailsOf(thePlan: Plan, zone: string) {
  const instants = [...new Set(thePlan.reminders.map((reminder) => reminder.sendAt))];
  return instants.map((at) =>
    renderReminderEmail({
      recipientName: "Luz Santos",
      reminders: thePlan.reminders.filter((reminder) => reminder.sendAt === at),
      plan: thePlan,
      timezone: zone,
      unsubscribeUrl: "https://api.example.org/u",
    }),
  );
}

const BLOCK_TEXT = `\n${REMINDER_WORDS.budget}:\n`;

describe.each(cases)("an email that names the budget shows it: $name", ({ zone, now, thePlan }) => {
  const emails = emailsOf(thePlan(zone, new Date(now)), zone);
  const naming = emails.filter((email) => /\bbudget/i.test(email.text.split(BLOCK_TEXT)[0] ?? ""));

  it("some of its emails name the budget", () => {
    expect(naming.length).toBeGreaterThan(0);
  });

  it("each of them carries the budget block in plain text and HTML", () => {
    for (const email of naming) {
      expect(email.text, email.subject).toContain(BLOCK_TEXT);
      expect(email.html, email.subject).toContain(`>${REMINDER_WORDS.budget}<`);
    }
  });
});
