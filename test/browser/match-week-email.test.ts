import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * Match Week in a phone's browser: Monday's email and the timeline give an applicant who did not
 * match a button to say so beside "Matched", both reachable and accessible at 360 px. A Lagos
 * applicant of the 2027 Match, rank order list certified, an hour after NRMP's Monday release.
 */
describe("Match Week's two answers on a phone", () => {
  let browser: BrowserSession;
  const calendar = seasonCalendar(2027);
  const now = new Date(calendar.dates.nrmp_match_week_start_and_soap_start.at + 3_600_000);
  const zone = "Africa/Lagos";
  const milestones: MilestoneEntry[] = rankListCertified2027();
  const profile = profileFactory({ fullName: "Ada Okafor", matchYear: 2027, timezone: zone });
  const plan = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  const question = plan.reminders.find((reminder) => reminder.milestone === "match_week") as Reminder;

  /** The step and action an action link's signed token names (its payload's `m` and `x`). */
  function actionOf(href: string | null): { m: string; x: string } {
    const token = new URL(href ?? "", "https://api.example.org").searchParams.get("token") ?? "";
    const { m, x } = JSON.parse(Buffer.from(token.split(".")[2] ?? "", "base64url").toString()) as {
      m: string;
      x: string;
    };
    return { m, x };
  }

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("Monday's email offers Matched and Not matched: I'm in SOAP, each linking to its own action", async () => {
    expect(question).toBeDefined();
    const email = renderReminderEmail({
      recipientName: "Ada Okafor",
      reminders: [question],
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: zone,
      milestones,
    });
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    // The first item's two answers; the SOAP step in "Your next steps" offers the second again.
    const matched = page.getByRole("link", { name: "Matched", exact: true });
    const inSoap = page.getByRole("link", { name: "Not matched: I'm in SOAP", exact: true }).first();
    await matched.waitFor({ state: "visible" });
    await inSoap.waitFor({ state: "visible" });
    expect(actionOf(await matched.getAttribute("href"))).toEqual({ m: "match_week", x: "done" });
    expect(actionOf(await inSoap.getAttribute("href"))).toEqual({ m: "soap", x: "start" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "match-week-email-360");
    await page.close();
  });

  it("the timeline's Match Week step offers the same two answers", async () => {
    const html =
      timelinePage({
        firstName: "Ada",
        timezone: zone,
        links,
        plan,
        comingReminders: plan.reminders,
        milestones,
      }).body ?? "";
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    // Each button's name ends with its step's title, for a screen reader ("Matched — Match Week: …").
    const matched = page.getByRole("link", { name: /^Matched — Match Week/ });
    const inSoap = page.getByRole("link", { name: /^Not matched: I'm in SOAP — Match Week/ });
    expect(actionOf(await matched.getAttribute("href"))).toEqual({ m: "match_week", x: "done" });
    expect(actionOf(await inSoap.getAttribute("href"))).toEqual({ m: "soap", x: "start" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "match-week-timeline-360", { maxHeight: 1400 });
    await page.close();
  });
});
