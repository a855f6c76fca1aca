import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { step2Applicant, type TestApplicant } from "#test/integration/support/applicants.ts";
import { HELEN } from "#test/integration/support/console.ts";
import { clockTo, drainStream, postWebhook } from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The applicant page in Chromium for a re-applicant and for a critical risk:
 * last season's ERAS work is shown once, as done for an earlier Match, and a risk reads as a plain
 * sentence with its sources in a collapsed "Sources". Checked with axe-core.
 */
describe("the console's applicant page for a re-applicant and a critical risk", () => {
  let browser: BrowserSession;
  let page: Page;
  let reapplicant: TestApplicant;
  let unlisted: TestApplicant;

  beforeAll(async () => {
    // April of the year before her Match, as every applicant here: before the 2026-06-01 the layer's
    // stack starts at, so this move is always backward and only sets the clock. Every other file
    // works from that June onwards; a move forward from there (to April 2027, as this file did)
    // fired every reminder their applicants still had armed, their whole season, on the way.
    await clockTo("2026-04-10T00:00:00Z");
    reapplicant = step2Applicant();
    reapplicant.snapshot.applicant.advisorEmail = HELEN;
    reapplicant.snapshot.applicant.fullName = "Fatima Zahra";
    reapplicant.snapshot.applicant.matchYear = 2027;
    reapplicant.snapshot.milestones = reapplicant.snapshot.milestones.map((entry) =>
      entry.key === "usmle_step2ck"
        ? { key: "usmle_step2ck", status: "done", date: "2025-07-20" }
        : ["eras_token", "eras_application", "nrmp_registration"].includes(entry.key)
          ? { ...entry, date: "2025-09-10" }
          : entry,
    );
    unlisted = step2Applicant();
    unlisted.snapshot.applicant.advisorEmail = HELEN;
    unlisted.snapshot.applicant.fullName = "Omar Haddad";
    unlisted.snapshot.applicant.medicalSchool.wdomsSponsorNote = false;
    // No record that contradicts the missing note (an approved application, a pass or a booked Step
    // is asked about instead): the application under way, neither Step booked, the OET and the
    // Pathway done (their fees paid).
    unlisted.snapshot.milestones = unlisted.snapshot.milestones.map((entry) =>
      entry.key === "ecfmg_application"
        ? { key: entry.key, status: "in_progress" as const }
        : entry.key === "usmle_step1" || entry.key === "usmle_step2ck"
          ? { key: entry.key, status: "not_started" as const }
          : entry,
    );
    for (const applicant of [reapplicant, unlisted])
      expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
    const console = inject("console");
    page = await openPage(browser, `${console.url}#/applicants/${reapplicant.applicantId}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(HELEN);
    await page.getByLabel("Password").fill(console.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows last season's ERAS application once, as done for an earlier Match", async () => {
    await page.locator("main h1", { hasText: "Fatima Zahra" }).waitFor({ timeout: 15_000 });
    const timeline = page.locator("main section", { hasText: "Timeline" }).first();
    const text = (await timeline.textContent()) ?? "";
    expect(text.split("ERAS application").length - 1).toBe(1);
    expect(text).toContain("done 2025-09-10 for an earlier Match; to do again for the 2027 Match");
    const done = await timeline.locator("h3:text('Done') + ul").textContent();
    expect(done).not.toContain("ERAS application");
    expect(done).toContain("USMLE Step 2 CK: done 2025-07-20");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-reapplicant");
  });

  it("reads a critical risk as a sentence, its source behind 'Sources'", async () => {
    await page.getByRole("link", { name: "Back to the cohort" }).click();
    await page.getByRole("link", { name: "Omar Haddad" }).first().click();
    await page.locator("main h1", { hasText: "Omar Haddad" }).waitFor({ timeout: 15_000 });
    const risk = page.locator("#risks + ul > li").first();
    await expect(risk.locator("span.critical").textContent()).resolves.toMatch(
      // Omar paid last season's fees: the sentence names them and promises no refund. The
      // console quotes what the applicant's plan tells them now, in the advisor's voice around it.
      /^critical: .*re-check WDOMS\. Pay no further fee until then\. You have already paid .+: ask .+ what becomes of (?:that money|the fee it took); Matchpath knows of no refund\.(?: .+)?”$/,
    );
    const sources = risk.locator("details.sources");
    expect(await sources.getAttribute("open")).toBeNull();
    expect(await sources.locator("li").first().isVisible()).toBe(false);
    await sources.locator("summary").click();
    await expect(sources.locator("li").first().textContent()).resolves.toBe(
      "https://www.ecfmg.org/resources/medical-school-policy.html",
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "console-risk-sources");
  });
});
