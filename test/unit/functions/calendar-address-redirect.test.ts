import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

const now = new Date("2026-06-01T00:00:00Z");

/** The settings port as DynamoDB answers it: a request key rotates once, its repeat answers undefined. */
function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const rotations: string[] = [];
  const api = applicantPagesApi(store, {
    clock: new FixedClock(now),
    settings: {
      revokeFeed: async (_id, _at, key) => {
        if (key !== undefined && rotations.includes(key)) return undefined;
        rotations.push(key ?? "");
        return rotations.length;
      },
    },
  });
  return { api, links: linksSignedAt(now), rotations };
}

/** A browser's request: its form posts accept text/html. */
function request(method: string, url: string, body?: string) {
  return linkRequest(method, url, body, "text/html");
}

describe("Get a new calendar address answers POST/redirect/GET", () => {
  it("the POST rotates once and answers 303 to a page a reload cannot re-POST", async () => {
    const { api, links, rotations } = setup();
    const posted = await api(request("POST", links.preferences, "intent=new-calendar-address"));
    expect(posted.statusCode).toBe(303);
    const location = String(posted.headers?.location ?? "");
    // Relative to the page (keeps any stage prefix), naming the same applicant and token.
    expect(location).toMatch(/^\?applicant=a_ada&token=[^&]+&calendar=new$/);
    expect(rotations).toHaveLength(1);

    const shown = new URL(location, links.preferences).toString();
    for (const _reload of [1, 2]) {
      const page = await api(request("GET", shown));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Your calendar has a new address; the old one no longer works");
      expect(page.body).toMatch(
        /<code>webcal:\/\/api\.example\.org\/calendar\.ics\?applicant=a_ada&amp;token=/,
      );
    }
    expect(rotations).toHaveLength(1);
  });

  it("the same POST again rotates nothing and its page says so", async () => {
    const { api, links, rotations } = setup();
    await api(request("POST", links.preferences, "intent=new-calendar-address"));
    const again = await api(request("POST", links.preferences, "intent=new-calendar-address"));
    expect(again.statusCode).toBe(303);
    const location = String(again.headers?.location ?? "");
    expect(location).toMatch(/&calendar=unchanged$/);
    const page = await api(request("GET", new URL(location, links.preferences).toString()));
    expect(page.body).toContain("already gave you a new calendar address, so nothing changed");
    expect(rotations).toHaveLength(1);
  });

  it("a GET with a made-up notice shows the plain page", async () => {
    const { api, links } = setup();
    const page = await api(request("GET", `${links.preferences}&calendar=bogus`));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("new address");
  });
});
