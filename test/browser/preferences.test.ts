import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { STEP2_FIRST_REMINDER_AT, step2Applicant } from "#test/integration/support/applicants.ts";
import {
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
  stack,
  storedPlan,
} from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * Preferences without an account: the page from an email's link changes the hour the next email
 * comes at (the planner re-plans from the profile write), and a new calendar address retires the old.
 */
describe("email preferences", () => {
  let browser: BrowserSession;
  const applicant = step2Applicant();
  const linksAt = (now: Date, feedGeneration = 0) => {
    const keys = inject("handlerEnv").LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    return applicantLinks({
      baseUrl: stack.api(),
      keyring: parseKeyring(keys),
      applicantId: applicant.applicantId,
      feedGeneration,
      now,
    });
  };

  beforeAll(async () => {
    browser = await launchChromium();
    await clockTo("2026-06-01T00:00:00Z");
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("moves the next email to the delivery time chosen on the page", async () => {
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe(STEP2_FIRST_REMINDER_AT);
    const page = await openPage(browser, linksAt(new Date("2026-06-01T00:00:00Z")).preferences);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Delivery time").fill("18:00");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Saved");
    await saveScreenshot(page, "preferences");
    await drainStream();
    // 18:00 in Kolkata (UTC+5:30) on the same day as the 09:00 reminder.
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe("2026-08-06T12:30:00.000Z");
    await clockTo("2026-08-06T04:00:00Z");
    expect(await emailsTo(applicant.email)).toHaveLength(0);
    await clockTo("2026-08-06T12:30:00Z");
    expect(await emailsTo(applicant.email)).toHaveLength(1);
    await page.close();
  });

  it("refuses a delivery time inside the quiet hours, naming it, and keeps the saved one", async () => {
    const page = await openPage(browser, linksAt(new Date("2026-08-06T12:30:00Z")).preferences);
    await page.getByLabel("Delivery time").fill("23:00");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("alert").textContent()).resolves.toContain("The delivery time");
    await drainStream();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toMatch(/T12:30:00.000Z$/);
    await page.close();
  });

  it("gives a new calendar address on request; the old one answers 410", async () => {
    const old = linksAt(new Date("2026-08-06T12:30:00Z"));
    expect((await fetch(old.feed)).status).toBe(200);
    const page = await openPage(browser, old.preferences);
    await page.getByRole("button", { name: "Get a new calendar address" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("status").textContent()).resolves.toContain("new address");
    const replaced = await fetch(old.feed);
    expect(replaced.status).toBe(410);
    expect(await replaced.text()).toMatch(/calendar address was replaced[\s\S]*latest Matchpath email/);
    expect((await fetch(linksAt(new Date("2026-08-06T12:30:00Z"), 1).feed)).status).toBe(200);
    await page.close();
  });
});
