import { Logger } from "@aws-lambda-powertools/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../functions/http-api/app.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { routeToApi } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The one-click unsubscribe pages in Chromium (unstyled, axe's landmark-one-main and
 * region): served by the real HTTP API in-process with their own headers (CSP included) through
 * Playwright's routing, checked with every axe rule, best practices included, and tapped through.
 */
describe("unsubscribe pages in a browser", () => {
  let browser: BrowserSession;
  const keyring = parseKeyring(`k1=${"u".repeat(40)}`);
  const now = new Date("2030-01-01T00:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => keyring },
    logger: new Logger({ logLevel: "SILENT" }),
  });
  const base = "https://api.example.org";

  beforeAll(async () => {
    browser = await launchChromium();
    await routeToApi(browser.context, base, api);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("confirms, unsubscribes on the tap, and every page passes every axe rule", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(unsubscribeUrl(base, createUnsubscribeToken(keyring, "a_ada", now)));
    expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Stop Matchpath reminders?",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    // Kept per address: the page says every reminder to it stops, whoever it is about.
    await expect(page.locator("main").textContent()).resolves.toContain(
      "including any about another sign-up that uses the same address",
    );
    // The page's own stylesheet applies (the CSP allows it by hash): the button is the accent colour.
    const button = page.getByRole("button", { name: "Unsubscribe" });
    await expect(
      button.evaluate(
        (element) =>
          (
            globalThis as unknown as { getComputedStyle(node: unknown): { backgroundColor: string } }
          ).getComputedStyle(element).backgroundColor,
      ),
    ).resolves.toBe("rgb(11, 87, 164)");
    await saveScreenshot(page, "unsubscribe-confirm");
    expect(store.state("a_ada").profile.unsubscribedAt).toBeUndefined();
    await button.click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("You are unsubscribed");
    expect(await allA11yViolations(page)).toEqual([]);
    expect(store.state("a_ada").profile.unsubscribedAt).toBe(now.toISOString());
    await page.close();
  });

  it("the same link opened again says the address is unsubscribed already and offers the way back", async () => {
    const page = await browser.context.newPage();
    await page.goto(unsubscribeUrl(base, createUnsubscribeToken(keyring, "a_ada", now)));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "You are already unsubscribed",
    );
    const main = page.locator("main");
    await expect(main.textContent()).resolves.toMatch(
      /This email address is unsubscribed \(since \w{3} \d+ \w{3} 20\d\d\): Matchpath sends it no reminders, so nothing was changed\./,
    );
    await expect(main.textContent()).resolves.toMatch(/Email preferences[\s\S]*Subscribe again/);
    await expect(page.getByRole("button", { name: "Unsubscribe" }).count()).resolves.toBe(0);
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "unsubscribe-again");
    expect(store.state("a_ada").profile.unsubscribedAt).toBe(now.toISOString());
    await page.close();
  });

  it("a tampered link gets the 401 page, which passes every axe rule", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${base}/unsubscribe?token=forged`);
    expect(response?.status()).toBe(401);
    expect(await allA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
