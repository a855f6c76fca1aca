import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * Fatima (Asia/Karachi, 2028 Match) at 2027-12-22T05:00Z. Her phone
 * timeline listed five ERAS tasks past their deadline (token, personal statement, CV, program list,
 * letters) before "Complete an ECFMG Pathway", due in four days and blocking the Match, while the
 * emails of 23 and 25 Dec led with the Pathway. One order for both: the first card is the email's lead.
 */
const ZONE = "Asia/Karachi";
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2028, timezone: ZONE, fullName: "Fatima Malik" }),
  milestones: [
    ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"], "2026-10-01"),
    milestoneFactory("usmle_step2ck", "scheduled", "2028-02-10"),
    milestoneFactory("usce", "not_started"),
    milestoneFactory("lors", "not_started"),
    milestoneFactory("personal_statement", "not_started"),
    milestoneFactory("cv", "in_progress"),
  ],
});

function firstCard(now: Date): string {
  const html =
    timelinePage({
      firstName: "Fatima",
      timezone: ZONE,
      plan: plan(input, seasonCalendar(2028), now),
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_fatima",
        feedGeneration: 0,
        now,
      }),
      comingReminders: [],
    }).body ?? "";
  const next = html.slice(html.indexOf('<h2 id="next">'));
  return /<li[^>]*>\s*<h3>([^<]*)/.exec(next)?.[1]?.trim() ?? "";
}

function emailLead(now: Date): { milestone: string; subject: string } {
  const thePlan = plan(input, seasonCalendar(2028), now);
  const reminders = dueReminders(thePlan, now, new Set());
  const email = renderReminderEmail({
    recipientName: "Fatima Malik",
    reminders,
    plan: thePlan,
    timezone: ZONE,
    unsubscribeUrl: "https://api.example.org/u",
  });
  return { milestone: reminders[0]?.milestone ?? "", subject: email.subject };
}

describe("the timeline's first card is the step the email leads with", () => {
  const pathway = "Complete an ECFMG Pathway";

  it("at 2027-12-22T05:00Z the first card is the Pathway, due in four days, not an ERAS task past its deadline", () => {
    expect(firstCard(new Date("2027-12-22T05:00:00Z"))).toContain(pathway);
  });

  it("the CLI's NEXT STEPS lists the Pathway first too", () => {
    const now = new Date("2027-12-22T05:00:00Z");
    const text = renderPlan(plan(input, seasonCalendar(2028), now), "Fatima Malik", ZONE);
    const rows = text.slice(text.indexOf("NEXT STEPS")).split("\n");
    expect(rows[3]).toMatch(/^ {2}urgent\s+ecfmg_pathway\s/);
  });

  it.each(["2027-12-23T04:00:00Z", "2027-12-25T04:00:00Z"])(
    "the email of %s leads with the same step",
    (at) => {
      const now = new Date(at);
      const lead = emailLead(now);
      expect(lead.milestone).toBe("ecfmg_pathway");
      // With no ERAS application this late, the Pathway's subject weighs the next Match first.
      expect(lead.subject).toContain("ECFMG Pathway");
      expect(firstCard(now)).toContain(pathway);
    },
  );
});
