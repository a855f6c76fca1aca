import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * An applicant whose own address is on the suppression list: only the
 * cohort's last-email column and a cancelled ledger row said so, while the reminders ahead still
 * read plain "scheduled" and nothing told the advisor that the applicant receives nothing.
 */
function view(heldBack: ApplicantView["heldBack"]): ApplicantView {
  const state = {
    profile: profileFactory({ email: "bola@applicants.example" }),
    milestones: [],
    interviews: [],
    ledger: [],
  };
  return {
    state,
    plan: domainPlanning.plan(state, new Date("2026-12-15T12:00:00Z")),
    audit: [],
    submissions: [],
    events: [],
    ...(heldBack ? { heldBack } : {}),
  };
}

const ledgerOf = (html: string) => html.slice(html.indexOf('id="notices"'), html.indexOf('id="intake"'));
const scheduledRows = (html: string) =>
  ledgerOf(html)
    .split("<tr>")
    .filter((row) => row.startsWith("<td>scheduled</td>"));

describe.each([
  ["bounce", "held: the address bounced (suppressed)", "email to bola@applicants.example bounced"],
  [
    "complaint",
    "held: the address drew a spam complaint (suppressed)",
    "a reminder to bola@applicants.example drew a spam complaint",
  ],
  ["unsubscribe", "held: the address unsubscribed (suppressed)", "bola@applicants.example unsubscribed"],
] as const)("the applicant page when the applicant's address is suppressed (%s)", (because, held, what) => {
  const page = applicantFragment(
    view({ reason: "suppressed", suppressedBecause: because, since: "2027-04-01T09:15:00.000Z" }),
    "2026-12-15",
  );

  it("marks every reminder ahead as held, with why", () => {
    const rows = scheduledRows(page);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(held);
  });

  it("warns at the top that Matchpath cannot reach the applicant, since when, and what to do", () => {
    const html = /<p class="notice unreachable" role="note">(.*?)<\/p>/s.exec(page)?.[1] ?? "";
    const warning = html.replace(/<[^>]+>/g, "").replaceAll("&#39;", "'");
    expect(warning).toContain(`Matchpath cannot reach this applicant: ${what}`);
    expect(warning).toContain("since Thu 1 Apr 2027");
    expect(warning).toContain("receives no reminders");
    expect(page.indexOf(html)).toBeLessThan(page.indexOf('id="risks"'));
  });
});

describe("the applicant page when reminders go out", () => {
  it("neither warns nor marks reminders as held", () => {
    const page = applicantFragment(view(undefined), "2026-12-15");
    expect(page).not.toContain("cannot reach");
    for (const row of scheduledRows(page)) expect(row).not.toContain("held:");
  });
});
