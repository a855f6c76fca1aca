import { describe, expect, it } from "vitest";
import { consoleApplicantUrl } from "#adapters/ses/escalation-for.ts";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { escalationsFor } from "#usecases/escalation.ts";
import { escalationEmail } from "#usecases/escalation-email.ts";
import { InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

/**
 * An H-1B applicant abroad (Lahore), certificate in progress, Step 3 not started, interviewed for
 * the 2027 Match, who never told us about a rank order list. In January, before she ranked, the
 * advisor's escalation was titled "A matched applicant's visa steps are behind"; in April it said
 * she "certified a rank order list", beside the console's "has not told us whether they certified".
 * The advisor is told only what she said.
 */
const MILESTONES: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2023-01-10" },
  { key: "ecfmg_application", status: "done", date: "2023-02-01" },
  { key: "usmle_step1", status: "done", date: "2023-06-10" },
  { key: "usmle_step2ck", status: "done", date: "2024-10-05", score: 248 },
  { key: "oet_medicine", status: "done", date: "2025-03-01", score: 380 },
  { key: "ecfmg_pathway", status: "done", date: "2025-09-15" },
  { key: "ecfmg_certification", status: "in_progress" },
  { key: "usce", status: "done", date: "2025-06-30" },
  { key: "lors", status: "done", date: "2025-09-01" },
  { key: "personal_statement", status: "done", date: "2025-09-01" },
  { key: "cv", status: "done", date: "2025-09-01" },
  { key: "program_list", status: "done", date: "2025-09-10" },
  { key: "eras_token", status: "done", date: "2026-06-20" },
  { key: "eras_application", status: "done", date: "2026-09-20" },
  { key: "nrmp_registration", status: "done", date: "2026-10-01" },
  { key: "usmle_step3", status: "not_started" },
];
const INTERVIEW: Interview = {
  id: "emc-im",
  program: "Example Medical Center IM",
  startsAt: "2026-12-15T09:00:00-06:00",
  timezone: "America/Chicago",
  format: "virtual",
};

function ayesha(milestones: MilestoneEntry[] = MILESTONES) {
  const profile = profileFactory({
    applicantId: "a_ayesha",
    fullName: "Ayesha Khan",
    timezone: "Asia/Karachi",
    matchYear: 2027,
    visa: "H-1B",
    medicalSchool: { name: "King Edward Medical University", country: "PK", wdomsSponsorNote: true },
    advisorEmail: "helen.advisor@matchpath.example",
    escalateToAdvisor: true,
  });
  return { profile, milestones, interviews: [INTERVIEW], ledger: [] };
}

function escalationAbout(code: string, at: string, milestones?: MilestoneEntry[]) {
  const state = ayesha(milestones);
  const plan = domainPlanning.plan(state, new Date(at));
  const escalation = escalationsFor(state, plan).find((each) => each.risk?.code === code);
  if (escalation === undefined) throw new Error(`no ${code} escalation at ${at}`);
  return { state, plan, escalation };
}

describe("the advisor's escalation says only what the applicant told us", () => {
  it("in January, before she ranked, the visa escalation's title is conditional, not 'a matched applicant'", () => {
    const { escalation } = escalationAbout("VISA_NOT_READY_FOR_START", "2027-01-16T12:00:00Z");
    expect(escalation.risk?.matchOutcome).toBe("ranking");
    expect(escalation.title).not.toMatch(/matched applicant/i);
    expect(escalation.title).toMatch(/^Not yet ranked: if the applicant matches on H-1B/);
  });

  it("a week past Match Day, with no rank order list ever reported, she is not said to have certified one", async () => {
    const { state, plan, escalation } = escalationAbout("MATCH_DAY_NOT_REPORTED", "2027-04-01T15:30:00Z");
    expect(escalation.detail).not.toContain("certified a rank order list, but");
    expect(escalation.detail).toMatch(
      /^Ayesha Khan has told us neither whether they certified a rank order list nor whether or where they matched/,
    );
    const store = new InMemoryApplicantStore();
    const url = (id: string) => consoleApplicantUrl("https://matchpath.example", id);
    const deps = { ledger: store, suppression: store, mailer: new InMemoryMailer(), consoleUrl: url };
    const email = await escalationEmail(state, plan, [escalation], "helen.advisor@matchpath.example", deps);
    expect(email.text).not.toContain("certified a rank order list, but");
    expect(email.text).toContain("has told us neither whether they certified a rank order list");
  });

  it("one who reported her rank order list certified is said to have certified it", () => {
    const ranked: MilestoneEntry[] = [
      ...MILESTONES,
      { key: "rank_order_list", status: "done", date: "2027-02-20" },
    ];
    const { escalation } = escalationAbout("MATCH_DAY_NOT_REPORTED", "2027-04-01T15:30:00Z", ranked);
    expect(escalation.detail).toMatch(
      /^Ayesha Khan certified a rank order list, but has not said where they matched/,
    );
  });

  it("one who tapped 'Matched' in Match Week but never answered the rank list is said to have matched, not where", async () => {
    const matched: MilestoneEntry[] = [
      ...MILESTONES,
      { key: "match_week", status: "done", date: "2027-03-15" },
    ];
    const { state, plan, escalation } = escalationAbout(
      "MATCH_DAY_NOT_REPORTED",
      "2027-04-01T15:30:00Z",
      matched,
    );
    expect(escalation.detail).toMatch(/^Ayesha Khan told us they matched but not where, though Match Day/);
    expect(escalation.detail).not.toContain("whether or where they matched");
    const store = new InMemoryApplicantStore();
    const url = (id: string) => consoleApplicantUrl("https://matchpath.example", id);
    const deps = { ledger: store, suppression: store, mailer: new InMemoryMailer(), consoleUrl: url };
    const email = await escalationEmail(state, plan, [escalation], "helen.advisor@matchpath.example", deps);
    expect(email.text).toContain("told us they matched but not where");
    expect(email.text).not.toContain("whether or where they matched");
  });

  it("where her answers are not at hand, nothing is said about the list", () => {
    const words = riskForAdvisor(
      { code: "MATCH_DAY_NOT_REPORTED", message: "Match Day was …" },
      { fullName: "Ayesha Khan", matchYear: 2027, visa: "H-1B" },
    );
    expect(words).toMatch(/^Ayesha Khan has not said where they matched, though Match Day/);
  });
});
