import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { createLinkToken, parseKeyring, verifyLinkToken } from "#links/link-token.ts";
import { createUnsubscribeToken } from "#links/unsubscribe-token.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryMailer,
  profileFactory,
} from "#test/unit/usecases/fakes.ts";
import {
  applicantPagesApi,
  PUBLIC_BASE_URL as BASE,
  LINK_KEYRING as keyring,
  linksSignedAt,
} from "./applicant-pages.ts";
import { httpEvent } from "./events.ts";

const signedAt = new Date("2026-06-01T00:00:00Z");
/** 61 days later: the timeline and preferences links signed then have expired. */
const now = new Date("2026-08-01T10:00:00Z");

function setup(options: { freshLinks?: boolean } = {}) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const mailer = new InMemoryMailer();
  const clock = new FixedClock(now);
  const api = applicantPagesApi(store, {
    clock,
    unsubscribeKeyring: keyring,
    ...(options.freshLinks === false ? {} : { freshLinks: async () => ({ ledger: store, mailer }) }),
  });
  const links = (applicantId = "a_ada") => linksSignedAt(signedAt, applicantId);
  return { api, store, mailer, clock, links };
}

function get(url: string) {
  const { pathname, search } = new URL(url);
  return httpEvent({ method: "GET", path: pathname, query: search.slice(1) });
}

/** The form's POST, as a browser sends it from the page at `pageUrl`. */
function postForm(pageUrl: string, action: string) {
  const { pathname, search } = new URL(action.replaceAll("&amp;", "&"), pageUrl);
  return httpEvent({
    method: "POST",
    path: pathname,
    query: search.slice(1),
    body: "",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

const formAction = (body: string | undefined) =>
  /<form method="post" action="(fresh-link\?[^"]+)">[\s\S]*?Email me a fresh link/.exec(body ?? "")?.[1];

/** A fresh-link POST for a token, the way the expired page builds it. */
function freshLinkPost(token: string, applicantId?: string) {
  const query = new URLSearchParams({ ...(applicantId ? { applicant: applicantId } : {}), token });
  return postForm(`${BASE}/timeline`, `fresh-link?${query.toString()}`);
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";

describe("an expired timeline or preferences link offers a fresh one by email", () => {
  it.each([
    ["timeline", (links: ReturnType<ReturnType<typeof setup>["links"]>) => links.timeline],
    ["preferences", (links: ReturnType<ReturnType<typeof setup>["links"]>) => links.preferences],
  ])(
    "the expired %s page has one 'Email me a fresh link' button posting its own token",
    async (_kind, pick) => {
      const { api, links } = setup();
      const url = pick(links());
      const response = await api(get(url));
      expect(response.statusCode).toBe(410);
      const action = formAction(response.body);
      expect(action).toBeDefined();
      const posted = new URL((action ?? "").replaceAll("&amp;", "&"), url);
      expect(posted.pathname).toBe("/fresh-link");
      expect(posted.searchParams.get("token")).toBe(tokenOf(url));
      expect(posted.searchParams.get("applicant")).toBe("a_ada");
      expect(response.body?.match(/Email me a fresh link/g)).toHaveLength(1);
    },
  );

  it("is not offered where the deployment sends no email, and the route answers 404", async () => {
    const { api, links } = setup({ freshLinks: false });
    const response = await api(get(links().timeline));
    expect(response.statusCode).toBe(410);
    expect(response.body).not.toContain("Email me a fresh link");
    expect((await api(freshLinkPost(tokenOf(links().timeline), "a_ada"))).statusCode).toBe(404);
  });

  it("POST sends one email to the address on file, with timeline and preferences links that work now", async () => {
    const { api, links, mailer } = setup();
    const page = await api(get(links().timeline));
    const response = await api(postForm(`${BASE}/timeline`, formAction(page.body) ?? ""));
    expect(response.statusCode).toBe(200);
    expect(mailer.sent).toHaveLength(1);
    const [email] = mailer.sent;
    expect(email?.to).toBe("ada@example.com");
    const urls = [
      ...(email?.text ?? "").matchAll(/https:\/\/api\.example\.org\/(timeline|preferences)\?\S+/g),
    ].map((match) => match[0]);
    expect(urls.map((url) => new URL(url).pathname)).toEqual(["/timeline", "/preferences"]);
    for (const url of urls) {
      expect(email?.html).toContain(url.replaceAll("&", "&amp;"));
      const verified = verifyLinkToken(keyring, tokenOf(url), "timeline", now);
      expect(verified).toMatchObject({ ok: true, claims: { applicantId: "a_ada" } });
    }
    const opened = await api(get(urls[0] ?? ""));
    expect(opened.statusCode).toBe(200);
  });

  it("sends at most one a day: a second POST (a retry, a double tap) sends nothing and answers the same page", async () => {
    const { api, links, mailer, clock } = setup();
    const token = tokenOf(links().timeline);
    const first = await api(freshLinkPost(token, "a_ada"));
    const second = await api(freshLinkPost(token, "a_ada"));
    expect(mailer.sent).toHaveLength(1);
    expect(second).toEqual(first);
    clock.set(new Date("2026-08-02T10:00:00Z"));
    await api(freshLinkPost(token, "a_ada"));
    expect(mailer.sent).toHaveLength(2);
  });

  it("gives the same answer whatever happens: sent, already sent, unsubscribed, suppressed, erased", async () => {
    const answers: unknown[] = [];
    const sent: number[] = [];
    const run = async (prepare: (store: InMemoryApplicantStore) => Promise<void>, applicantId = "a_ada") => {
      const { api, store, mailer, links } = setup();
      await prepare(store);
      answers.push(await api(freshLinkPost(tokenOf(links(applicantId).timeline), applicantId)));
      sent.push(mailer.sent.length);
    };
    await run(async () => undefined);
    await run(async (store) => {
      await store.claimReminders("a_ada", ["fresh-links:2026-08-01"], now, 60_000);
    });
    await run(async (store) => store.unsubscribe("a_ada", signedAt));
    await run(async (store) => store.suppress("ada@example.com", "bounce"));
    await run(async (store) => store.suppress("ada@example.com", "complaint"));
    await run(async () => undefined, "a_erased");
    expect(sent).toEqual([1, 0, 1, 0, 0, 0]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("tells an unsubscribed applicant where Subscribe again is, in both parts", async () => {
    const { api, store, links, mailer } = setup();
    await store.unsubscribe("a_ada", signedAt);
    await api(freshLinkPost(tokenOf(links().timeline), "a_ada"));
    expect(mailer.sent[0]?.text).toContain("choose Subscribe again");
    expect(mailer.sent[0]?.html).toContain("choose Subscribe again");
  });

  it.each([
    [
      "an altered signature",
      (token: string) => `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`,
      "a_ada",
    ],
    ["a cut token", (token: string) => token.slice(0, 20), "a_ada"],
    ["someone else's id in applicant=", (token: string) => token, "a_other"],
    ["no token", () => "", "a_ada"],
  ])("refuses %s with the 401 page and sends nothing", async (_name, tamper, applicantId) => {
    const { api, links, mailer, store } = setup();
    store.add(profileFactory({ applicantId: "a_other", email: "other@example.com" }));
    const response = await api(freshLinkPost(tamper(tokenOf(links().timeline)), applicantId));
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain("This link is not valid");
    expect(mailer.sent).toHaveLength(0);
  });

  it.each([
    [
      "an action token",
      () =>
        tokenOf(
          applicantLinks({
            baseUrl: BASE,
            keyring,
            applicantId: "a_ada",
            feedGeneration: 0,
            now: signedAt,
          }).action("usmle_step2ck", "done"),
        ),
    ],
    [
      "a calendar feed token",
      () => createLinkToken(keyring, { purpose: "feed", applicantId: "a_ada", generation: 0 }, signedAt),
    ],
    [
      "a token signed with another key",
      () =>
        createLinkToken(
          parseKeyring(`k9=${"x".repeat(40)}`),
          { purpose: "timeline", applicantId: "a_ada", expiresAt: now },
          signedAt,
        ),
    ],
  ])("refuses %s (another purpose or not ours) with 401 and sends nothing", async (_name, token) => {
    const { api, mailer } = setup();
    const response = await api(freshLinkPost(token(), "a_ada"));
    expect(response.statusCode).toBe(401);
    expect(mailer.sent).toHaveLength(0);
  });

  it("a failed send gives the day's claim back, so asking again sends", async () => {
    const { api, links, mailer } = setup();
    mailer.failNext = new Error("SES is down");
    const token = tokenOf(links().timeline);
    expect((await api(freshLinkPost(token, "a_ada"))).statusCode).toBe(500);
    await api(freshLinkPost(token, "a_ada"));
    expect(mailer.sent).toHaveLength(1);
  });
});

describe("the unsubscribe pages offer a fresh preferences link, the way to Subscribe again", () => {
  it("the confirmation and the unsubscribed page post their never-expiring token to /fresh-link", async () => {
    const { api, mailer } = setup();
    const token = createUnsubscribeToken(keyring, "a_ada", signedAt);
    const url = `${BASE}/unsubscribe?token=${encodeURIComponent(token)}`;
    const confirm = await api(get(url));
    expect(formAction(confirm.body)).toBeDefined();
    const { pathname, search } = new URL(url);
    const unsubscribed = await api(
      httpEvent({
        method: "POST",
        path: pathname,
        query: search.slice(1),
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(unsubscribed.body).toContain("You are unsubscribed");
    const action = formAction(unsubscribed.body) ?? "";
    const response = await api(postForm(url, action));
    expect(response.statusCode).toBe(200);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.text).toContain("choose Subscribe again");
  });
});
