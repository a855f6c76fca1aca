import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../shared/cli/plan.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * `npm run plan -- <snapshot> --emails <dir>` as a person reads it: the index opened in Chromium
 * from disk, every axe rule clean, its link to an email followed; that email then checked as every
 * email is (every axe rule, a phone's 390 px, one heading). Lucía (Lima, J-1, a virtual interview on
 * Wed 13 Jan 2027), planned on Tue 5 Jan 2027 at 9:00 there.
 */
const FIXTURE = new URL("../fixtures/cli-tomorrow/lima-interview-ahead.json", import.meta.url);
const NOW = "2027-01-05T09:00:00-05:00";

describe("the email preview, in a browser", () => {
  let browser: BrowserSession;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "matchpath-emails-"));
    const code = await runCli(["lima.json", "--now", NOW, "--emails", dir, "--count", "4"], {
      readFile: () => readFileSync(FIXTURE, "utf8"),
      now: () => new Date(NOW),
      out: () => {},
      err: (text) => {
        throw new Error(text);
      },
    });
    expect(code).toBe(0);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the index from disk, clean to every axe rule, and its link opens the email", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(pathToFileURL(join(dir, "index.html")).href, { waitUntil: "load" });
    expect(await allA11yViolations(page)).toEqual([]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Emails Matchpath would send Lucía Quispe",
    );
    // One row per email, in the order they go.
    await expect(page.locator("tbody tr").count()).resolves.toBe(4);
    await saveScreenshot(page, "email-preview-index");
    await page.getByRole("link", { name: /starts tomorrow/ }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toBe(pathToFileURL(join(dir, "02-2027-01-12-interview-prep-1d.html")).href);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is under test.
    expect(await page.locator("body").innerText()).toContain("Example Internal Medicine Program");
    await page.close();
  });

  it("the day-before email, as the applicant reads it on a phone", async () => {
    const html = readFileSync(join(dir, "02-2027-01-12-interview-prep-1d.html"), "utf8");
    const { page, text } = await openCheckedEmail(browser, html);
    expect(text).toContain("Example Internal Medicine Program");
    expect(
      await page
        .getByRole("link", { name: /timeline/i })
        .first()
        .getAttribute("href"),
    ).toMatch(/^https:\/\/matchpath\.example\/timeline\?/);
    await saveScreenshot(page, "email-preview-email");
    await page.close();
  });
});
