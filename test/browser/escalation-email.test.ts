import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleApplicantUrl } from "#adapters/ses/escalation-for.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { InMemoryApplicantStore, InMemoryMailer, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { escalationsFor } from "#usecases/escalation.ts";
import { escalationEmail } from "#usecases/escalation-email.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * An advisor's escalation email as a mail client shows it, from a real plan: an applicant whose
 * school has no ECFMG sponsor note. A screen reader announces the email by its title, so it has
 * one (the subject); accessible (axe-core, WCAG 2.1 AA) and readable on a phone.
 */
describe("the advisor's escalation email", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 600, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("carries the subject as its title, passes axe-core, and reads at 360 px", async () => {
    const state = keoni();
    const plan = domainPlanning.plan(state, new Date("2026-12-07T08:00:00Z"));
    const escalation = escalationsFor(state, plan)[0];
    if (escalation === undefined) throw new Error("no escalation");
    const email = await escalationEmail(state, plan, [escalation], "helen.advisor@matchpath.example", deps());
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    expect(await page.title()).toBe(email.subject);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "advisor-escalation-600");
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.close();
  });

  // Two critical risks of one plan went as two emails in the same second; now one, numbered.
  it("carries the risks one plan raises at once in one email: a count as its heading, each risk under it", async () => {
    const state = keoni();
    const plan = domainPlanning.plan(state, new Date("2026-12-07T08:00:00Z"));
    const escalations = escalationsFor(state, plan);
    expect(escalations.length).toBeGreaterThan(1);
    const email = await escalationEmail(state, plan, escalations, "helen.advisor@matchpath.example", deps());
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    expect(await page.title()).toBe(email.subject);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("h2").allTextContents()).toEqual(escalations.map((each) => each.title));
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.close();
  });
});

/** Keoni Lee, whose school has no ECFMG sponsor note, consenting to escalation. */
function keoni() {
  const milestones: MilestoneEntry[] = [{ key: "usmle_step1", status: "done", date: "2026-06-01" }];
  return {
    profile: profileFactory({
      applicantId: "a_keoni",
      fullName: "Keoni Lee",
      medicalSchool: { name: "Unlisted College", country: "NG", wdomsSponsorNote: false },
      advisorEmail: "helen.advisor@matchpath.example",
      escalateToAdvisor: true,
    }),
    milestones,
    interviews: [],
    ledger: [],
  };
}

function deps() {
  const store = new InMemoryApplicantStore();
  const url = (id: string) => consoleApplicantUrl("https://matchpath.example", id);
  return { ledger: store, suppression: store, mailer: new InMemoryMailer(), consoleUrl: url };
}
