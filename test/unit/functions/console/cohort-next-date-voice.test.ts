import { describe, expect, it } from "vitest";
import { cohortRow } from "#domain/console/cohort-row.ts";
import { escapeHtml } from "#email/html.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortCsv, cohortFragment } from "../../../../functions/console/pages/cohort.ts";

/**
 * The cohort's "Next date" is read by the advisor. It named the step by the applicant's title
 * ("Get your ERAS token from ECFMG", "Certify your rank order list"), as if the advisor's own token
 * were due: a step is now named as the rest of the console names it (stepForAdvisor), and a next
 * email, whose subject speaks to the applicant, is quoted as what they read.
 */
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
const profile = profileFactory({ applicantId: "a_ama", fullName: "Ama Owusu", matchYear: 2027 });
const state = { profile, milestones: examsDone("2025-06-01"), interviews: [], ledger: [] };
const plan = domainPlanning.plan(state, new Date("2026-07-10T12:00:00Z"));
const cell = (html: string) =>
  html.slice(html.indexOf('data-label="Next date"'), html.indexOf('data-label="Open risks"'));

describe("the cohort's next date speaks to the advisor", () => {
  it("a step is named by the advisor's name for it, never the applicant's 'your' title", () => {
    const row = cohortRow({ applicantId: "a_ama", applicant: profile, plan });
    // The step counted down to is the ERAS token, titled for the applicant "Get your ERAS token from ECFMG".
    expect(plan.nextSteps.find((step) => step.milestone === "eras_token")?.title).toMatch(/\byour\b/);
    expect(row.nextDeadline?.title).toBe("ERAS token");
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(cell(html)).not.toMatch(/\byour\b/i);
    expect(cohortCsv([row])).not.toMatch(/\byour\b/i);
  });

  it("the next email's subject is quoted as what the applicant reads, on the page and in the CSV", () => {
    const row = cohortRow({ applicantId: "a_ama", applicant: profile, plan });
    const subject = "The 2027 Match is over for you: plan for the 2028 Match";
    row.nextDeadline = { title: subject, at: "2027-03-22T09:00:00.000Z", status: "confirmed", kind: "email" };
    const quoted = `What Ama Owusu reads: “${subject}”`;
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(cell(html)).toContain(escapeHtml(quoted));
    expect(cohortCsv([row])).toContain(quoted);
  });
});
