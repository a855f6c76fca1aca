import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The J-1 visa's two new emails, in a browser at a phone's width: an applicant in Lagos, matched for
 * a Thu 1 Jul 2027 start, with the DS-2019 since Tue 20 Apr. Two weeks later one check asks whether
 * the consular interview is booked and on which day; and an interview booked for Fri 25 Jun, after
 * the plan's visa date (Wed 16 Jun) and 6 days before the start, is a critical notice the day it is
 * told, saying what to ask for; one booked by that date is what its reminders count down to. Each is checked with every axe rule and saved as a screenshot.
 */
const calendar = seasonCalendar(2027);
function lagos(visa?: { status: "scheduled" | "in_progress"; date: string }) {
  return matched2027("Africa/Lagos", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", "2027-04-20"),
      ...(visa === undefined ? [] : [milestoneFactory("visa_j1", visa.status, visa.date)]),
    ],
  });
}

function emailOf(snapshot: ReturnType<typeof lagos>, reminder: Reminder, planned: ReturnType<typeof plan>) {
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_lagos",
    feedGeneration: 0,
    now: new Date(reminder.sendAt),
  });
  return renderReminderEmail({
    recipientName: snapshot.applicant.fullName,
    reminders: [reminder],
    plan: planned,
    links,
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    timezone: snapshot.applicant.timezone,
    milestones: snapshot.milestones,
  });
}

describe("the J-1 visa interview's emails, in a browser at 390 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("two weeks after the DS-2019, asks whether the interview is booked and on which day", async () => {
    const snapshot = lagos();
    const planned = plan(snapshot, calendar, new Date("2027-05-04T08:00:00Z"));
    const check = planned.reminders.find((each) => each.rung === "interview-asked");
    if (check === undefined) throw new Error("the plan has no interview check");
    const email = emailOf(snapshot, check, planned);
    const { page, text } = await openCheckedEmail(browser, email.html);
    expect(text).toContain("have you booked your interview? Tell us the date");
    expect(text).toContain("Your DS-2019 arrived on Tue 20 Apr 2027");
    // Its answer is the interview's day (Scheduled for…), not Done, which records the visa issued.
    expect(text).toContain("Scheduled for…");
    expect(text).not.toMatch(/\bDone\b|My J-1 visa was issued/);
    await saveScreenshot(page, "email-j1-interview-asked");
    await page.close();
  });

  it("an interview booked after the plan's visa date is a critical notice naming the booked day", async () => {
    const snapshot = lagos({ status: "scheduled", date: "2027-06-25" });
    const planned = plan(snapshot, calendar, new Date("2027-05-10T08:00:00Z"));
    const notice = planned.reminders.find(
      (each) => each.risk === "VISA_NOT_READY_FOR_START" && each.rung === "critical-risk",
    );
    if (notice === undefined) throw new Error("the plan has no critical visa notice");
    const email = emailOf(snapshot, notice, planned);
    const { page, text } = await openCheckedEmail(browser, email.html);
    expect(text).toContain("your J-1 visa interview is booked for Fri 25 Jun 2027");
    expect(text).toContain("earlier or expedited appointment");
    // The notice is dated by the interview, the visa step's one date, never "Due" the visa's date.
    expect(text).not.toMatch(/Due:?\s*Wed 16 Jun/);
    await saveScreenshot(page, "email-j1-interview-booked-late");
    await page.close();
  });

  it("an interview booked by the plan's visa date: its reminder names the interview's day, not the visa's date", async () => {
    const snapshot = lagos({ status: "in_progress", date: "2027-06-10" });
    const planned = plan(snapshot, calendar, new Date("2027-05-10T08:00:00Z"));
    const rung = planned.reminders.find(
      (each) => each.milestone === "visa_j1" && each.countsDownTo === "own-date",
    );
    if (rung === undefined) throw new Error("the plan has no reminder counting down to the interview");
    const email = emailOf(snapshot, rung, planned);
    const { page, text } = await openCheckedEmail(browser, email.html);
    expect(text).toContain("Your J-1 visa interview");
    expect(text).toContain("Thu 10 Jun 2027");
    expect(text).toContain("Your J-1 visa interview is on Thu 10 Jun 2027");
    // No "visa issued" before the interview: only a new day can be given.
    expect(text).toContain("Scheduled for…");
    expect(text).not.toContain("My J-1 visa was issued");
    await saveScreenshot(page, "email-j1-interview-booked");
    await page.close();
  });
});
