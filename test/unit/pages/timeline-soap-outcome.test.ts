import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Past the contract's date with no SOAP position reported, the plan
 * is dated for the next Match. The timeline names that Match and leads with why, but not with "out of
 * reach": the applicant told us they did not match, and marking Match Day done brings 2027 back.
 */
const IN_SOAP: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-04-01" },
  { key: "ecfmg_application", status: "done", date: "2023-03-01" },
  { key: "usmle_step1", status: "done", date: "2023-10-01" },
  { key: "usmle_step2ck", status: "done", date: "2024-08-20" },
  { key: "oet_medicine", status: "done", date: "2024-10-05" },
  { key: "ecfmg_pathway", status: "done", date: "2025-01-20" },
  { key: "ecfmg_certification", status: "done", date: "2025-03-15" },
  { key: "eras_token", status: "done", date: "2026-06-12" },
  { key: "eras_application", status: "done", date: "2026-09-10" },
  { key: "nrmp_registration", status: "done", date: "2026-10-02" },
  { key: "rank_order_list", status: "done", date: "2027-02-16" },
  { key: "soap", status: "in_progress", date: "2027-03-15" },
];

describe("the timeline of an applicant moved on for a SOAP outcome never reported", () => {
  const now = new Date("2027-05-12T09:00:00Z");
  const profile = profileFactory({ applicantId: "a_rania", fullName: "Rania Saleh", matchYear: 2027 });
  const plan = domainPlanning.plan({ profile, milestones: IN_SOAP, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_rania",
    feedGeneration: 0,
    now,
  });
  const html =
    timelinePage({
      firstName: "Rania",
      timezone: "Africa/Cairo",
      links,
      plan,
      comingReminders: plan.reminders,
    }).body ?? "";

  it("is headed for the 2028 Match and leads with the SOAP outcome, not 'out of reach'", () => {
    expect(
      plan.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED")?.earliestFeasibleMatchYear,
    ).toBe(2028);
    expect(html).toContain("<h1>Your Match 2028 timeline, Rania</h1>");
    const lead = html.indexOf(
      "No SOAP position is reported for the 2027 Match, so the dates on this page are for the 2028 Match",
    );
    expect(lead).toBeGreaterThan(html.indexOf("<h1>"));
    expect(lead).toBeLessThan(html.indexOf('id="next"'));
    expect(html).not.toContain("The 2027 Match is out of reach for you");
    expect(html).toContain("If you accepted a SOAP position, mark Match Day done:");
  });
});
