import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";
import { STEP2_FIRST_REMINDER_AT, step2Applicant } from "#test/integration/support/applicants.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
  stack,
  storedPlan,
} from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { SCREENSHOT_DIR, saveScreenshot } from "./support/screenshots.ts";

/**
 * After a one-click unsubscribe the applicant's pages tell the truth: the
 * timeline says no email comes instead of listing next emails, the preferences page says "You are
 * unsubscribed" and offers "Subscribe again" (a POST), which brings the next reminder back.
 */
describe("unsubscribed, then subscribed again", () => {
  let browser: BrowserSession;
  const applicant = step2Applicant();
  const at = new Date("2026-06-01T00:00:00Z");
  const keyring = () => {
    const keys = inject("handlerEnv").LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    return parseKeyring(keys);
  };
  const links = (now = at) =>
    applicantLinks({
      baseUrl: stack.api(),
      keyring: keyring(),
      applicantId: applicant.applicantId,
      feedGeneration: 0,
      now,
    });

  beforeAll(async () => {
    browser = await launchChromium();
    await clockTo(at.toISOString());
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("unsubscribes with one click; the page says how to come back", async () => {
    const page = await openPage(
      browser,
      unsubscribeUrl(stack.api(), createUnsubscribeToken(keyring(), applicant.applicantId, at)),
    );
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("You are unsubscribed");
    await expect(page.locator("body").textContent()).resolves.toMatch(
      /Email preferences[\s\S]*Subscribe again/,
    );
    await expectNoSeriousA11yViolations(page);
    await page.close();
    await drainStream();
    expect((await applicantState(applicant.applicantId))?.profile.unsubscribedAt).toBeDefined();
  });

  it("the timeline says no email comes instead of listing next emails; the calendar keeps working", async () => {
    const page = await openPage(browser, links().timeline);
    const emails = page.locator("section[aria-labelledby=emails]");
    await expect(emails.getByRole("heading").textContent()).resolves.toBe("Your emails");
    await expect(emails.textContent()).resolves.toMatch(
      /You are unsubscribed\.[\s\S]*calendar feed keep working/,
    );
    await expect(page.getByText("Your next emails").count()).resolves.toBe(0);
    await expect(page.getByText("Choose when and which emails you get").count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "timeline-unsubscribed");
    await emails.screenshot({ path: join(SCREENSHOT_DIR, "timeline-unsubscribed-emails.png") });
    expect((await fetch(links().feed)).status).toBe(200);
    // The way back is the preferences page.
    await page.getByRole("link", { name: "Subscribe again on your email preferences page" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Email preferences");
    await page.close();
  });

  it("preferences say 'You are unsubscribed'; Subscribe again brings the next reminder back, once", async () => {
    const page = await openPage(browser, links().preferences);
    await expect(page.locator("main").textContent()).resolves.toMatch(
      /You are unsubscribed \(since Mon 1 Jun 2026\)/,
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "preferences-unsubscribed");
    await drainStream();
    expect((await applicantState(applicant.applicantId))?.profile.unsubscribedAt).toBeDefined();

    await page.getByRole("button", { name: "Subscribe again" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("status").textContent()).resolves.toContain("You are subscribed again.");
    await expect(page.getByRole("button", { name: "Subscribe again" }).count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "preferences-resubscribed");
    // A second tap (the browser's back and resubmit) records nothing more.
    const again = await fetch(links().preferences, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: "intent=resubscribe",
    });
    expect(await again.text()).toContain("You are already subscribed; nothing changed.");
    await page.close();

    await drainStream();
    const profile = (await applicantState(applicant.applicantId))?.profile;
    expect(profile?.unsubscribedAt).toBeUndefined();
    expect(profile?.resubscribedAt).toBeDefined();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe(STEP2_FIRST_REMINDER_AT);
    await clockTo(STEP2_FIRST_REMINDER_AT);
    expect(await emailsTo(applicant.email)).toHaveLength(1);
    const timeline = await openPage(browser, links(new Date(STEP2_FIRST_REMINDER_AT)).timeline);
    await expect(timeline.getByRole("heading", { name: "Your next emails" }).count()).resolves.toBe(1);
    await timeline.close();
  });
});
