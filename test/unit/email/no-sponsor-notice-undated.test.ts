import { describe, expect, it } from "vitest";
import { CRITICAL_RISK_RUNG, isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { comingEmailsHtml } from "#pages/timeline-sections.ts";
import { applicantFactory, inputFactory } from "#test/unit/domain/factories.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

// With the WDOMS check still open, the
// no-sponsor notice rides on that check and still said "Due <the rank order list deadline>". No
// Match date applies to a school with no sponsor note: the notice carries its risk and is undated
// wherever it is shown (CLI, email, timeline), whichever step it rides on.
const now = new Date("2026-11-30T12:00:00Z");
const result = plan(
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      medicalSchool: { name: "Example", country: "NG", wdomsSponsorNote: false },
    }),
    milestones: [],
  }),
  seasonCalendar(2027),
  now,
);
const notice = result.reminders.find((reminder) => reminder.rung === CRITICAL_RISK_RUNG);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "a_kemi",
  feedGeneration: 0,
  now,
});

describe("the no-sponsor notice on the open WDOMS check", () => {
  it("rides on the WDOMS check, carries its risk and is undated", () => {
    expect(notice?.milestone).toBe("wdoms_listing");
    expect(notice?.risk).toBe("SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(notice && isUndatedNotice(notice)).toBe(true);
  });

  it("reads as a notice in the CLI, not 'Due'", () => {
    const row = renderPlan(result, "Kemi")
      .split("\n")
      .find((line) => line.includes(CRITICAL_RISK_RUNG));
    expect(row).toContain("notice (no date)");
    expect(row).not.toMatch(/\bDue\b/);
  });

  it("gives no due date in the email, and keeps the WDOMS check's action", () => {
    if (notice === undefined) throw new Error("no notice");
    const email = renderReminderEmail({
      recipientName: "Kemi",
      reminders: [notice],
      plan: result,
      links,
      unsubscribeUrl: "https://api.example.org/u",
    });
    // The notice's own item: the season out of reach, told under "Risks to watch", names its deadline.
    const item = email.text.slice(0, email.text.indexOf("Your whole timeline"));
    for (const text of [email.subject, item]) {
      expect(text).not.toMatch(/\bdue\b/i);
      expect(text).not.toContain("Feb 2027");
    }
    const check = result.nextSteps.find((step) => step.milestone === "wdoms_listing");
    expect(email.text).toContain(check?.action.slice(0, 40) ?? "no action");
  });

  it("is listed as a notice among the next emails on the timeline, with no date", () => {
    if (notice === undefined) throw new Error("no notice");
    const html = comingEmailsHtml({
      firstName: "Kemi",
      timezone: "Africa/Lagos",
      plan: result,
      links,
      comingReminders: [notice],
    });
    expect(html).toContain(`${notice.title.replace(/'/g, "&#39;")} (notice)`);
    expect(html).not.toContain("Feb 2027");
  });
});
