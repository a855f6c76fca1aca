import type { BrowserContext } from "playwright-core";
import type { createHttpApi } from "../../../functions/http-api/app.ts";
import { applicantPagesApi, PUBLIC_BASE_URL } from "../../unit/functions/applicant-pages.ts";
import { httpEvent } from "../../unit/functions/events.ts";
import { FixedClock, type InMemoryApplicantStore } from "../../unit/usecases/fakes.ts";
import { type BrowserSession, launchChromium } from "./chromium.ts";

/**
 * Serves every request the browser makes under `base` from the real HTTP API running in this
 * process (its own headers, CSP included), through Playwright's routing: no server, no port.
 */
export async function routeToApi(
  context: BrowserContext,
  base: string,
  api: ReturnType<typeof createHttpApi>,
): Promise<void> {
  await context.route(`${base}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const body = request.postDataBuffer();
    const response = await api(
      httpEvent({
        method: request.method(),
        path: url.pathname,
        query: url.search.slice(1),
        headers: await request.allHeaders(),
        ...(body ? { body } : {}),
      }),
    );
    await route.fulfill({
      status: response.statusCode ?? 200,
      headers: response.headers as Record<string, string>,
      body: response.body ?? "",
    });
  });
}

/** Chromium with the applicant's pages (links, Done, Scheduled for…) served in-process from `store` at `now`. */
export async function launchWithApplicantPages(
  store: InMemoryApplicantStore,
  now: Date,
): Promise<BrowserSession> {
  const browser = await launchChromium();
  await routeToApi(
    browser.context,
    PUBLIC_BASE_URL,
    applicantPagesApi(store, { clock: new FixedClock(now) }),
  );
  return browser;
}
