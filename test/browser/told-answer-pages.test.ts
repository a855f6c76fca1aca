import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linksSignedAt } from "#test/unit/functions/applicant-pages.ts";
import { InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import type { BrowserSession } from "./support/chromium.ts";
import { launchWithApplicantPages } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The pages after a button press in Chromium, served by the real HTTP API in-process through
 * Playwright's routing: they say the answer the applicant gave ("You told us you passed USMLE Step 2
 * CK."), not the step's title read back, and pass every axe rule. Kwame Asante (2027 Match, Accra)
 * taps Done on Step 2 CK, then gives the day of his OET sitting.
 */
describe("the Recorded pages in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2026-06-03T07:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Kwame Asante", matchYear: 2027, timezone: "Africa/Accra" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-12" },
      { key: "ecfmg_application", status: "done", date: "2026-02-09" },
      { key: "usmle_step1", status: "done", date: "2026-04-14" },
    ],
  });
  const links = linksSignedAt(now);

  beforeAll(async () => {
    browser = await launchWithApplicantPages(store, now);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("Done on Step 2 CK: “You told us you passed USMLE Step 2 CK.”", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("usmle_step2ck", "done"));
    await page.getByRole("button", { name: "Yes, mark it done" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Recorded");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You told us you passed USMLE Step 2 CK. Your plan and your next emails will reflect it.",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "told-answer-done");
    await page.close();
  });

  it("Scheduled for… on OET: “You told us your OET Medicine test is on Sat 12 Sep 2026.”", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("oet_medicine", "schedule"));
    await page.getByLabel("Date (your time)").fill("2026-09-12");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Recorded");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You told us your OET Medicine test is on Sat 12 Sep 2026.",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "told-answer-scheduled");
    await page.close();
  });
});
