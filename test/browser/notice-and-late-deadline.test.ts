import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
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
import { allA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { SCREENSHOT_DIR, saveScreenshot } from "./support/screenshots.ts";

/**
 * Two things checked in a browser, not only in unit tests: a reminder email carrying a
 * critical risk's notice, and the timeline's "Urgent: early deadline passed" / "Late deadline",
 * each rendered from a real plan in Debian's Chromium at a phone's width, checked with every
 * axe rule, and saved as a screenshot to look at.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const linksAt = (applicantId: string, now: Date) =>
  applicantLinks({ baseUrl: "https://api.example.org", keyring, applicantId, feedGeneration: 0, now });

describe("in a browser at 390 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an email with a critical risk's notice names the step its buttons act on, accessibly", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const replanned = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
        milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-05-01"),
      }),
      seasonCalendar(2027),
      now,
    );
    const notice = replanned.reminders.find((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
    const step = replanned.nextSteps.find((each) => each.milestone === notice?.milestone);
    if (notice === undefined || step === undefined || step.milestone === "interview")
      throw new Error("the scenario has no notice about a step");
    const milestone = step.milestone;
    const links = linksAt("a_asha", now);
    const email = renderReminderEmail({
      recipientName: "Asha Rao",
      reminders: [notice],
      plan: replanned,
      links,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    });
    const { page, text: body } = await openCheckedEmail(browser, email.html);
    expect(body).toContain(notice.title);
    const done = page.getByRole("link", { name: `Done (${step.title})` });
    await expect(done.getAttribute("href")).resolves.toBe(links.action(milestone, "done"));
    expect(body).toContain(`Next, for ${step.title}: ${step.action}`);
    // The notice says its critical risk, so the risk's way to act is on the notice, once.
    await expect(page.getByRole("link", { name: "What to do" }).getAttribute("href")).resolves.toBe(
      `${links.timeline}#risks`,
    );
    await saveScreenshot(page, "email-critical-notice");
    await saveScreenshot(page, "email-critical-notice-top", { maxHeight: 1200 });
    await page.close();
  });

  it("the timeline's badge and dates agree for a step past its early deadline, accessibly", async () => {
    const now = new Date("2026-12-02T06:00:00Z");
    const zone = "Pacific/Kiritimati";
    const thePlan = plan(
      {
        applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa: "J-1" }),
        milestones: [
          milestoneFactory("usmle_step1", "done", "2026-06-01"),
          milestoneFactory("usmle_step2ck", "scheduled", "2027-01-10"),
          milestoneFactory("eras_application", "done", "2026-09-20"),
          // OET and the Pathway done: else ECFMG's Pathway review puts 2027 out of reach.
          milestoneFactory("oet_medicine", "done", "2026-05-01"),
          milestoneFactory("ecfmg_pathway", "done", "2026-06-01"),
        ],
        interviews: [],
      },
      seasonCalendar(2027),
      now,
    );
    const html =
      timelinePage({
        firstName: "Tēvita",
        timezone: zone,
        links: linksAt("a_tevita", now),
        plan: thePlan,
        comingReminders: thePlan.reminders.filter((reminder) => Date.parse(reminder.sendAt) > now.getTime()),
      }).body ?? "";
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    expect(await allA11yViolations(page)).toEqual([]);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    const registration = page
      .locator("ul.steps > li")
      .filter({ has: page.getByRole("heading", { name: /^Register for the NRMP/ }) });
    await expect(registration.locator(".tag").first().textContent()).resolves.toBe(
      "Urgent: early deadline passed",
    );
    await expect(registration.locator("p.due", { hasText: /^Late deadline / }).isVisible()).resolves.toBe(
      true,
    );
    await expect(
      registration.getByText("has passed; you can still do it by the late deadline below").isVisible(),
    ).resolves.toBe(true);
    await expect(registration.getByText("Overdue").count()).resolves.toBe(0);
    await saveScreenshot(page, "timeline-late-deadline");
    await registration.screenshot({ path: join(SCREENSHOT_DIR, "timeline-late-deadline-step.png") });
    // The budget (every fee, AU$ and to verify) and the next emails, one row per email.
    for (const section of ["budget", "emails"])
      await page
        .locator(`section[aria-labelledby="${section}"]`)
        .screenshot({ path: join(SCREENSHOT_DIR, `timeline-${section}.png`) });
    await page.close();
  });
});
