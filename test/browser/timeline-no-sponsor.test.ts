import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * On a 390 px phone, the timeline of an applicant whose school has no ECFMG
 * sponsor note showed the critical message about 7,900 px down, below 22 blocked steps each
 * "Waiting for: wdoms_listing: …". It now leads with the problem and what resolves it, on the
 * first screen, with no internal key anywhere, and passes axe-core.
 */
describe("timeline of a school with no ECFMG sponsor note, on a 390 px phone", () => {
  let browser: BrowserSession;
  const now = new Date("2026-12-01T16:00:00Z");
  const planned = plan(
    {
      applicant: applicantFactory({
        fullName: "Sofia Ruiz",
        timezone: "America/Mexico_City",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2025-07-15",
        medicalSchool: { name: "Unlisted Example University", country: "MX", wdomsSponsorNote: false },
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
      interviews: [],
    },
    seasonCalendar(2027),
    now,
  );
  const html =
    timelinePage({
      firstName: "Sofia",
      timezone: "America/Mexico_City",
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_sofia",
        feedGeneration: 0,
        now,
      }),
      plan: planned,
      comingReminders: planned.reminders.slice(0, 6),
    }).body ?? "";

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("leads with the eligibility problem on the first screen, shows no key, and passes axe", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setContent(html, { waitUntil: "load" });
    const lead = page.locator('section[aria-labelledby="not-eligible"]');
    const box = await lead.boundingBox();
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(844 / 2);
    expect(await lead.textContent()).toContain("What resolves it");
    const text = await page.evaluate("document.body.innerText");
    expect(String(text)).not.toMatch(/wdoms_listing|[a-z0-9]+_[a-z0-9_]+:/);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "timeline-no-sponsor-390", { maxHeight: 844 });
    await page.close();
  });
});
