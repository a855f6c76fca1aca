import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { J1_START_OUT_OF_REACH_TITLE } from "#domain/planner/j1-start-out-of-reach.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027 } from "#test/unit/domain/factories.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The critical notice a matched J-1 applicant gets when the certificate cannot come in time for a
 * J-1 start: a Karachi graduate of 15 May 2027, matched in March, every exam and the Pathway done.
 * Opened in a browser at a phone's width, checked with every axe rule and saved as a screenshot: it
 * says plainly that the start on the program's date is out of reach on a J-1, when the certificate
 * and the visa could come at the earliest, and to tell the program's GME office now.
 */
describe("the J-1 start out of reach notice, in a browser at 390 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says the J-1 start is out of reach, with the earliest days and what to do now", async () => {
    const input = matched2027("Asia/Karachi", { visa: "J-1", extra: [] });
    const snapshot = { ...input, applicant: { ...input.applicant, graduation: "2027-05-15" } };
    const now = new Date("2027-03-22T05:00:00Z");
    const planned = plan(snapshot, seasonCalendar(2027), now);
    const notice = planned.reminders.find((each) => each.title === J1_START_OUT_OF_REACH_TITLE);
    if (notice === undefined) throw new Error("the plan has no J-1 start notice");
    const email = renderReminderEmail({
      recipientName: snapshot.applicant.fullName,
      reminders: [notice],
      plan: planned,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_karachi",
        feedGeneration: 0,
        now,
      }),
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
      timezone: snapshot.applicant.timezone,
      milestones: snapshot.milestones,
    });
    const { page, text } = await openCheckedEmail(browser, email.html);
    expect(text).toContain("out of reach");
    expect(text).toContain("Tue 29 Jun 2027 at the earliest");
    expect(text).toContain("Thu 26 Aug 2027 at the earliest");
    expect(text).toContain("GME office");
    expect(text).not.toContain("issued now");
    await saveScreenshot(page, "email-j1-start-out-of-reach");
    await page.close();
  });
});
