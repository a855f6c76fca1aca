import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * An advisor address on the suppression list: the escalations it
 * would have had are in the notice ledger as not sent, with why, and the page says why the advisor
 * hears nothing.
 */
function view(advisorSuppressed: ApplicantView["advisorSuppressed"]): ApplicantView {
  const state = {
    profile: profileFactory({ advisorEmail: "grace@advisors.example", escalateToAdvisor: true }),
    milestones: [],
    interviews: [],
    ledger: [
      {
        reminderId: "escalation:risk:STEP3_NEEDED_FOR_H1B",
        status: "withheld" as const,
        claimedAt: "2026-12-15T12:00:00.000Z",
        withheldBecause: "bounce" as const,
      },
    ],
  };
  return {
    state,
    plan: domainPlanning.plan(state, new Date("2026-12-15T12:00:00Z")),
    audit: [],
    submissions: [],
    events: [],
    ...(advisorSuppressed ? { advisorSuppressed } : {}),
  };
}

const ledgerOf = (html: string) => html.slice(html.indexOf('id="notices"'), html.indexOf('id="intake"'));

describe("the console and an advisor address suppressed after a bounce", () => {
  it("lists a withheld escalation as cancelled, not sent to the advisor, with why", () => {
    const ledger = ledgerOf(applicantFragment(view("bounce"), "2026-12-15"));
    expect(ledger).toContain("<td>cancelled</td>");
    expect(ledger).toContain(
      "not sent to the advisor grace@advisors.example: risk STEP3_NEEDED_FOR_H1B (USMLE Step 3 needed for the H-1B visa)",
    );
    expect(ledger).toContain("not sent: the advisor&#39;s address is suppressed after a bounce");
    expect(ledger).not.toContain("claimed (sending)");
  });

  it("says why the advisor hears nothing while the address is suppressed, and not otherwise", () => {
    const page = applicantFragment(view("bounce"), "2026-12-15");
    expect(page).toContain(
      "Escalation is on, but grace@advisors.example gets no escalation email: the address is suppressed after a bounce",
    );
    expect(applicantFragment(view(undefined), "2026-12-15")).not.toContain("gets no escalation email");
  });
});
