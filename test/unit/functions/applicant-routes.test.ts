import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt, PUBLIC_BASE_URL } from "./applicant-pages.ts";

const now = new Date("2026-06-01T00:00:00Z");

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const saved: unknown[] = [];
  const api = applicantPagesApi(store, {
    clock: new FixedClock(now),
    settings: { savePreferences: async (_id, preferences) => void saved.push(preferences) },
  });
  return { store, api, links: linksSignedAt(now), saved };
}

/** What an API client sends; a browser's form post names text/html. */
const API_CLIENT = "application/problem+json";
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

function problemOf(response: { headers?: Record<string, unknown>; body?: string }) {
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  return JSON.parse(response.body ?? "") as { status: number; errors?: { path: string }[] };
}

// Ada has nothing recorded: her OET, booked with OET itself, offers Scheduled for… (Step 1 and
// Step 2 CK do not until ECFMG approves her application, which FSMB registration needs).
describe("applicant POST routes refuse a repeated field", () => {
  it("a Scheduled-for tap with two dates is a 400 naming date, and records nothing", async () => {
    const { api, links, store } = setup();
    const url = links.action("oet_medicine", "schedule");
    const response = await api(linkRequest("POST", url, "date=2026-12-10&date=2027-06-01", API_CLIENT));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((error) => error.path)).toEqual(["date"]);
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
  });

  it.each([
    ["a browser (Accept text/html)", BROWSER],
    ["a form post without Accept", undefined],
  ])("%s sending a field twice gets the action page again, 400, naming the field", async (_who, accept) => {
    const { api, links, store } = setup();
    const schedule = await api(
      linkRequest(
        "POST",
        links.action("oet_medicine", "schedule"),
        "date=2026-12-10&date=2027-06-01",
        accept,
      ),
    );
    expect(schedule.statusCode).toBe(400);
    expect(schedule.headers?.["content-type"]).toMatch(/^text\/html/);
    expect(schedule.body).toMatch(/role="alert">The date must be sent once\.</);
    expect(schedule.body).toContain('<form method="post"');
    // A step that offers Snooze today: on 1 Jun 2026 Ada's ECFMG application carries the notice
    // of her last day for the 2027 Match (MATCH_YEAR_LAST_DAY, due that day), the last
    // reminder before that day, which a snooze never silences, so it offers none; Step 1's next
    // email this morning is the notice that its target moved with the application (TARGETS_SLIPPED),
    // which no snooze silences either; US clinical experience, whose start-by goes out today, does.
    const snooze = await api(linkRequest("POST", links.action("usce", "snooze"), "days=7&days=30", accept));
    expect(snooze.statusCode).toBe(400);
    expect(snooze.body).toMatch(/role="alert">The number of days must be sent once\.</);
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
  });

  it("preferences with two delivery times are a 400 naming deliveryTime; categories may repeat", async () => {
    const { api, links, saved } = setup();
    const twice = await api(
      linkRequest("POST", links.preferences, "deliveryTime=07:30&deliveryTime=10:00", API_CLIENT),
    );
    expect(twice.statusCode).toBe(400);
    expect(problemOf(twice).errors?.map((error) => error.path)).toEqual(["deliveryTime"]);
    const page = await api(
      linkRequest("POST", links.preferences, "deliveryTime=07:30&deliveryTime=10:00", BROWSER),
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/id="deliveryTime-error">This was sent more than once/);
    expect(saved).toEqual([]);
    const fine = await api(
      linkRequest(
        "POST",
        links.preferences,
        "intent=save&deliveryTime=07:30&quietStart=23:00&quietEnd=07:00&digest=as-due&digestDay=1&categories=exams&categories=visa",
      ),
    );
    expect(fine.statusCode).toBe(200);
    expect(saved).toHaveLength(1);
  });

  it("an unknown preferences intent is a 400 'unknown action' and saves nothing", async () => {
    const { api, links, saved } = setup();
    const response = await api(
      linkRequest("POST", links.preferences, "intent=delete&deliveryTime=07:30", API_CLIENT),
    );
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((error) => error.path)).toEqual(["intent"]);
    expect(saved).toEqual([]);
  });

  it("a browser's unknown intent gets the preferences page (400 HTML), not problem+json", async () => {
    const { api, links, saved } = setup();
    const response = await api(linkRequest("POST", links.preferences, "intent=bogus", BROWSER));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("Nothing was changed.");
    expect(saved).toEqual([]);
  });
});

describe("HEAD wherever GET works (RFC 9110)", () => {
  it("answers HEAD on the applicant's pages as GET without a body, changing nothing", async () => {
    const { api, links, store } = setup();
    for (const url of [
      links.timeline,
      links.action("usmle_step2ck", "done"),
      links.feed,
      links.preferences,
      `${PUBLIC_BASE_URL}/unsubscribe?token=x`,
    ]) {
      const get = await api(linkRequest("GET", url));
      const head = await api(linkRequest("HEAD", url));
      expect([url, head.statusCode]).toEqual([url, get.statusCode]);
      expect(head.headers?.["content-type"]).toBe(get.headers?.["content-type"]);
      expect(head.body ?? "").toBe("");
    }
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
    const refused = await api(linkRequest("HEAD", `${PUBLIC_BASE_URL}/intake/webhook`));
    expect(refused.statusCode).toBe(405);
  });
});

describe("after a one-click unsubscribe", () => {
  const withoutTokens = (html: string | undefined) => (html ?? "").replace(/token=[^"&]+/g, "token=…");

  it("the timeline says so instead of listing next emails; preferences offer Subscribe again", async () => {
    const { api, links, store } = setup();
    const before = await api(linkRequest("GET", links.timeline));
    expect(before.body).toContain("Your next emails");
    await store.unsubscribe("a_ada", new Date("2026-05-20T10:00:00Z"));

    const timeline = await api(linkRequest("GET", links.timeline));
    expect(timeline.body).toContain("You are unsubscribed.");
    expect(timeline.body).not.toContain("Your next emails");
    expect(timeline.body).not.toContain("Choose when and which emails you get");
    expect(timeline.body).toMatch(/calendar feed keep working/);
    expect(timeline.body).toContain("Subscribe again on your email preferences page");
    // The calendar keeps working: the feed still answers.
    expect((await api(linkRequest("GET", links.feed))).statusCode).toBe(200);

    const preferences = await api(linkRequest("GET", links.preferences));
    expect(preferences.body).toContain("You are unsubscribed</strong> (since Wed 20 May 2026)");
    expect(preferences.body).toContain('name="intent" value="resubscribe"');
    expect(preferences.body).not.toContain("Stop all email");
    // GET and HEAD change nothing.
    await api(linkRequest("HEAD", links.preferences));
    expect(withoutTokens((await api(linkRequest("GET", links.preferences))).body)).toBe(
      withoutTokens(preferences.body),
    );
    expect(store.state("a_ada").profile.unsubscribedAt).toBeDefined();
  });

  it("Subscribe again lifts the applicant's own unsubscribe once; a second tap changes nothing", async () => {
    const { api, links, store } = setup();
    await store.unsubscribe("a_ada", new Date("2026-05-20T10:00:00Z"));
    const first = await api(linkRequest("POST", links.preferences, "intent=resubscribe", BROWSER));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("You are subscribed again.");
    expect(store.state("a_ada").profile.unsubscribedAt).toBeUndefined();
    expect(store.state("a_ada").profile.resubscribedAt).toBe(now.toISOString());
    expect(await store.isSuppressed("ada@example.com")).toBe(false);
    const second = await api(linkRequest("POST", links.preferences, "intent=resubscribe", BROWSER));
    expect(second.body).toContain("You are already subscribed; nothing changed.");
    expect((await api(linkRequest("GET", links.timeline))).body).toContain("Your next emails");
  });

  it.each([
    ["complaint", "Matchpath no longer emails you", /reported as spam/],
    ["bounce", "Matchpath cannot email you", /bounced/],
  ] as const)("a %s is not lifted by a link, and the pages say why", async (reason, heading, why) => {
    const { api, links, store } = setup();
    await store.unsubscribe("a_ada", new Date("2026-05-20T10:00:00Z"));
    await store.suppress("ada@example.com", reason);
    const preferences = await api(linkRequest("GET", links.preferences));
    expect(preferences.body).toContain(heading);
    expect(preferences.body).toMatch(why);
    expect(preferences.body).not.toContain('value="resubscribe"');
    const forced = await api(linkRequest("POST", links.preferences, "intent=resubscribe", BROWSER));
    expect(forced.statusCode).toBe(200);
    expect(forced.body).toContain(heading);
    expect(await store.isSuppressed("ada@example.com")).toBe(true);
    expect(store.state("a_ada").profile.unsubscribedAt).toBeDefined();
    expect((await api(linkRequest("GET", links.timeline))).body).toContain(heading);
  });
});

describe("Scheduled for… with a day no calendar has", () => {
  it.each([
    ["2027-09-31", "September 2027 has 30 days"],
    ["2027-02-30", "February 2027 has 28 days"],
    ["2025-02-29", "February 2025 has 28 days"],
    ["2027-13-01", "there is no month 13"],
  ])(
    "%s: the page says the date does not exist (%s), names the form's field, and records nothing",
    async (date, why) => {
      const { api, links, store } = setup();
      const url = links.action("oet_medicine", "schedule");
      const page = await api(linkRequest("POST", url, `date=${date}`, BROWSER));
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain(`role="alert">The date does not exist: ${why}.<`);
      expect(page.body).not.toMatch(/milestones\.|today or later/);
      const problem = await api(linkRequest("POST", url, `date=${date}`, API_CLIENT));
      expect(problemOf(problem).errors?.map((error) => error.path)).toEqual(["date"]);
      expect((await store.loadApplicant("a_ada"))?.milestones).toEqual([]);
    },
  );
});
