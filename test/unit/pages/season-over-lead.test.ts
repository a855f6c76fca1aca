import { describe, expect, it } from "vitest";
import { seasonPassedFor } from "#domain/applicant-choices.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { escapeHtml as e } from "#pages/layout.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Six months after her Match 2027 season ended, Chiamaka's timeline led
 * with eleven red "Overdue" steps of that season, still "projected … not published yet", and the
 * one message that mattered (plan for the 2028 Match) sat in Risks below them all. The page now
 * leads with the season being over and what to do next; the old season's steps are listed below as
 * past, "from the 2027 season", with no urgency badge and no "projected" tag.
 */
describe("the timeline of an applicant whose season is over", () => {
  // Registered with NRMP, but her Step 2 CK result came after the deadline, so ECFMG could not
  // confirm it in time and SOAP was closed to her too: SEASON_OVER with no later step of that Match
  // (never registered, the plan would have moved to the next Match, NRMP_REGISTRATION_CLOSED).
  const now = new Date("2027-09-18T12:00:00Z");
  // Within reach at the rank-list deadline (Step 2 CK sat before it, its result dated after), so the
  // season is over for them; with nothing done it was out of reach and stays MATCH_YEAR_NOT_FEASIBLE
  // after the deadline (as in season-over.test.ts).
  const at = "2026-01-01T00:00:00.000Z";
  const state = {
    profile: profileFactory({ matchYear: 2027 }),
    milestones: [
      ...(["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"] as const).map((key) => ({
        key,
        status: "done" as const,
        date: "2026-09-01",
        updatedAt: at,
      })),
      { key: "usmle_step2ck" as const, status: "done" as const, date: "2027-03-10", updatedAt: at },
      { key: "nrmp_registration" as const, status: "done" as const, date: "2026-10-01", updatedAt: at },
    ],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_chiamaka",
    feedGeneration: 0,
    now,
  });
  const html = timelinePage({
    firstName: "Chiamaka",
    timezone: "Africa/Lagos",
    plan,
    links,
    comingReminders: [],
  }).body as string;
  const seasonOver = plan.risks.find((risk) => risk.code === "SEASON_OVER");
  const passed = [...plan.nextSteps, ...plan.overdue].filter((step) => seasonPassedFor(step, plan));
  const section = (id: string) => {
    const start = html.indexOf(`<section aria-labelledby="${id}">`);
    return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
  };

  it("is a season-over plan with passed steps (precondition)", () => {
    expect(seasonOver).toBeDefined();
    expect(passed.length).toBeGreaterThan(3);
  });

  it("leads with the season being over and what to do for the next Match, before any step", () => {
    const lead = html.indexOf("Your Match 2027 season is over");
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(html.indexOf('<h2 id="next">'));
    expect(section("season-over")).toContain(e(seasonOver?.message.slice(0, 40) ?? "-"));
  });

  it("lists no step of the passed season among the next steps, and none as overdue", () => {
    const next = section("next");
    for (const step of passed) expect(next, step.title).not.toContain(`<h3>${e(step.title)}`);
    expect(section("overdue")).toBe("");
  });

  it("groups the passed season's steps below as past, from the 2027 season, never projected or overdue", () => {
    const past = section("past-season");
    expect(past).toContain("From the 2027 season");
    for (const step of passed) expect(past, step.title).toContain(e(step.title));
    expect(past).not.toContain("Overdue");
    expect(past).not.toContain("projected");
    expect(html).not.toContain("has not published them yet");
  });
});
