import { describe, expect, it } from "vitest";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Sofia's school has no ECFMG sponsor note. Her timeline opened on the
 * projected-dates note and an optional research step, then 22 blocked steps each "Waiting for:
 * wdoms_listing: ECFMG sponsor note for your school" (an internal key), and the one message that
 * mattered sat near the page's end. Like the season-over page, it now leads with the problem and
 * what resolves it, and no wait shows a key.
 */
describe("the timeline of an applicant whose school has no ECFMG sponsor note", () => {
  const now = new Date("2026-12-01T16:00:00Z");
  const at = "2026-10-01T00:00:00.000Z";
  const state = {
    profile: profileFactory({
      matchYear: 2027,
      medicalSchool: { name: "Unlisted Example University", country: "MX", wdomsSponsorNote: false },
    }),
    milestones: [
      { key: "wdoms_listing" as const, status: "done" as const, date: "2026-10-01", updatedAt: at },
    ],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_sofia",
    feedGeneration: 0,
    now,
  });
  const html = timelinePage({
    firstName: "Sofia",
    timezone: "America/Mexico_City",
    plan,
    links,
    comingReminders: [],
  }).body as string;

  it("leads with the eligibility problem and what resolves it, before any step", () => {
    const risk = plan.risks.find((r) => r.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(risk).toBeDefined();
    const lead = html.indexOf('<section aria-labelledby="not-eligible">');
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(html.indexOf('<section aria-labelledby="next">'));
    // Above the projected-dates note too: no Match date applies until the school is eligible.
    const projected = html.indexOf("are <strong>projected</strong>");
    if (projected >= 0) expect(lead).toBeLessThan(projected);
    const section = html.slice(lead, html.indexOf("</section>", lead));
    expect(section).toContain("What resolves it");
    expect(section).toContain("dean");
  });

  it("shows no internal key in what a step waits for", () => {
    const waits = [...html.matchAll(/Waiting for: ([^<]*)</g)].map((m) => m[1] ?? "");
    expect(waits.length).toBeGreaterThan(0);
    for (const wait of waits) for (const key of MILESTONE_KEYS) expect(wait).not.toContain(key);
    expect(waits[0]).toBe("ECFMG sponsor note for your school");
  });
});
