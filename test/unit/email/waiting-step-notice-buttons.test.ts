import { describe, expect, it } from "vitest";
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
 * An H-1B applicant in Lahore, certificate still pending, whose Step 3 cannot reach programs before
 * the rank order list deadline: the critical notice is about Step 3, which waits for the
 * certificate. Its email item is on Step 3 and offers none of a step's buttons (on another step's
 * card it offered that step's Done, Scheduled for… and Not for me: a Done there recorded that step).
 */
const input = inputFactory({
  applicant: applicantFactory({
    timezone: "Asia/Karachi",
    matchYear: 2027,
    graduation: "2025-06-30",
    visa: "H-1B",
    fullName: "Sana Iqbal",
  }),
  milestones: [
    ...doneMilestones(REGISTERED_KEYS, "2025-09-10"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
  interviews: [interviewFactory({ startsAt: "2026-12-15T13:00:00-05:00" })],
});
const now = new Date("2027-01-12T05:00:00Z");
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});

describe("a critical notice about a step still waiting, in the email", () => {
  const result = plan(input, seasonCalendar(2027), now);
  const notice = result.reminders.find((reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B");

  it("is on Step 3, waiting, and offers no button", () => {
    expect(notice?.milestone).toBe("usmle_step3");
    expect(result.blocked.map((step) => step.milestone)).toContain("usmle_step3");
    if (notice === undefined) throw new Error("the applicant has no Step 3 notice");
    const email = renderReminderEmail({
      recipientName: "Sana Iqbal",
      reminders: [notice],
      plan: result,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: "Asia/Karachi",
      milestones: input.milestones,
    });
    const start = email.text.indexOf(`1. ${notice.title}`);
    expect(start).toBeGreaterThanOrEqual(0);
    const item = email.text.slice(start, email.text.indexOf("\n\n", start));
    expect(item).toContain("what comes first: Receive ECFMG certification.");
    expect(item).not.toContain(links.action("usmle_step3", "done"));
    expect(item).not.toMatch(/^ {3}(Done|Scheduled for…|Not for me)/m);
    const html = email.html.slice(0, email.html.indexOf("Your next steps"));
    expect(html).not.toMatch(/>(Done|Scheduled for…|Not for me)[^<]*<\/a>/);
  });
});
