import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linksSignedAt } from "#test/unit/functions/applicant-pages.ts";
import { InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import type { BrowserSession } from "./support/chromium.ts";
import { launchWithApplicantPages } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * Match Day's Done in Chromium for an applicant in SOAP: her email asked whether she accepted a
 * SOAP offer, so the page asks that and records the accepted offer, not "where you matched".
 * Priya Raman (2027 Match, Chicago) told us "Not matched: I'm in SOAP" on Monday.
 */
describe("Match Day's Done in SOAP, in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2027-03-19T16:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Priya Raman", matchYear: 2027, timezone: "America/Chicago" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-10" },
      { key: "ecfmg_application", status: "done", date: "2026-02-10" },
      { key: "usmle_step1", status: "done", date: "2026-04-10" },
      { key: "usmle_step2ck", status: "done", date: "2026-08-10" },
      { key: "ecfmg_certification", status: "done", date: "2026-09-01" },
      { key: "nrmp_registration", status: "done", date: "2026-09-20" },
      { key: "rank_order_list", status: "done", date: "2027-02-20" },
      { key: "soap", status: "in_progress", date: "2027-03-15" },
    ],
  });
  const links = linksSignedAt(now);

  beforeAll(async () => {
    browser = await launchWithApplicantPages(store, now);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks whether she accepted a SOAP offer and says that is what it recorded", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("match_day", "done"));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Did you accept a SOAP offer in R3?",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "soap-match-day-done-confirm");
    await page.getByRole("button", { name: "Yes, I accepted a SOAP offer" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Recorded");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You accepted a SOAP offer: your plan now follows that position.",
    );
    await expect(page.locator("main").textContent()).resolves.not.toContain("where you matched");
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "soap-match-day-done-recorded");
    expect(store.state("a_ada").milestones.find((entry) => entry.key === "match_day")?.status).toBe("done");
    await page.close();
  });
});
