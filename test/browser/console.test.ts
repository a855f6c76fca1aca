import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { step2Applicant, type TestApplicant } from "#test/integration/support/applicants.ts";
import { DANIEL, HELEN } from "#test/integration/support/console.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
} from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The advisor's console as an advisor uses it, in Debian's Chromium: sign in through the local
 * OpenID Connect issuer's form, see the cohort, open an applicant, run a what-if, pause reminders
 * and watch the next clock move send nothing, and be refused another advisor's applicant. Every
 * page passes axe-core.
 */
describe("advisor's console in the browser", () => {
  let browser: BrowserSession;
  let page: Page;
  let mine: TestApplicant;
  let second: TestApplicant;
  let theirs: TestApplicant;

  async function post(
    advisorEmail: string,
    fullName: string,
    visa: "J-1" | "H-1B" = "J-1",
    interviews: ApplicantSnapshot["interviews"] = [],
  ): Promise<TestApplicant> {
    const applicant = step2Applicant();
    applicant.snapshot.interviews = interviews;
    applicant.snapshot.applicant.advisorEmail = advisorEmail;
    applicant.snapshot.applicant.fullName = fullName;
    applicant.snapshot.applicant.visa = visa;
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    return applicant;
  }

  /** The main region's heading once htmx swapped a fragment in. */
  async function heading(text: string | RegExp): Promise<void> {
    await page.locator("main h1", { hasText: text }).waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    mine = await post(HELEN, "Amara Okeke");
    second = await post(HELEN, "Rahul Menon", "H-1B", [
      {
        id: "iv_mayo",
        program: "Mayo Clinic IM",
        startsAt: "2026-10-20T09:00:00-05:00",
        timezone: "America/Chicago",
        format: "virtual",
      },
    ]);
    theirs = await post(DANIEL, "Lucia Fernandes");
    await drainStream();
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs in through the local issuer and shows only the advisor's cohort", async () => {
    const console = inject("console");
    page = await openPage(browser, console.url);
    // Nobody is signed in yet: nothing to sign out of.
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`^${console.issuer}/authorize`));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Email").fill(HELEN);
    await page.getByLabel("Password").fill(console.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/console#\/cohort$/);
    await heading("Cohort");
    expect(await page.locator("#who").textContent()).toBe(HELEN);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    // The used authorization code and state stay nowhere in the tab.
    expect(await page.evaluate("JSON.stringify({ ...sessionStorage })")).not.toMatch(/code=|state=/);
    const names = await page.locator("main tbody tr td:first-child a").allTextContents();
    expect(names).toContain("Amara Okeke");
    expect(names).toContain("Rahul Menon");
    expect(names).not.toContain("Lucia Fernandes");
    // Next date names each step as the console does, never by the applicant's "your" title.
    const nextDates = await page.locator('main tbody td[data-label="Next date"]').allTextContents();
    expect(nextDates.length).toBeGreaterThan(0);
    for (const cell of nextDates) expect(cell.replace(/“[^”]*”/g, "")).not.toMatch(/\byour\b/i);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-cohort");
  });

  it("filters the cohort by risk", async () => {
    await page.getByLabel("Risk").selectOption("any");
    await page.getByRole("button", { name: "Apply" }).click();
    // The swapped-in fragment is the one that has the filter selected.
    await page
      .locator('main select[name="risk"] option[value="any"][selected]')
      .waitFor({ state: "attached" });
    const rows = page.locator("main tbody tr");
    const risks = await rows.locator("td:nth-child(5)").allTextContents();
    expect(risks.length).toBeGreaterThan(0);
    for (const cell of risks) expect(cell).not.toBe("none");
    // The H-1B applicant has no Step 3 yet: a risk.
    expect(await rows.locator("td:first-child a").allTextContents()).toContain("Rahul Menon");
    await page.evaluate(`window.location.hash = "#/cohort?sort=name"`);
    await page
      .locator('main select[name="sort"] option[value="name"][selected]')
      .waitFor({ state: "attached" });
  });

  it("opens an applicant: timeline, risks, budget, notices, intake and audit", async () => {
    await page.getByRole("link", { name: "Amara Okeke" }).click();
    await heading("Amara Okeke");
    for (const section of [
      "Timeline",
      "Risks",
      "Budget",
      "Notice ledger",
      "Intake submissions received",
      "Console actions (audit)",
    ]) {
      await expect(page.getByRole("heading", { name: section }).count()).resolves.toBeGreaterThan(0);
    }
    expect(await page.locator("main").textContent()).toContain("USMLE Step 2 CK");
    expect(await page.locator("main").textContent()).toContain("webhook");
    // The budget's sentences are Amara's own timeline's, quoted as what she reads.
    expect(await page.locator("main caption").first().textContent()).toMatch(/^What Amara Okeke reads: “/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-applicant");
  });

  it("runs a what-if and shows the difference without saving it", async () => {
    const before = await applicantState(mine.applicantId);
    await page.getByRole("link", { name: "Try a what-if" }).click();
    await heading(/^What if/);
    await page.getByLabel("Change").selectOption("milestone");
    // "waived" is offered only for a step an applicant may skip.
    const waived = page.locator('#f-status option[value="waived"]');
    await page.getByLabel("Milestone").selectOption("research");
    await expect(waived.isDisabled()).resolves.toBe(false);
    await page.getByLabel("Milestone").selectOption("usmle_step2ck");
    await expect(waived.isDisabled()).resolves.toBe(true);
    await page.getByLabel("Status").selectOption("scheduled");
    await page.getByLabel("Date").fill("2026-10-15");
    await page.getByRole("button", { name: "Show the difference" }).click();
    await page.getByRole("heading", { name: "Difference" }).waitFor();
    const result = await page.locator("#what-if-result").textContent();
    expect(result).toContain("Reminders");
    expect(result).toContain("Budget");
    await expect(page.getByRole("button", { name: "Save as a milestone.update" }).count()).resolves.toBe(1);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-what-if");
    expect(await applicantState(mine.applicantId)).toEqual(before);
  });

  it("shows a visa switch's leaving steps neutrally: 'step removed' muted, not struck through", async () => {
    const before = await applicantState(mine.applicantId);
    await page.getByLabel("Change").selectOption("visa");
    await page.getByLabel("Visa").selectOption("H-1B");
    await page.getByRole("button", { name: "Show the difference" }).click();
    const removed = page.locator("#what-if-result td span", { hasText: /^step removed$/ }).first();
    await removed.waitFor({ timeout: 15_000 });
    // Read in the page (a string: the tests' own TypeScript has no DOM library).
    const computed = (property: string) =>
      page.evaluate(`getComputedStyle(document.querySelector("#what-if-result td span.muted")).${property}`);
    await expect(removed.getAttribute("class")).resolves.toBe("muted");
    await expect(computed("textDecorationLine")).resolves.toBe("none");
    // --muted (#555), not --critical's red.
    await expect(computed("color")).resolves.toBe("rgb(85, 85, 85)");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-what-if-visa-switch");
    expect(await applicantState(mine.applicantId)).toEqual(before);
  });

  it("shows a Match-year switch's steps done for 2027 as done, to redo for 2028", async () => {
    await page.getByLabel("Change").selectOption("matchYear");
    await page.getByLabel("Match year").fill("2028");
    await page.getByRole("button", { name: "Show the difference" }).click();
    const redo = page.locator("#what-if-result tr", { hasText: "(done for 2027; redo for 2028)" }).first();
    await redo.waitFor({ timeout: 15_000 });
    await expect(redo.locator("td").nth(1).textContent()).resolves.toBe("done");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-what-if-match-year-switch");
  });

  it("fills in an interview's program, local start, zone and format when it is chosen to move", async () => {
    await page.evaluate(`location.hash = "#/applicants/${second.applicantId}/what-if"`);
    await heading("What if: Rahul Menon");
    await page.getByLabel("Change").selectOption("interview");
    await page.getByLabel("Interview (to move)").selectOption("iv_mayo");
    await expect(page.getByLabel("Program", { exact: true }).inputValue()).resolves.toBe("Mayo Clinic IM");
    await expect(page.locator("#f-startsAt").inputValue()).resolves.toBe("2026-10-20T09:00");
    await expect(page.locator("#f-timezone").inputValue()).resolves.toBe("America/Chicago");
    await expect(page.locator("#f-format").inputValue()).resolves.toBe("virtual");
    await page.locator("#f-format").selectOption("in_person");
    await page.getByRole("button", { name: "Show the difference" }).click();
    const row = page.locator("#what-if-result tr", { hasText: "(virtual → in-person)" }).first();
    await row.waitFor({ timeout: 15_000 });
    // Only the format changed: the time stays 9:00 in Chicago (10:00 AM ET), never 9:00 in New York.
    await expect(row.textContent()).resolves.not.toContain("9:00 AM ET");
    await page.getByLabel("Interview (to move)").selectOption("");
    await expect(page.getByLabel("Program", { exact: true }).inputValue()).resolves.toBe("");
    await page.evaluate(`location.hash = "#/applicants/${mine.applicantId}/what-if"`);
    await heading("What if: Amara Okeke");
  });

  it("pauses reminders, and the next clock move sends the applicant nothing", async () => {
    await page.getByRole("link", { name: /^Back to Amara Okeke/ }).click();
    await heading("Amara Okeke");
    await page.getByRole("button", { name: "Pause reminders" }).click();
    await page.getByRole("button", { name: "Resume reminders" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("reminders.pause");
    await drainStream();
    // Step 2 CK on 20 Aug 2026: its first reminder falls due on 6 Aug.
    await clockTo("2026-08-07T00:00:00Z");
    expect(await emailsTo(mine.email)).toEqual([]);
    // The other applicant of the same advisor was not paused, so the clock move did reach the mailer.
    expect((await emailsTo(second.email)).length).toBeGreaterThan(0);
    // The ledger says what the pause held back, when, and why.
    await page.getByRole("link", { name: "Back to the cohort" }).click();
    await heading("Cohort");
    await page.getByRole("link", { name: "Amara Okeke" }).click();
    await heading("Amara Okeke");
    const cancelled = await page
      .locator("main section", { hasText: "Notice ledger" })
      .locator("tr", { hasText: "cancelled" })
      .allTextContents();
    expect(
      cancelled.some(
        (row) => row.includes("USMLE Step 2 CK") && row.includes("reminders paused by an advisor"),
      ),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it("refuses another advisor's applicant (403), in the page and over the API", async () => {
    await page.evaluate(`window.location.hash = "#/applicants/${theirs.applicantId}"`);
    await heading("Forbidden");
    expect(await page.locator("main").textContent()).not.toContain("Lucia Fernandes");
    // The shell's own token, sent as the shell sends it (the DOM types are not in this project's lib).
    const status = await page.evaluate(`(async () => {
      const token = sessionStorage.getItem("matchpath.console.token");
      const response = await fetch("/console/applicants/${theirs.applicantId}", { headers: { Authorization: "Bearer " + token } });
      return response.status;
    })()`);
    expect(status).toBe(403);
    await expectNoSeriousA11yViolations(page);
  });
});
