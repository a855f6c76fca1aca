import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import {
  applicantPagesApi,
  PUBLIC_BASE_URL as BASE,
  LINK_KEYRING as keyring,
  linkRequest,
  linksSignedAt,
} from "./applicant-pages.ts";

/**
 * An applicant for the 2028 Match tapped Done on the ERAS token and NRMP
 * registration on 12 May 2027. The page said "Recorded … your plan will reflect it"; the plan then
 * counted both as work for an earlier season (pastSeasonWork: dated on or before the previous ERAS
 * season's end) and the budget showed them paid. Done must not be offered, nor recorded, before
 * the step's window for the applicant's Match opens, and the page says when it opens.
 */
const MAY = new Date("2027-05-12T10:00:00Z");
const calendar = seasonCalendar(2028);

function setup(now: Date) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2028 }), {
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-06-01"),
      milestoneFactory("ecfmg_application", "done", "2026-06-10"),
      milestoneFactory("usmle_step1", "done", "2026-09-20"),
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { store, links, call };
}

describe("Done on a season-bound step before its window opens", () => {
  it.each([
    ["nrmp_registration", "NRMP registration for the 2028 Match opens on Wed 15 Sep 2027"],
    ["eras_token", "The 2028 ERAS season begins on Tue 1 Jun 2027"],
    ["rank_order_list", "Rank order list entry for the 2028 Match opens on Sat 15 Jan 2028"],
  ] as const)("%s: the confirmation page has no Done button and says when it opens", async (key, opens) => {
    const { links, call } = setup(MAY);
    const page = await call("GET", links.action(key, "done"));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(opens);
    expect(page.body).not.toContain("<form");
    expect(page.body).not.toContain("Yes, mark it done");
    expect(page.body).toContain("Nothing was changed");
  });

  it("a POST records nothing and says so, never 'Recorded'", async () => {
    const { store, links, call } = setup(MAY);
    const before = (await store.loadApplicant("a_ada"))?.milestones;
    for (const key of ["nrmp_registration", "eras_token"] as const) {
      const response = await call("POST", links.action(key, "done"), "");
      expect(response.body).not.toMatch(/<h1>Recorded/);
      expect(response.body).toContain("Nothing was changed");
    }
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual(before);
  });

  it("the control: once the window is open, Done is offered and recorded", async () => {
    const { store, links, call } = setup(new Date("2027-09-20T10:00:00Z"));
    const page = await call("GET", links.action("nrmp_registration", "done"));
    expect(page.body).toContain("Yes, mark it done");
    const response = await call("POST", links.action("nrmp_registration", "done"), "");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect((await store.loadApplicant("a_ada"))?.milestones.map((entry) => entry.key)).toContain(
      "nrmp_registration",
    );
  });

  it("the timeline and the email offer no Done for such a step, but still for one that can count", () => {
    const input = {
      applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", visa: "J-1" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-06-01"),
        milestoneFactory("ecfmg_application", "done", "2026-06-10"),
      ],
      interviews: [],
    };
    const may = plan(input, calendar, MAY);
    const step = (key: string) => ({ milestone: key as never });
    expect(may.nextSteps.map((next) => next.milestone)).toContain("eras_token");
    for (const key of ["eras_token", "nrmp_registration", "rank_order_list"])
      expect(actionsFor(step(key), may, "Africa/Lagos", input.milestones), key).not.toContain("done");
    expect(actionsFor(step("usce"), may, "Africa/Lagos", input.milestones)).toContain("done");
    const links = applicantLinks({
      baseUrl: BASE,
      keyring,
      applicantId: "a_ada",
      feedGeneration: 0,
      now: MAY,
    });
    const html =
      timelinePage({ firstName: "Ada", timezone: "Africa/Lagos", links, plan: may, comingReminders: [] })
        .body ?? "";
    const tokenCard = /<h3>Get your ERAS token from ECFMG [\s\S]*?(?=<h3>|<\/ol>|$)/.exec(html)?.[0] ?? "";
    expect(tokenCard).not.toBe("");
    expect(tokenCard).not.toContain(">Done<");
    expect(tokenCard).toContain("Tue 1 Jun 2027");
    const usceCard = /<h3>Gain US clinical experience [\s\S]*?(?=<h3>|<\/ol>|$)/.exec(html)?.[0] ?? "";
    expect(usceCard).toContain(">Done<");
    const reminder = may.reminders.find((candidate) => candidate.milestone === "eras_token");
    expect(reminder).toBeDefined();
    if (reminder) {
      const email = renderReminderEmail({
        recipientName: "Ada Eze",
        reminders: [reminder],
        plan: may,
        unsubscribeUrl: `${BASE}/unsubscribe`,
        links,
        timezone: "Africa/Lagos",
      });
      const item = email.text.split("Your whole timeline")[0] ?? "";
      expect(item).toContain("Get your ERAS token");
      // No Snooze either: the token's next reminder is months away, so a snooze would silence
      // nothing.
      expect(actionsFor(step("eras_token"), may, "Africa/Lagos", input.milestones)).not.toContain("snooze");
      expect(item).not.toMatch(/^\s*Snooze: /m);
      expect(item).not.toMatch(/^\s*Done: /m);
    }
  });
});
