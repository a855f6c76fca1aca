import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linksSignedAt } from "#test/unit/functions/applicant-pages.ts";
import { InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import type { BrowserSession } from "./support/chromium.ts";
import { launchWithApplicantPages } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * A "Scheduled for…" link opened again in Chromium after it recorded a date (too late for the
 * Match): the page says what is recorded, offers no form that would refuse a new day, and its
 * Change the date takes the earlier seat. Bilal Qureshi (2027 Match, Karachi) booked Step 2 CK for
 * 10 Feb, then found a seat on 12 Jan.
 */
describe("a used Scheduled for… link in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2026-12-21T07:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Bilal Qureshi", matchYear: 2027, timezone: "Asia/Karachi" }), {
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

  it("says what is recorded and leads to Change the date, which records the earlier day", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("usmle_step2ck", "schedule"));
    await page.getByLabel("Date (your time)").fill("2027-02-10");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Recorded");

    // The same email's link again.
    await page.goto(links.action("usmle_step2ck", "schedule"));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Already recorded");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You told us your USMLE Step 2 CK exam is on Wed 10 Feb 2027. This link was used to record it, and a link records once, so nothing here changes it.",
    );
    await expect(page.getByRole("button", { name: "Save the date" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Date (your time)").count()).resolves.toBe(0);
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "schedule-link-used");

    await page.getByRole("link", { name: "Change the date" }).click();
    await page.waitForLoadState("load");
    await page.getByLabel("Date (your time)").fill("2027-01-12");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Recorded");
    expect(store.state("a_ada").milestones.find((entry) => entry.key === "usmle_step2ck")).toMatchObject({
      status: "scheduled",
      date: "2027-01-12",
    });
    await page.close();
  });
});
