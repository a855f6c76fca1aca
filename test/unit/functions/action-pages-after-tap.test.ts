import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import {
  applicantPagesApi,
  PUBLIC_BASE_URL as BASE,
  LINK_KEYRING as keyring,
  linkRequest,
  linksSignedAt,
} from "./applicant-pages.ts";

/** The action pages after a link was used, and snooze labels. */
function setup(now = new Date("2026-06-01T09:00:00Z"), later = false) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory(later ? { matchYear: 2028, timezone: "Asia/Karachi" } : { matchYear: 2027 }), {
    milestones: [
      ...(later ? [{ key: "eras_token" as const, status: "done" as const, date: "2027-07-01" }] : []),
      { key: "wdoms_listing", status: "done", date: "2026-01-10" },
      { key: "ecfmg_application", status: "done", date: "2026-02-10" },
      { key: "usmle_step1", status: "done", date: "2026-04-10" },
    ],
  });
  const clock = new FixedClock(now);
  const api = applicantPagesApi(store, { clock });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { store, links, call, clock };
}

describe("action pages after a tap, and snooze labels", () => {
  it("a used Done link's page says it is recorded and offers no button to press again", async () => {
    const { links, call } = setup();
    const url = links.action("usce", "done");
    expect((await call("POST", url, "")).body).toMatch(/<h1>Recorded/);
    const again = await call("GET", url);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain("already recorded");
    expect(again.body).not.toContain("<form");
    expect(again.body).not.toContain("Yes, mark it done");
  });

  it("a used Scheduled-for link answering 'Already recorded' points plainly to Change the date", async () => {
    const { links, call } = setup();
    const url = links.action("usmle_step2ck", "schedule");
    await call("POST", url, "date=2026-11-20");
    const again = await call("POST", url, "date=2026-11-27");
    expect(again.body).toMatch(/<h1>Already recorded/);
    expect(again.body).toContain("To give a different date, use Change the date: this link records once.");
    expect(again.body).toContain(">Change the date</a>");
  });

  it("the date already recorded reads without a stray space before the punctuation", async () => {
    const { links, call } = setup();
    await call("POST", links.action("usmle_step2ck", "schedule"), "date=2026-11-20");
    // A fresh link (Change the date's): the used one offers no form, only Change the date.
    const fresh = linksSignedAt(new Date("2026-06-01T09:00:00Z"));
    const page = await call("GET", fresh.action("usmle_step2ck", "schedule"));
    expect(page.body).toContain(
      "Now recorded: scheduled for <strong>Fri 20 Nov 2026</strong>. A new date replaces it.",
    );
    expect(page.body).not.toMatch(/<\/strong>\s*;/);
  });

  it("a snooze option cut at the last reminder is labelled so, never with days it does not last", async () => {
    // Letters due Wed 22 Sep 2027 (Karachi), today Sat 18 Sep: 4 days would be the
    // 22nd, cut to the last reminder on Tue 21 Sep.
    const { links, call } = setup(new Date("2027-09-18T06:00:00Z"), true);
    const page = await call("GET", links.action("lors", "snooze"));
    const labels = [
      ...(page.body ?? "").matchAll(/<label for="days-\d+" class="inline">([^<]*)<\/label>/g),
    ].map((match) => match[1] ?? "");
    expect(labels.length).toBeGreaterThan(0);
    const day = (text: string) => Date.parse(`${text} 12:00 UTC`);
    for (const label of labels) {
      const days = /^(\d+) days \(until \w+ (.+)\)$/.exec(label);
      if (days)
        expect(day(days[2] ?? ""), label).toBe(
          Date.parse("2027-09-18T12:00:00Z") + Number(days[1]) * 86_400_000,
        );
      else expect(label).toMatch(/^until \w+ \d+ \w+ 2027, the last reminder$/);
    }
    expect(labels.some((label) => label.endsWith("the last reminder"))).toBe(true);
  });
});

/**
 * A tap records once per step, not only per link. Two genuine links for
 * one step (two emails): the POST of the second decided without the state check its GET makes, so
 * it overwrote the done date, and an old Scheduled for… link turned a done exam back to scheduled.
 */
describe("a second link for a step already done records nothing", () => {
  const milestone = (store: InMemoryApplicantStore, key: string) =>
    store.state("a_ada").milestones.find((entry) => entry.key === key);

  it("Done from a second email after the first was confirmed keeps the first date", async () => {
    const { store, links, call, clock } = setup();
    const first = links.action("usmle_step2ck", "done");
    // The same step's Done in a later email: another links object signs another token (nonce).
    const later = applicantLinks({
      baseUrl: BASE,
      keyring,
      applicantId: "a_ada",
      feedGeneration: 0,
      now: clock.now(),
    });
    const second = later.action("usmle_step2ck", "done");
    expect(second).not.toBe(first);
    expect((await call("POST", first, "")).body).toMatch(/<h1>Recorded/);
    expect(milestone(store, "usmle_step2ck")).toEqual({
      key: "usmle_step2ck",
      status: "done",
      date: "2026-06-01",
    });
    clock.set("2026-06-04T09:00:00Z");
    const writes = store.calls.applySubmission;

    const page = await call("POST", second, "");

    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1>Already recorded/);
    expect(page.body).toContain("Nothing was changed");
    expect(page.body).not.toContain("Your plan and your next emails will reflect it");
    expect(page.body).not.toContain("This link was used before");
    expect(milestone(store, "usmle_step2ck")).toEqual({
      key: "usmle_step2ck",
      status: "done",
      date: "2026-06-01",
    });
    expect(store.calls.applySubmission).toBe(writes);
  });

  it("Done on a step the intake already marked done keeps its pass date", async () => {
    const { store, links, call } = setup();
    const page = await call("POST", links.action("usmle_step1", "done"), "");
    expect(page.body).toMatch(/<h1>Already recorded/);
    expect(page.body).toContain("Nothing was changed");
    expect(milestone(store, "usmle_step1")).toEqual({
      key: "usmle_step1",
      status: "done",
      date: "2026-04-10",
    });
    expect(store.calls.applySubmission ?? 0).toBe(0);
  });

  it.each(["schedule", "snooze"] as const)(
    "an old %s link on a done step changes nothing",
    async (action) => {
      const { store, links, call } = setup();
      const page = await call("POST", links.action("usmle_step1", action), "date=2026-07-10&days=2");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("already recorded");
      expect(page.body).toContain("you told us you passed USMLE Step 1");
      expect(page.body).toContain("Nothing was changed");
      expect(page.body).not.toMatch(/<h1>Recorded/);
      expect(milestone(store, "usmle_step1")).toEqual({
        key: "usmle_step1",
        status: "done",
        date: "2026-04-10",
      });
      expect(store.calls.applySubmission ?? 0).toBe(0);
    },
  );
});
