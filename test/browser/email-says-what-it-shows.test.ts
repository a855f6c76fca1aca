import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  rankListCertified2027,
} from "#test/unit/domain/factories.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * What an email shows matches what it says, on a phone: a SOAP email to an H-1B applicant whose
 * Step 3 line says "your budget lists its fee apart" carries the budget; an early starter's first
 * email lists Step 1 with no "Scheduled for…" while ECFMG has not approved the application. Both at
 * 360 px, accessible (axe), no sideways scroll.
 */
const links = (now: Date) =>
  applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_luz",
    feedGeneration: 0,
    now,
  });

function emailAt(planned: Plan, zone: string, milestones: MilestoneEntry[], first: (p: Plan) => string) {
  const at = first(planned);
  return renderReminderEmail({
    recipientName: "Luz Santos",
    reminders: planned.reminders.filter((reminder) => reminder.sendAt === at),
    plan: planned,
    links: links(new Date(planned.now)),
    timezone: zone,
    milestones,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

describe("an email shows what it says, at 360 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a SOAP email naming the budget shows the budget", async () => {
    const zone = "Asia/Manila";
    const milestones = [
      ...rankListCertified2027(),
      milestoneFactory("ecfmg_certification", "done", "2026-11-02"),
    ];
    const planned = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa: "H-1B" }),
        milestones,
      }),
      seasonCalendar(2027),
      new Date("2027-03-15T15:00:00Z"),
    );
    const email = emailAt(
      planned,
      zone,
      milestones,
      (p) =>
        (p.reminders.find((reminder) => reminder.rung === "soap-offer-round") ?? p.reminders[0])?.sendAt ??
        "",
    );
    expect(email.text).toContain("your budget lists its fee apart");
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Your budget" }).waitFor({ state: "visible" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "email-soap-budget-360");
    await page.close();
  });

  it("an early starter's first email offers no Scheduled for… on Step 1", async () => {
    const zone = "Africa/Lagos";
    const milestones = doneMilestones(["wdoms_listing"], "2026-11-20");
    const planned = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2028, graduation: "2026-06-30", timezone: zone }),
        milestones,
      }),
      seasonCalendar(2028),
      new Date("2026-12-06T08:00:00Z"),
    );
    const email = emailAt(planned, zone, milestones, (p) => p.reminders[0]?.sendAt ?? "");
    expect(email.text).toMatch(/Pass USMLE Step 1: [^\n]*once ECFMG approves/);
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    const schedule = links(new Date(planned.now)).action("usmle_step1", "schedule");
    expect(await page.locator(`a[href="${schedule}"]`).count()).toBe(0);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "email-early-starter-360", { maxHeight: 2000 });
    await page.close();
  });
});
