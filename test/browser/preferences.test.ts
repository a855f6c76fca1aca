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
    // The form comes back as typed, the wrong field marked and focused, its message beside it.
    const field = page.getByLabel("Delivery time");
    await expect(field.inputValue()).resolves.toBe("23:00");
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.evaluate("document.activeElement?.id")).resolves.toBe("deliveryTime");
    await expect(page.locator("#deliveryTime-error").textContent()).resolves.toMatch(
      /23:00 is inside your quiet hours \(21:00 to 08:00\)/,
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "preferences-refused");
    await drainStream();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toMatch(/T12:30:00.000Z$/);
    await page.close();
  });

  it.each([
    [
      "quiet hours that start and end at the same time",
      { quietStart: "22:00", quietEnd: "22:00" },
      "quietEnd",
      /cannot start and end at the same time \(22:00\)/,
    ],
    [
      "a category the page never offered",
      { categories: "horoscopes" },
      "categories",
      /no category “horoscopes”/,
    ],
    [
      "a time that is not one",
      { deliveryTime: "25:99" },
      "deliveryTime",
      /as hours and minutes, for example 09:00/,
    ],
  ])("refuses %s with 400, naming the field, and saves nothing", async (_case, fields, field, message) => {
    const body = new URLSearchParams({
      intent: "save",
      deliveryTime: "18:00",
      quietStart: "21:00",
      quietEnd: "08:00",
      digest: "as-due",
      digestDay: "1",
    });
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await fetch(linksAt(new Date("2026-08-06T12:30:00Z")).preferences, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`id="${field}-error">[^<]*${message.source}`));
    expect(html).toMatch(/aria-invalid="true"/);
    await drainStream();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toMatch(/T12:30:00.000Z$/);
  });

  it("GET /local/applicants/:id/links signs the applicant's page links locally, as an email would", async () => {
    const response = await fetch(`${stack.api()}/local/applicants/${applicant.applicantId}/links`);
    expect(response.status).toBe(200);
    const links = (await response.json()) as { timeline: string; preferences: string; calendar: string };
    expect(links.calendar).toMatch(/^webcal:\/\//);
    const timeline = await fetch(links.timeline);
    expect(timeline.status).toBe(200);
    expect(await timeline.text()).toContain("timeline");
    expect((await fetch(`${stack.api()}/local/applicants/nobody/links`)).status).toBe(404);
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
    const replacedPage = await replaced.text();
    expect(replacedPage).toMatch(/calendar address was replaced[\s\S]*See my whole timeline/);
    // Tested against behaviour: the timeline link of an email sent before the
    // change, which the page points to, still opens and shows an address that works.
    const timeline = await openPage(browser, old.timeline);
    const shown = await timeline.locator("#calendar ~ p code").textContent();
    expect(shown).not.toBe(old.feed);
    expect((await fetch(shown ?? "")).status).toBe(200);
    await timeline.close();
    expect((await fetch(linksAt(new Date("2026-08-06T12:30:00Z"), 1).feed)).status).toBe(200);
    // The same tap again (a double tap, or a reload re-POSTing the form)
    // shows the same new address and retires nothing: the address the first tap gave still works.
    const firstAddress = await page.locator("[role=status] code").textContent();
    await page.reload({ waitUntil: "load" });
    const again = await fetch(old.preferences, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: "intent=new-calendar-address",
    });
    expect(again.status).toBe(200);
    const againPage = await again.text();
    expect(againPage).toContain("already gave you a new calendar address, so nothing changed");
    // Each link carries its own nonce, so the text differs; both must be the same (working) address.
    const againAddress = /<code>([^<]*)/.exec(againPage)?.[1]?.replaceAll("&amp;", "&") ?? "";
    for (const address of [firstAddress ?? "", againAddress]) {
      expect((await fetch(address.replace(/^webcal:/, "http:"))).status).toBe(200);
    }
    expect((await fetch(linksAt(new Date("2026-08-06T12:30:00Z"), 1).feed)).status).toBe(200);
    await page.screenshot({ path: "test-results/preferences-new-address-repeated.png", fullPage: true });
    await page.close();
  });
});
