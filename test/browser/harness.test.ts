import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";
import { step2Applicant } from "#test/integration/support/applicants.ts";
import { applicantState, drainStream, postWebhook, stack } from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The shared browser harness, proven on the pages the stack already serves: Debian's Chromium
 * opens the unsubscribe link of a real applicant on the local stack, the page passes axe, a GET
 * changes nothing, and the button unsubscribes. The axe check itself must fail a bad page.
 */
describe("browser harness", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the unsubscribe page, finds it accessible, and a GET changes nothing until the button is pressed", async () => {
    const applicant = step2Applicant();
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    const keys = inject("handlerEnv").LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    const link = unsubscribeUrl(
      stack.api(),
      createUnsubscribeToken(parseKeyring(keys), applicant.applicantId, new Date("2026-06-01T00:00:00Z")),
    );

    const page = await openPage(browser, link);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Stop Matchpath reminders?");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "harness-unsubscribe-confirm");
    expect((await applicantState(applicant.applicantId))?.profile.unsubscribedAt).toBeUndefined();

    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.waitForURL(/unsubscribe/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You are unsubscribed");
    expect((await applicantState(applicant.applicantId))?.profile.unsubscribedAt).toBeDefined();
  });

  it("fails a page with serious accessibility violations, naming the rule", async () => {
    const page = await browser.context.newPage();
    await page.setContent(
      `<!doctype html><html><head><title>bad</title></head><body>
       <p style="color:#bbb;background:#fff">low contrast text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
       </body></html>`,
    );
    await expect(expectNoSeriousA11yViolations(page)).rejects.toThrow(
      /html-has-lang|image-alt|color-contrast/,
    );
    await page.close();
  });
});
