import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const now = new Date("2026-06-01T00:00:00Z");
const BASE = "https://api.example.org";

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const saved: unknown[] = [];
  const api = createHttpApi({
    store,
    clock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    applicantPages: async () => ({
      settings: {
        savePreferences: async (_id, preferences) => void saved.push(preferences),
        revokeFeed: async () => 1,
      },
      planning: domainPlanning,
      keyring: async () => keyring,
      publicBaseUrl: BASE,
    }),
  });
  const links = applicantLinks({ baseUrl: BASE, keyring, applicantId: "a_ada", feedGeneration: 0, now });
  return { store, api, links, saved };
}

function request(method: string, url: string, body?: string) {
  const { pathname, search } = new URL(url);
  return httpEvent({
    method,
    path: pathname,
    query: search.slice(1),
    ...(body === undefined ? {} : { body, headers: { "content-type": "application/x-www-form-urlencoded" } }),
  });
}

function problemOf(response: { headers?: Record<string, unknown>; body?: string }) {
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  return JSON.parse(response.body ?? "") as { status: number; errors?: { path: string }[] };
}

describe("applicant POST routes refuse a repeated field (tester finding 7)", () => {
  it("a Scheduled-for tap with two dates is a 400 naming date, and records nothing", async () => {
    const { api, links, store } = setup();
    const url = links.action("usmle_step2ck", "schedule");
    const response = await api(request("POST", url, "date=2026-12-10&date=2027-06-01"));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((error) => error.path)).toEqual(["date"]);
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
  });

  it("preferences with two delivery times are a 400 naming deliveryTime; categories may repeat", async () => {
    const { api, links, saved } = setup();
    const twice = await api(request("POST", links.preferences, "deliveryTime=07:30&deliveryTime=10:00"));
    expect(twice.statusCode).toBe(400);
    expect(problemOf(twice).errors?.map((error) => error.path)).toEqual(["deliveryTime"]);
    const fine = await api(
      request(
        "POST",
        links.preferences,
        "intent=save&deliveryTime=07:30&quietStart=23:00&quietEnd=07:00&digest=as-due&digestDay=1&categories=exams&categories=visa",
      ),
    );
    expect(fine.statusCode).toBe(200);
    expect(saved).toHaveLength(1);
  });

  it("an unknown preferences intent is a 400 'unknown action' and saves nothing (finding 8)", async () => {
    const { api, links, saved } = setup();
    const response = await api(request("POST", links.preferences, "intent=delete&deliveryTime=07:30"));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((error) => error.path)).toEqual(["intent"]);
    expect(saved).toEqual([]);
  });
});

describe("HEAD wherever GET works (RFC 9110, tester finding 8)", () => {
  it("answers HEAD on the applicant's pages as GET without a body, changing nothing", async () => {
    const { api, links, store } = setup();
    for (const url of [
      links.timeline,
      links.action("usmle_step2ck", "done"),
      links.feed,
      links.preferences,
      `${BASE}/unsubscribe?token=x`,
    ]) {
      const get = await api(request("GET", url));
      const head = await api(request("HEAD", url));
      expect([url, head.statusCode]).toEqual([url, get.statusCode]);
      expect(head.headers?.["content-type"]).toBe(get.headers?.["content-type"]);
      expect(head.body ?? "").toBe("");
    }
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
    const refused = await api(request("HEAD", `${BASE}/intake/webhook`));
    expect(refused.statusCode).toBe(405);
  });
});
