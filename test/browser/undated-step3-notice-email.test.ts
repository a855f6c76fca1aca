import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-notice-id.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * Step 3's notice with no date, in a browser: Priya (Kolkata, H-1B, certified, Step 3 not started)
 * certified her rank order list and, on 5 Mar 2027, after ranking with the Match untold, hears that
 * the H-1B is likely out of reach if she matches with an H-1B program. Its email names no date of
 * Step 3's (none can be met), no "Due", and asks her to pay for nothing; checked with every axe
 * rule at a phone's width and saved as a screenshot to look at.
 */
const FILE = new URL("../fixtures/undated-step3-notice/h1b-list-certified-kolkata.json", import.meta.url);
const priya = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const now = new Date("2027-03-05T10:00:00Z");

describe("in a browser at 390 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("Step 3's undated notice after ranking reads as a notice with no date, accessibly", async () => {
    const planned = plan(priya, seasonCalendar(2027), now);
    const notice = planned.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
    if (notice === undefined || !isUndatedNotice(notice))
      throw new Error("the plan has no undated Step 3 notice");
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_priya",
      feedGeneration: 0,
      now,
    });
    const email = renderReminderEmail({
      recipientName: priya.applicant.fullName,
      reminders: [notice],
      plan: planned,
      links,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    });
    const { page, text: body } = await openCheckedEmail(browser, email.html);
    expect(body).toContain(notice.title);
    expect(email.subject).toContain(notice.title.slice(0, 40));
    expect(body).not.toMatch(/\bDue\b|[Dd]ue in \d+ hours|Overdue/);
    // No push to pay for a step she cannot take yet.
    expect(body).not.toMatch(/apply for the (B-1\/B-2 )?visitor visa now|pay the Step 3 fee/i);
    await saveScreenshot(page, "email-undated-step3-notice");
    await page.close();
  });
});
