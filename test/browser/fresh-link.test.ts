import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryMailer,
  profileFactory,
} from "#test/unit/usecases/fakes.ts";
import {
  applicantPagesApi,
  LINK_KEYRING,
  linksSignedAt,
  PUBLIC_BASE_URL,
} from "../unit/functions/applicant-pages.ts";
import { allA11yViolations, expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { routeToApi } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * "Email me a fresh link" in Chromium at 390 px: the expired timeline page
 * offers it, the tap answers "Check your email", the email reads on a phone and its timeline link
 * opens. The real HTTP API in-process (its headers, CSP included) through Playwright's routing.
 */
describe("an expired link's way back, in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2027-05-12T10:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ unsubscribedAt: "2027-02-01T00:00:00.000Z" }));
  const mailer = new InMemoryMailer();
  const base = PUBLIC_BASE_URL;
  const api = applicantPagesApi(store, {
    clock: new FixedClock(now),
    unsubscribeKeyring: LINK_KEYRING,
    freshLinks: async () => ({ ledger: store, mailer }),
  });
  // Her latest email, of 24 Feb 2027: its links expired on 25 Apr.
  const expired = linksSignedAt(new Date("2027-02-24T09:00:00Z"));

  beforeAll(async () => {
    browser = await launchChromium();
    await routeToApi(browser.context, base, api);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the expired page offers one button, the tap answers 'Check your email', and every page passes every axe rule at 390 px", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(expired.timeline);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "This timeline link has expired",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "fresh-link-expired");

    await page.getByRole("button", { name: "Email me a fresh link" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");
    expect(await allA11yViolations(page)).toEqual([]);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "fresh-link-requested");
    expect(mailer.sent).toHaveLength(1);
    await page.close();
  });

  it("the email reads on a phone and its links open her preferences, where Subscribe again is", async () => {
    const email = mailer.sent[0];
    expect(email).toBeDefined();
    const page = await browser.context.newPage();
    await page.setContent(email?.html ?? "", { waitUntil: "load" });
    await expectNoSeriousA11yViolations(page);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "fresh-link-email");
    const preferences = await page.getByRole("link", { name: "Email preferences" }).getAttribute("href");
    await page.close();

    const opened = await browser.context.newPage();
    const response = await opened.goto(preferences ?? "");
    expect(response?.status()).toBe(200);
    await expect(opened.getByRole("button", { name: "Subscribe again" }).count()).resolves.toBe(1);
    await opened.close();
  });
});
