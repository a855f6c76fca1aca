import { describe, expect, it } from "vitest";
import { consoleApplicantUrl } from "#adapters/ses/escalation-for.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { type DigestEntry, renderDigestEmail } from "#email/digest-email.ts";
import { digestEntries } from "#usecases/advisor-digest.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { escalationsFor } from "#usecases/escalation.ts";
import { escalationEmail } from "#usecases/escalation-email.ts";
import { InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

/**
 * The digest and the escalation email said "Match 2027" for an
 * applicant whose 2027 Match is out of reach and whose plan is dated for 2028 (the cohort says
 * "2027 → 2028"); both now name the Match the plan is for. And the digest's intro said "New risks
 * and newly overdue steps" when its only news was that Matchpath cannot reach someone: the intro
 * says what the digest holds.
 */
const OMAR: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2024-12-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "in_progress" },
];

const now = new Date("2027-03-20T12:00:00Z");
const profile = profileFactory({
  applicantId: "a_omar",
  fullName: "Omar Haddad",
  matchYear: 2027,
  timezone: "Africa/Cairo",
  advisorEmail: "daniel@advisors.example",
  escalateToAdvisor: true,
});
const state = { profile, milestones: OMAR, interviews: [], ledger: [] };
const plan = domainPlanning.plan(state, now);
const url = (id: string) => consoleApplicantUrl("https://matchpath.example", id);

describe("the advisor's emails name the Match the plan is for", () => {
  it("the case: Omar's 2027 Match is out of reach, his plan dated for 2028", () => {
    expect(
      plan.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
  });

  it("the digest says Match 2028, and that 2027 is out of reach", () => {
    const entries = digestEntries(undefined, [{ state, plan }], url);
    expect(entries[0]?.plannedMatchYear).toBe(2028);
    const email = renderDigestEmail({ day: "Saturday 20 March 2027", entries, cohortUrl: "https://c" });
    expect(email.text).toContain("Omar Haddad (Match 2028; the 2027 Match is out of reach)");
    expect(email.text).not.toContain("(Match 2027)");
    expect(email.html).toContain("Match 2028; the 2027 Match is out of reach");
    expect(email.html).not.toMatch(/Match 2027</);
  });

  it("the escalation says Match 2028, and that 2027 is out of reach", async () => {
    const escalation = escalationsFor(state, plan)[0];
    if (escalation === undefined) throw new Error("no escalation");
    const store = new InMemoryApplicantStore();
    const deps = { ledger: store, suppression: store, mailer: new InMemoryMailer(), consoleUrl: url };
    const email = await escalationEmail(state, plan, [escalation], "daniel@advisors.example", deps);
    expect(email.text).toContain("Omar Haddad (Match 2028; the 2027 Match is out of reach) agreed");
    expect(email.html).toContain("Omar Haddad (Match 2028; the 2027 Match is out of reach) agreed");
  });

  it("an applicant within reach keeps the plain Match year", () => {
    const entry: DigestEntry = {
      applicantId: "a_ada",
      fullName: "Ada Okafor",
      matchYear: 2027,
      risks: [{ severity: "critical", title: "T", message: "M" }],
      overdue: [],
      consoleUrl: "https://c/a",
    };
    const email = renderDigestEmail({ day: "Monday", entries: [entry], cohortUrl: "https://c" });
    expect(email.text).toContain("Ada Okafor (Match 2027)\n");
  });
});

describe("the digest's intro says what it holds", () => {
  const base = { applicantId: "a_x", fullName: "X", matchYear: 2027, consoleUrl: "https://c/x" };
  const cannotReach: DigestEntry = {
    ...base,
    cannotReach: "Matchpath cannot reach X: they unsubscribed.",
    risks: [],
    overdue: [],
  };
  const risk: DigestEntry = {
    ...base,
    risks: [{ severity: "warning", title: "T", message: "M" }],
    overdue: [],
  };
  const overdue: DigestEntry = { ...base, risks: [], overdue: [{ title: "Step", due: "Mon" }] };
  const intro = (entries: DigestEntry[], extra: { since?: string; first?: boolean } = {}) =>
    renderDigestEmail({
      day: "Monday 30 November 2026",
      entries,
      cohortUrl: "https://c",
      ...extra,
    }).text.split("\n")[2];

  it("a digest whose only news is an applicant Matchpath cannot reach says so, not 'new risks'", () => {
    expect(intro([cannotReach], { since: "Sunday 29 November 2026" })).toBe(
      "An applicant Matchpath can no longer reach, since your last digest of Sunday 29 November 2026.",
    );
    expect(intro([cannotReach, cannotReach])).toBe(
      "Applicants Matchpath can no longer reach, as of Monday 30 November 2026.",
    );
  });

  it("names each kind of news present, and only those", () => {
    expect(intro([risk])).toBe("New risks, as of Monday 30 November 2026.");
    expect(intro([overdue])).toBe("Newly overdue steps, as of Monday 30 November 2026.");
    expect(intro([risk, overdue], { since: "Sunday" })).toBe(
      "New risks and newly overdue steps, since your last digest of Sunday.",
    );
    expect(intro([risk, overdue, cannotReach])).toBe(
      "New risks, newly overdue steps and an applicant Matchpath can no longer reach, as of Monday 30 November 2026.",
    );
  });

  it("a first digest says it lists everything open, and what", () => {
    expect(intro([cannotReach], { first: true })).toBe(
      "Your first digest: an applicant Matchpath cannot reach, as of Monday 30 November 2026.",
    );
    expect(intro([risk, overdue], { first: true })).toBe(
      "Your first digest: every open risk and overdue step, as of Monday 30 November 2026.",
    );
  });
});
