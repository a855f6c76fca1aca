import { describe, expect, it } from "vitest";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * An H-1B applicant's certificate pending past its H-1B target, before the later candidate's day
 * to apply to FSMB by (9:00 PM ET on Wed 13 Jan 2027): the rungs to that day. Their subject named
 * two days, "… is issued by Wed 13 Jan 2027, apply to FSMB that day (our advice): apply to FSMB by
 * Thu 14 Jan 2027, 10:00 AM GMT+8" in Manila (the ET day in the title, the local instant after
 * it): a subject names one day, the window's close in the applicant's zone; the body explains.
 */
function pending(zone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "apply-by-subject",
      timezone: zone,
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-07:00" })],
  });
}

function applyByEmails(zone: string) {
  const input = pending(zone);
  const laidOut = plan(input, seasonCalendar(2027), new Date("2027-01-07T17:00:00Z"));
  const rungs = laidOut.reminders.filter((each) => each.rung.startsWith("apply-by-in-"));
  return rungs.map((rung) => {
    const now = new Date(rung.sendAt);
    const planned = plan(input, seasonCalendar(2027), now);
    const reminder = planned.reminders.find((each) => each.id === rung.id);
    if (reminder === undefined) throw new Error(`${rung.id} not laid at its own send time`);
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_apply_by",
      feedGeneration: 0,
      now,
    });
    return renderReminderEmail({
      recipientName: "Maria Santos",
      reminders: [reminder],
      plan: planned,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: zone,
      milestones: input.milestones,
    });
  });
}

const DAY = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}\b/g;

describe("the certificate's apply-by rungs name one day in their subject", () => {
  it.each(["Asia/Manila", "America/Boise"])("%s", (zone) => {
    const emails = applyByEmails(zone);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.subject.match(DAY), email.subject).toHaveLength(1);
      expect(email.subject).toContain("then apply to FSMB the same day");
    }
  });

  it("Manila: the window's close in its own zone, Thu 14 Jan; the body still names the day to be issued by", () => {
    const [first] = applyByEmails("Asia/Manila");
    expect(first?.subject).toContain("apply to FSMB by Thu 14 Jan 2027, 10:00 AM");
    expect(first?.text).toContain("if you already hold a visitor visa and it is issued by Wed 13 Jan 2027");
  });
});
