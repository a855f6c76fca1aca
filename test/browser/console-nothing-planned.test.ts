import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { step2Applicant, type TestApplicant } from "#test/integration/support/applicants.ts";
import { HELEN } from "#test/integration/support/console.ts";
import {
  advanceClock,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
} from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * An applicant whose school has no ECFMG sponsor note gets one notice at once, and then nothing:
 * every step waits for the note. Two days later the cohort row named that delivered notice as the
 * "next email", beside the Last email cell saying it was delivered; it now says nothing is planned
 * until the note is granted.
 */
describe("the cohort row of an applicant with nothing left to send", () => {
  let browser: BrowserSession;
  let blocked: TestApplicant;

  beforeAll(async () => {
    await clockTo("2026-12-07T10:00:00Z");
    blocked = step2Applicant();
    blocked.snapshot.applicant.fullName = "Selin Aksoy";
    blocked.snapshot.applicant.advisorEmail = HELEN;
    blocked.snapshot.applicant.timezone = "Europe/Istanbul";
    blocked.snapshot.applicant.medicalSchool = {
      name: "Young Private Faculty of Medicine",
      country: "TR",
      wdomsSponsorNote: false,
    };
    blocked.snapshot.milestones = [{ key: "oet_medicine", status: "scheduled", date: "2027-01-16" }];
    expect((await postWebhook(blocked.snapshot)).status).toBe(202);
    await drainStream();
    await advanceClock("P2D");
    await drainStream();
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says nothing is planned rather than naming the delivered notice as next", async () => {
    const sent = await emailsTo(blocked.email);
    expect(sent.map((email) => email.subject)).toEqual([expect.stringMatching(/sponsor note/)]);
    const console = inject("console");
    const page = await openPage(browser, `${console.url}#/cohort?sort=name`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`^${console.issuer}/authorize`));
    await page.getByLabel("Email").fill(HELEN);
    await page.getByLabel("Password").fill(console.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const row = page.locator("main tbody tr", { hasText: "Selin Aksoy" });
    await row.waitFor({ timeout: 15_000 });
    const next = await row.locator('td[data-label="Next date"]').textContent();
    expect(next).not.toMatch(/next email/);
    expect(next).toContain("Nothing planned until the school's ECFMG sponsor note is granted");
    // Signed up at 1:00 PM in Istanbul, nothing due soon: the gate's notice went at her next slot.
    expect(await row.locator('td[data-label="Last email"]').textContent()).toMatch(/Tue 8 Dec 2026/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-cohort-nothing-planned");
  });
});
