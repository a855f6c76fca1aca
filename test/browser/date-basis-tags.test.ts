import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { matchedPlan, ZONE } from "#test/unit/domain/date-basis-plans.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * A date no authority sets (the contract, two weeks after Match Day) now carries the
 * tag "our advice, not set by any authority", longer than "projected date". On the narrowest phone
 * the tag wraps inside the card, the page never scrolls sideways, and the tag is read as text, on
 * the timeline and in the email. Screenshots: test-results/screenshots/date-basis-*.png.
 */
describe("a date tagged our advice on a narrow phone", () => {
  let browser: BrowserSession;
  const thePlan = matchedPlan();
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_asha",
    feedGeneration: 0,
    now: new Date(thePlan.now),
  });

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 320, height: 700 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the timeline shows the contract's tag whole, within 320 px", async () => {
    const html =
      timelinePage({ firstName: "Asha", timezone: ZONE, links, plan: thePlan, comingReminders: [] }).body ??
      "";
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.setContent(html, { waitUntil: "load" });
    const tag = page.locator(".tag.advice").first();
    expect(await tag.textContent()).toBe("our advice, not set by any authority");
    expect(await tag.isVisible()).toBe(true);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await saveScreenshot(page, "date-basis-timeline", { maxHeight: 1200 });
    await page.close();
  });

  it("the email shows it beside the contract's date, within 320 px", async () => {
    const reminder = thePlan.reminders.find(
      (each) => each.milestone === "contract" && each.countsDownTo === undefined,
    );
    if (reminder === undefined) throw new Error("no contract reminder");
    const { html } = renderReminderEmail({
      recipientName: "Asha Rao",
      reminders: [reminder],
      plan: thePlan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: ZONE,
    });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.setContent(html, { waitUntil: "load" });
    expect(await page.locator("body").textContent()).toContain("· our advice, not set by any authority");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await saveScreenshot(page, "date-basis-email", { maxHeight: 700 });
    await page.close();
  });
});
