import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";
import { digestEntries } from "#usecases/advisor-digest.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { InMemoryApplicantStore, profileFactory } from "./fakes.ts";

// An applicant who consents to escalation misses the day programs start reviewing ERAS
// applications: at 02:00 UTC her advisor gets the escalation email ("… needs attention"), and at
// 13:00 the daily digest told the same critical risk and the same overdue step again, the same
// day. An advisor reads the escalation as the news; the digest now leaves out what an escalation
// said in the day before it, and keeps what no escalation said (another applicant, or one whose
// escalation was withheld).

const AT = new Date("2026-09-24T13:00:00Z");
const URL = (id: string) => `https://mp.example/console#/applicants/${id}`;

function applicant(applicantId: string, fullName: string, ledger: (codes: string[]) => LedgerEntry[]) {
  const store = new InMemoryApplicantStore();
  const milestones = [
    ...["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "usce"],
    ...["lors", "personal_statement", "cv", "program_list", "eras_token", "nrmp_registration", "budget"],
  ].map((key) => ({ key, status: "done", updatedAt: "2026-01-01T00:00:00.000Z" }) as MilestoneEntry);
  store.add(
    profileFactory({
      applicantId,
      fullName,
      advisorEmail: "grace@advisors.example",
      escalateToAdvisor: true,
    }),
    { milestones: [...milestones, { key: "ecfmg_pathway", status: "waived" } as MilestoneEntry] },
  );
  const state = store.state(applicantId);
  const plan = domainPlanning.plan(state, AT);
  const critical = plan.risks.filter((risk) => risk.severity === "critical").map((risk) => risk.code);
  const told = [
    ...critical.map((code) => `escalation:${plan.matchYear}:risk:${code}`),
    ...plan.overdue.map((step) => `escalation:${plan.matchYear}:overdue:${step.milestone}`),
  ];
  const withLedger = { ...state, ledger: ledger(told) };
  return { state: withLedger, plan: domainPlanning.plan(withLedger, AT), critical };
}

const sent =
  (sentAt: string, status: LedgerEntry["status"] = "sent") =>
  (ids: string[]): LedgerEntry[] =>
    ids.map((reminderId) => ({ reminderId, status, claimedAt: sentAt, sentAt }));

describe("the digest the day an escalation went out", () => {
  it("leaves out what the escalation email told that morning, and keeps the rest", () => {
    const escalated = applicant("a_ada", "Ada Obi", sent("2026-09-24T02:00:00Z"));
    const other = applicant("a_ben", "Ben Ito", () => []);
    expect(escalated.critical.length).toBeGreaterThan(0);
    const entries = digestEntries(undefined, [escalated, other], URL);
    expect(entries.map((entry) => entry.fullName)).toEqual(["Ben Ito"]);
    const ben = entries[0];
    expect(ben?.risks.some((risk) => risk.severity === "critical")).toBe(true);
  });

  it("keeps what was escalated days before, or withheld, as news for a first digest", () => {
    const old = applicant("a_ada", "Ada Obi", sent("2026-09-20T02:00:00Z"));
    const withheld = applicant("a_cy", "Cy Dee", sent("2026-09-24T02:00:00Z", "withheld"));
    const names = digestEntries(undefined, [old, withheld], URL).map((entry) => entry.fullName);
    expect(names).toEqual(["Ada Obi", "Cy Dee"]);
  });
});
