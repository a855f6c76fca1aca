import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Two weeks after the DS-2019 arrived, one email asks "have you booked your interview? Tell us the
 * date". Its item offered the visa step's Done, which records the visa issued: the answer it asks
 * for is the interview's day, which Scheduled for… records. An applicant in Lagos, matched for a
 * Thu 1 Jul 2027 start, the DS-2019 since Tue 20 Apr.
 */
const snapshot = matched2027("Africa/Lagos", {
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
    milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
    milestoneFactory("j1_ds2019", "done", "2027-04-20"),
  ],
});
const now = new Date("2027-05-04T08:00:00Z");

describe("the J-1 interview check's email item", () => {
  const planned = plan(snapshot, seasonCalendar(2027), now);
  const asked = planned.reminders.find((reminder) => reminder.rung === "interview-asked");
  if (asked === undefined) throw new Error("the scenario has no interview check");
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "app-1",
    feedGeneration: 0,
    now,
  });
  const email = renderReminderEmail({
    recipientName: "Ada Obi",
    reminders: [asked],
    plan: planned,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: snapshot.applicant.timezone,
    milestones: snapshot.milestones,
  });

  it("offers Scheduled for… (the interview's day), never the visa step's Done (the visa issued)", () => {
    const html = email.html.slice(0, email.html.indexOf("Your next steps"));
    expect(html).toContain(">Scheduled for…</a>");
    expect(html).toContain(links.action("visa_j1", "schedule").replaceAll("&", "&amp;"));
    expect(html).not.toMatch(/>(Done|My J-1 visa was issued)<\/a>/);
    const start = email.text.indexOf("1. ");
    const item = email.text.slice(start, email.text.indexOf("\n\n", start));
    expect(item).toContain(`Scheduled for…: ${links.action("visa_j1", "schedule")}`);
    expect(item).not.toContain(links.action("visa_j1", "done"));
  });
});
