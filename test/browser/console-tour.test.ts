import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { step2Applicant, type TestApplicant } from "#test/integration/support/applicants.ts";
import { HELEN } from "#test/integration/support/console.ts";
import { applicantState, clockTo, drainStream, postWebhook } from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The console a few weeks into a season, as the README shows it (docs/screenshots/console-*.png
 * are copied from this file's `readme-console-*.png`): reminders have gone out and SES reported
 * them delivered, the advisor resends a notice, and a what-if adds an interview and is saved.
 * Each page is checked for what it must show and with axe-core.
 */
describe("the advisor's console after reminders went out", () => {
  let browser: BrowserSession;
  let page: Page;
  let amara: TestApplicant;

  async function post(fullName: string, visa: "J-1" | "H-1B"): Promise<TestApplicant> {
    const applicant = step2Applicant();
    applicant.snapshot.applicant.advisorEmail = HELEN;
    applicant.snapshot.applicant.fullName = fullName;
    applicant.snapshot.applicant.visa = visa;
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    return applicant;
  }

  async function heading(text: string | RegExp): Promise<void> {
    await page.locator("main h1", { hasText: text }).waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    amara = await post("Amara Nwosu", "J-1");
    await post("Farhan Qureshi", "H-1B");
    await post("Lina Haddad", "J-1");
    await drainStream();
    // The Step 2 CK reminders go out on 6 August; the local SES reports each one delivered.
    await clockTo("2026-08-07T00:00:00Z");
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each applicant's last email as delivered in the cohort", async () => {
    const console = inject("console");
    page = await openPage(browser, console.url);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(HELEN);
    await page.getByLabel("Password").fill(console.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("Cohort");
    const row = page.locator("main tbody tr", { hasText: "Amara Nwosu" });
    await expect(row.textContent()).resolves.toContain("delivered");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "readme-console-cohort");
  });

  it("resends the latest notice and shows the ledger's outcomes and the domain events", async () => {
    await page.getByRole("link", { name: "Amara Nwosu" }).click();
    await heading("Amara Nwosu");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Resend the latest notice" }).click();
    await page.getByText("Resent the latest notice").waitFor({ timeout: 15_000 });
    const ledger = await page.locator("main section", { hasText: "Notice ledger" }).textContent();
    expect(ledger).toContain("delivered");
    // The reminder that went out is in the ledger once, not also listed as still scheduled.
    const scheduled = await page
      .locator("main section", { hasText: "Notice ledger" })
      .locator("tr", { hasText: "scheduled" })
      .allTextContents();
    expect(scheduled.some((row) => row.includes("(due-in-14d)") && row.includes("USMLE Step 2 CK"))).toBe(
      false,
    );
    const events = await page.locator("main section", { hasText: "Domain events" }).textContent();
    expect(events).toContain("ReminderSent");
    const audit = await page.locator("main section", { hasText: "Console actions (audit)" }).textContent();
    expect(audit).toContain("notice.resend");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "readme-console-applicant");
  });

  it("adds an interview in a what-if, shows the difference, and saves it as the advisor's", async () => {
    await page.getByRole("link", { name: "Try a what-if" }).click();
    await heading(/^What if/);
    await page.getByLabel("Change").selectOption("interview");
    await page.getByLabel("Program", { exact: true }).fill("Mercy Hospital Internal Medicine");
    // The program's local time: the form works out Chicago's -06:00 on that date.
    await page.getByLabel("Starts at (the program's local time)").fill("2026-11-02T09:00");
    await page.getByLabel("Program's time zone").selectOption("America/Chicago");
    await page.getByRole("button", { name: "Show the difference" }).click();
    await page.getByRole("heading", { name: "Difference" }).waitFor();
    const result = await page.locator("#what-if-result").textContent();
    expect(result).toContain("Mercy Hospital Internal Medicine");
    expect(await page.locator("#what-if-result input[name=changes]").getAttribute("value")).toContain(
      '"startsAt":"2026-11-02T09:00:00-06:00"',
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "readme-console-what-if");
    expect((await applicantState(amara.applicantId))?.interviews).toEqual([]);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Save as a milestone.update" }).click();
    await page.getByText("Saved the what-if").waitFor({ timeout: 15_000 });
    const interviews = (await applicantState(amara.applicantId))?.interviews ?? [];
    expect(interviews.map(({ program, timezone }) => ({ program, timezone }))).toEqual([
      { program: "Mercy Hospital Internal Medicine", timezone: "America/Chicago" },
    ]);
  });
});
