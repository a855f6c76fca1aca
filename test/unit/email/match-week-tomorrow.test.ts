import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * The reminders 3 days and 1 day before Match Week's Monday read alike but for the day: the last
 * one says "tomorrow", so it does not read as a duplicate. Anjali Rao, Kolkata (NRMP's 10:00 AM ET
 * release is 7:30 PM there), 2027 Match, list certified.
 */
const ZONE = "Asia/Kolkata";
const profile = profileFactory({ fullName: "Anjali Rao", matchYear: 2027, timezone: ZONE });
const milestones = rankListCertified2027();

function emailOf(rung: string) {
  const laidOut = domainPlanning.plan(
    { profile, milestones, interviews: [], ledger: [] },
    new Date("2027-03-10T12:00:00+05:30"),
  );
  const found = laidOut.reminders.find((each) => each.milestone === "match_week" && each.rung === rung);
  if (found === undefined) throw new Error(`no match_week ${rung}`);
  const now = new Date(found.sendAt);
  const plan = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
  const reminder = plan.reminders.find((each) => each.id === found.id) as Reminder;
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  return renderReminderEmail({
    recipientName: "Anjali Rao",
    reminders: [reminder],
    plan,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: ZONE,
    milestones,
  });
}

describe("Match Week's reminders before its Monday", () => {
  it("three days before: on its date", () => {
    const email = emailOf("due-in-3d");
    expect(email.subject).toBe(
      "Match Week: find out whether you matched: on Mon 15 Mar 2027, 7:30 PM GMT+5:30",
    );
  });

  it("the day before: tomorrow, with its date, in the subject and the item", () => {
    const email = emailOf("due-in-1d");
    expect(email.subject).toBe(
      "Match Week: find out whether you matched: tomorrow, Mon 15 Mar 2027, 7:30 PM GMT+5:30",
    );
    expect(email.text).toContain("Tomorrow: Mon 15 Mar 2027, 7:30 PM GMT+5:30");
    expect(email.subject).not.toBe(emailOf("due-in-3d").subject);
  });
});
