import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linksSignedAt } from "./applicant-pages.ts";
import { httpEvent } from "./events.ts";

const signedAt = new Date("2026-06-01T00:00:00Z");
/** 61 days later: every action (30 days) and timeline/preferences (60 days) link signed then has expired. */
const now = new Date("2026-08-01T00:00:00Z");

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(signedAt);
  return { api, links };
}

/** The page's text, without the shared stylesheet (which styles buttons on every page). */
const mainOf = (body: string | undefined) => /<main[\s\S]*<\/main>/.exec(body ?? "")?.[0] ?? "";

function get(url: string) {
  const { pathname, search } = new URL(url);
  return httpEvent({ method: "GET", path: pathname, query: search.slice(1) });
}

describe("the expired-link page says what the link was", () => {
  it("an expired timeline link is not called a button that could change the plan", async () => {
    const { api, links } = setup();
    const response = await api(get(links.timeline));
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("This timeline link has expired");
    expect(mainOf(response.body)).not.toMatch(/button|change your plan/);
    expect(response.body).toContain("See my whole timeline");
  });

  it("an expired preferences link names the preferences page", async () => {
    const { api, links } = setup();
    const response = await api(get(links.preferences));
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("This preferences link has expired");
    expect(mainOf(response.body)).not.toMatch(/button|change your plan/);
    expect(response.body).toContain("Email preferences");
  });

  it("an expired action button keeps its wording", async () => {
    const { api, links } = setup();
    const response = await api(get(links.action("usmle_step2ck", "done")));
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("Open the same button in your latest Matchpath email");
  });
});
