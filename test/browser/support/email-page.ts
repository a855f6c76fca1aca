import type { Page } from "playwright-core";
import { expect } from "vitest";
import { allA11yViolations } from "./accessibility.ts";
import type { BrowserSession } from "./chromium.ts";

/**
 * An email's HTML opened in a new page of `browser`, checked as every email is read: no axe
 * violation at all, nothing wider than a phone's 390 px, one level-1 heading. Resolves with the
 * page and the text a reader sees (innerText, the hidden preheader left out, white space folded).
 */
export async function openCheckedEmail(
  browser: BrowserSession,
  html: string,
): Promise<{ page: Page; text: string }> {
  const page = await browser.context.newPage();
  await page.setContent(html, { waitUntil: "load" });
  expect(await allA11yViolations(page)).toEqual([]);
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  await expect(page.getByRole("heading", { level: 1 }).count()).resolves.toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is under test.
  const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
  return { page, text };
}
