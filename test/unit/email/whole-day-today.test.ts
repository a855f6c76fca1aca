import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * A date that is a whole day, emailed on that day, says "today" as an instant's deadline says its
 * hours left: the contract's target (Fri 2 Apr 2027, two weeks after Match Day) and its deadline
 * (Mon 5 Apr, the J-1 sponsorship waiting on it), each reminder sent late on its own day in Chicago
 * (the clock moved to that morning). It read "Due: Fri 2 Apr 2027" on 2 Apr, as if a day were left.
 */
const ZONE = "America/Chicago";
const input = matched2027(ZONE, { extra: [milestoneFactory("ecfmg_certification", "done", "2026-11-01")] });

function contractEmailAt(at: string) {
  const now = new Date(at);
  const laidOut = plan(input, seasonCalendar(2027), now);
  const due = laidOut.reminders.filter(
    (each) => each.milestone === "contract" && Date.parse(each.sendAt) <= now.getTime(),
  );
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_contract",
    feedGeneration: 0,
    now,
  });
  return renderReminderEmail({
    recipientName: "Rosa Díaz",
    reminders: due.slice(-1),
    plan: laidOut,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: ZONE,
    milestones: input.milestones,
  });
}

describe("a whole day emailed on that day", () => {
  it("the contract's target on its day: aim to finish today, our allowance, not a competitive target", () => {
    const email = contractEmailAt("2027-04-02T10:00:00-05:00");
    expect(email.subject).toContain("aim to finish today, Fri 2 Apr 2027");
    expect(email.text).toContain("Aim to finish today: Fri 2 Apr 2027");
    expect(email.text).toContain("Two weeks after Match Day: the date Matchpath suggests, not a deadline");
    expect(email.text).not.toContain("so your application is competitive");
  });

  it("the contract's deadline on its day: due today", () => {
    const email = contractEmailAt("2027-04-05T10:00:00-05:00");
    expect(email.subject).toContain("due today, Mon 5 Apr 2027");
    expect(email.text).toContain("Due today: Mon 5 Apr 2027");
  });

  it("the day before: its date alone", () => {
    const email = contractEmailAt("2027-04-04T10:00:00-05:00");
    expect(email.text).toContain("Due: Mon 5 Apr 2027");
    expect(email.text).not.toContain("Due today");
  });
});
