import { describe, expect, it } from "vitest";
import { createLinkToken } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { entryFor } from "#usecases/step-action-entry.ts";
import { previewStepAction } from "#usecases/step-actions.ts";
import { applicantPagesApi, LINK_KEYRING, linkRequest, linksSignedAt } from "./applicant-pages.ts";

// Chicago, entered for the 2027 Match with nothing past the ECFMG application on 20 Nov 2026: that
// Match is out of reach and the plan is dated for 2028. Step 1 booked after its (2028) target.
const now = new Date("2026-11-20T09:00:00Z");

/**
 * A plan moved to a later Match dates its exams for that Match, so "Scheduled for…" measures the day
 * against that Match's ranking: measured against the entered Match, Step 1 read as a day after 2027's
 * ranking and the page said "your plan will show what it means for your start" to an applicant who
 * has not entered any Match yet.
 */
describe("Scheduled for… on a plan moved to a later Match", () => {
  it("speaks of the Match the plan is dated for, never of a residency start", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ timezone: "America/Chicago", visa: "J-1" }), {
      milestones: [
        { key: "wdoms_listing", status: "done", date: "2025-01-10" },
        { key: "ecfmg_application", status: "done", date: "2025-02-01" },
      ],
    });
    const api = applicantPagesApi(store, { clock: new FixedClock(now) });
    const links = linksSignedAt(now);
    const form = String(
      (await api(linkRequest("GET", links.action("usmle_step1", "schedule"), undefined, "text/html"))).body,
    );
    expect(form).not.toContain("what it means for your start");
    expect(form).not.toContain("2027 Match");
    expect(form).toContain("for the 2028 Match");
  });
});

/**
 * The form's range is residency's start after the Match the plan is dated for: read from the
 * entered Match, it ended on Thu 1 Jul 2027, so Step 1 booked for August (before its 2028 last day,
 * Tue 28 Sep 2027) was refused as "no later than the start of residency".
 */
describe("the date range of the forms on a plan moved to a later Match", () => {
  function setup(visa: "J-1" | "H-1B" = "J-1") {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ timezone: "America/Chicago", visa }), {
      milestones: [
        { key: "wdoms_listing", status: "done", date: "2025-01-10" },
        { key: "ecfmg_application", status: "done", date: "2025-02-01" },
      ],
    });
    return {
      store,
      api: applicantPagesApi(store, { clock: new FixedClock(now) }),
      links: linksSignedAt(now),
    };
  }

  it("Scheduled for… allows dates to 2028's residency start and says which Match that is", async () => {
    const { api, links } = setup();
    const form = String(
      (await api(linkRequest("GET", links.action("usmle_step1", "schedule"), undefined, "text/html"))).body,
    );
    expect(form).toContain('min="2026-11-20" max="2028-07-01"');
    expect(form).toContain(
      "to Sat 1 Jul 2028, when residency starts after the 2028 Match, the one your plan is dated for",
    );
    expect(form).not.toContain("your Match year");
  });

  it("a Step 1 day in August 2027, before its 2028 last day, is recorded", async () => {
    const { api, links, store } = setup();
    const response = await api(
      linkRequest("POST", links.action("usmle_step1", "schedule"), "date=2027-08-10", "text/html"),
    );
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(store.state("a_ada").milestones.find((entry) => entry.key === "usmle_step1")).toEqual({
      key: "usmle_step1",
      status: "scheduled",
      date: "2027-08-10",
    });
  });

  it("Filed on… takes no day before Match Day of the Match the plan is dated for", async () => {
    // The page offers no Filed on… on this plan (the petition waits for 2028's Match); the rule
    // itself must still measure a filing day against that Match, not the entered one.
    const later = new Date("2027-04-30T14:00:00Z");
    const { store } = setup("H-1B");
    const claims = {
      purpose: "action",
      applicantId: "a_ada",
      milestone: "visa_h1b",
      action: "start",
    } as const;
    const token = createLinkToken(
      LINK_KEYRING,
      { ...claims, expiresAt: new Date(later.getTime() + 86_400_000) },
      later,
    );
    const { unavailable: _offered, ...preview } = await previewStepAction("a_ada", token, {
      applicants: store,
      intake: store,
      clock: new FixedClock(later),
      planning: domainPlanning,
      keyring: async () => LINK_KEYRING,
    });
    expect(() => entryFor(preview, { date: "2027-04-22" })).toThrow(
      expect.objectContaining({
        problems: [{ path: "date", message: "must be no earlier than Match Day, Fri 17 Mar 2028" }],
      }),
    );
  });
});
