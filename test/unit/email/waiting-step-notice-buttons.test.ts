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
 * certificate, and asks to rank J-1 programs too by that deadline. It rides on the rank order list,
 * the step that action belongs to, and offers its buttons: never Step 3's, nor a prerequisite's (on
 * Step 2 CK's card a Done recorded that exam), and never "Due" on a Step 3 nobody can sit yet.
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

  it("is on the rank order list, with the rank list's buttons and none of Step 3's", () => {
    expect(notice?.milestone).toBe("rank_order_list");
    expect(result.blocked.map((step) => step.milestone)).toContain("usmle_step3");
    expect(Date.parse(notice?.deadline ?? "")).toBe(
      seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at,
    );
    // The rank list's own rung at that instant is replaced by the notice, not sent beside it.
    const sameSlot = result.reminders.filter(
      (reminder) => reminder.milestone === "rank_order_list" && reminder.sendAt === notice?.sendAt,
    );
    expect(sameSlot).toHaveLength(1);
    expect(result.reminders.some((reminder) => reminder.milestone === "usmle_step3")).toBe(false);
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
    expect(item).toContain("rank J-1 programs too");
    expect(item).not.toContain(links.action("usmle_step3", "done"));
    expect(item).not.toContain(links.action("ecfmg_certification", "done"));
    // Before ranking opens the rank list's card says when to certify, with no Done yet.
    expect(item).toContain("Next step, for Certify your rank order list: Enter your rank order list in R3");
  });
});
