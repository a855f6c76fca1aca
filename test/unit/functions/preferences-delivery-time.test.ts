import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * Tester s8 issue 14b A1: the preferences page showed 09:00 to an applicant whose intake form set
 * 08:30 (their emails went at 8:30), and saving any other change reset them to 09:00. The page
 * shows the delivery time in effect, so a save that touches something else keeps it.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const now = new Date("2026-06-01T00:00:00Z");
const BASE = "https://api.example.org";

function pageFor(reminderTime: string) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ reminderTime }));
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    applicantPages: async () => ({
      settings: { savePreferences: async () => undefined, revokeFeed: async () => 1 },
      planning: domainPlanning,
      keyring: async () => keyring,
      publicBaseUrl: BASE,
    }),
  });
  const { pathname, search } = new URL(
    applicantLinks({ baseUrl: BASE, keyring, applicantId: "a_ada", feedGeneration: 0, now }).preferences,
  );
  return api(httpEvent({ method: "GET", path: pathname, query: search.slice(1) }));
}

describe("the preferences page shows the delivery time in effect", () => {
  it.each([
    ["08:30", "08:30"],
    // Inside the default quiet hours (21:00-08:00): the planner moves it to their end, and says so here.
    ["07:15", "08:00"],
  ])("an intake's reminderTime %s shows as %s", async (reminderTime, shown) => {
    const page = await pageFor(reminderTime);
    expect(page.statusCode).toBe(200);
    expect(String(page.body)).toMatch(new RegExp(`id="deliveryTime"[^>]*value="${shown}"`));
  });
});
