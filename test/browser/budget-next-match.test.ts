import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { demoApplicants } from "#local/demo-applicants.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { SCREENSHOT_DIR, saveScreenshot } from "./support/screenshots.ts";

/**
 * The demo's Chiamaka Okafor (H-1B, Step 3 not taken) once her 2027 Match is over, on a 390 px
 * phone: the budget lists the 2028 Match's fees as estimates, with when each falls due, and the
 * table still fits ("Still to pay $0").
 */
describe("a season-over budget on a phone", () => {
  let browser: BrowserSession;
  const now = new Date("2027-04-01T10:00:00Z");
  const found = demoApplicants("b").find((each) => each.snapshot.applicant.fullName.startsWith("Chiamaka"));
  if (found === undefined) throw new Error("no demo applicant Chiamaka");
  const { applicant, interviews } = found.snapshot;
  // She interviews for 2027: with NRMP unreported she would be asked whether she ranked;
  // this page is the season-over budget, so she reports the registration she never made.
  const milestones = [
    ...found.snapshot.milestones,
    { key: "nrmp_registration" as const, status: "not_started" as const },
  ];
  const planned = plan({ applicant, milestones, interviews }, seasonCalendar(2027), now);
  const html =
    timelinePage({
      firstName: "Chiamaka",
      timezone: applicant.timezone,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_chiamaka",
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

  it("shows the 2028 Match's fees as estimates and a total still to pay, without scrolling sideways", async () => {
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const budget = page.locator("section[aria-labelledby=budget]");
    expect(
      await budget.locator("tr", { hasText: "USMLE Step 3 exam fee (2028 Match, estimate)" }).count(),
    ).toBe(1);
    const toPay = await budget.locator("tfoot tr", { hasText: "Still to pay" }).textContent();
    expect(toPay).not.toMatch(/\$0$/);
    expect(await budget.locator("caption").textContent()).toContain('"2028 Match, estimate"');
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await budget.scrollIntoViewIfNeeded();
    await saveScreenshot(page, "budget-next-match-390");
    await budget.screenshot({ path: join(SCREENSHOT_DIR, "budget-next-match-390-table.png") });
    await page.close();
  });
});
