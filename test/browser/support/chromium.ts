import { accessSync, constants } from "node:fs";
import { type Browser, type BrowserContext, type BrowserServer, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The browser layer's shared Chromium (test/browser/support/global-setup.ts). */
    chromiumWsEndpoint: string;
  }
}

/**
 * Debian's Chromium driven by playwright-core. No browser is downloaded: the binary comes from the
 * distribution (`apt-get install chromium`, which `.ci/ensure-chromium.sh` does on CI), at
 * /usr/bin/chromium unless CHROMIUM_PATH names another.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Flags for a headless run on a CI machine: no sandbox (root in a container), no network chatter. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The error every browser test reports when Chromium is missing: how to install it. */
export function missingChromiumMessage(path = CHROMIUM_PATH): string {
  return (
    `Chromium is missing at ${path}: the browser tests need Debian's Chromium. ` +
    "Install it with `sudo apt-get install chromium` (CI does this in .ci/ensure-chromium.sh), " +
    "or set CHROMIUM_PATH to a Chromium binary."
  );
}

/** Throws {@link missingChromiumMessage} unless the Chromium binary exists and is executable. */
export function assertChromiumInstalled(path = CHROMIUM_PATH): void {
  try {
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new Error(missingChromiumMessage(path), { cause: error });
  }
}

export interface BrowserSession {
  /** A fresh browser context (its own cookies, cache, storage and service workers), shared by nothing else. */
  context: BrowserContext;
  /** Closes the context and lets go of the browser. */
  close(): Promise<void>;
}

/**
 * Launches the one Chromium the browser layer shares (in its global setup): each test file
 * connects to it and works in contexts of its own. A launch costs ~1.3 CPU seconds and a few seconds
 * of wall time on a loaded machine; once per layer instead of once per file.
 */
export async function launchChromiumServer(): Promise<BrowserServer> {
  assertChromiumInstalled();
  return chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/** The shared Chromium's endpoint, provided by the browser layer's global setup (undefined elsewhere). */
function sharedEndpoint(): string | undefined {
  try {
    return inject("chromiumWsEndpoint");
  } catch {
    return undefined;
  }
}

/**
 * A fresh browser context (no test sees another's cookies, cache or service workers) on the
 * browser layer's shared Chromium, or on a Chromium of its own when none is shared. The viewport
 * defaults to a phone's (390×844), the size most applicants read their email on; pass `viewport`
 * for a desktop one.
 */
export async function launchChromium(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  assertChromiumInstalled();
  const endpoint = sharedEndpoint();
  const browser: Browser = endpoint
    ? await chromium.connect(endpoint, { timeout: 30_000 })
    : await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: 30_000,
      });
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 390, height: 844 },
      locale: "en-US",
    });
    return {
      context,
      async close() {
        await context.close();
        // Disconnects from the shared Chromium (which the global teardown closes), or closes our own.
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens `url` in a new page and waits for it to load. Fails when the response is not `expectStatus`
 * (default: any 2xx) or when the page logs a console error (a blocked resource, a CSP violation).
 * `viewport` sizes the page before it loads (instead of the context's size).
 */
export async function openPage(
  session: BrowserSession,
  url: string,
  options: { expectStatus?: number; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await session.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response) throw new Error(`No response for ${url}`);
  const status = response.status();
  const expected = options.expectStatus;
  if (expected === undefined ? status < 200 || status >= 300 : status !== expected) {
    throw new Error(`${url} answered ${status}, expected ${expected ?? "2xx"}`);
  }
  // Chromium logs the document's own error status as a console error; that one was expected.
  const unexpected = consoleErrors.filter(
    (text) => !(expected !== undefined && text.includes(`status of ${expected}`)),
  );
  if (unexpected.length > 0) {
    throw new Error(`${url} logged console errors:\n${unexpected.join("\n")}`);
  }
  return page;
}
