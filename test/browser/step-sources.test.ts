import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { milestoneFactory, rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * A step card says where its dates come from, on a phone: the Match Day card after SOAP ended names
 * SOAP's end, Match Day and the next season's MyERAS opening, all projected, and its details list
 * each projection rule; the email's item says a date is projected and links the timeline's steps.
 * Tunde, Lagos, 2027 Match, list certified, still in SOAP on Sat 20 Mar 2027.
 */
describe("a step card's sources on a phone", () => {
  let browser: BrowserSession;
  const calendar = seasonCalendar(2027);
  const now = new Date("2027-03-20T10:00:00.000Z");
  const zone = "Africa/Lagos";
  const milestones: MilestoneEntry[] = [...rankListCertified2027(), milestoneFactory("soap", "in_progress")];
  const profile = profileFactory({ fullName: "Tunde Bello", matchYear: 2027, timezone: zone });
  const plan = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_tunde",
    feedGeneration: 0,
    now,
  });

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the timeline's Match Day card lists the projection rules of the dates it names", async () => {
    const html =
      timelinePage({
        firstName: "Tunde",
        timezone: zone,
        links,
        plan,
        comingReminders: plan.reminders,
        milestones,
      }).body ?? "";
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const card = page.locator("li", { has: page.getByRole("heading", { name: /^Match Day/ }) }).first();
    await card.getByText("Where these dates come from").click();
    await expect
      .poll(() => card.locator("details li").allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining("Thursday of Match Week"),
          expect.stringContaining("Third Friday of March"),
          expect.stringContaining("First Wednesday of June"),
        ]),
      );
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(page, "step-sources-timeline-360");
    await page.close();
  });

  it("the email's Match Day item says a date is projected and links the timeline's steps", async () => {
    const reminder = plan.reminders.find((each) => each.milestone === "match_day") as Reminder;
    expect(reminder).toBeDefined();
    const email = renderReminderEmail({
      recipientName: "Tunde Bello",
      reminders: [reminder],
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: zone,
      milestones,
    });
    expect(calendar.dates.nrmp_match_day.status).toBe("projected");
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    const note = page.getByText("A date in this step is projected");
    await note.waitFor({ state: "visible" });
    const timeline = note.getByRole("link", { name: "your timeline" });
    expect(await timeline.getAttribute("href")).toBe(`${links.timeline}#next`);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "step-sources-email-360");
    await page.close();
  });
});
