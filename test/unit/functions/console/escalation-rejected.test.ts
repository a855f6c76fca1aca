import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * An escalation SES rejected for good (MessageRejected, an unverified sender, sending
 * paused): the notice ledger lists it once as not sent, with why, in the advisor's words.
 */
function view(): ApplicantView {
  const state = {
    profile: profileFactory({ advisorEmail: "grace@advisors.example", escalateToAdvisor: true }),
    milestones: [],
    interviews: [],
    ledger: [
      {
        reminderId: "escalation:2027:risk:STEP3_NEEDED_FOR_H1B",
        status: "withheld" as const,
        claimedAt: "2026-12-15T12:00:00.000Z",
        withheldBecause: "rejected" as const,
      },
    ],
  };
  return {
    state,
    plan: domainPlanning.plan(state, new Date("2026-12-15T12:00:00Z")),
    audit: [],
    submissions: [],
    events: [],
  };
}

const ledgerOf = (html: string) => html.slice(html.indexOf('id="notices"'), html.indexOf('id="intake"'));

describe("the console and an escalation SES rejected", () => {
  it("lists it as not sent to the advisor, with SES's refusal as the reason, and not as being sent", () => {
    const ledger = ledgerOf(applicantFragment(view(), "2026-12-15"));
    expect(ledger).toContain("<td>cancelled</td>");
    expect(ledger).toContain(
      "not sent to the advisor grace@advisors.example: risk STEP3_NEEDED_FOR_H1B (USMLE Step 3 needed for the H-1B visa)",
    );
    expect(ledger).toContain("not sent: SES rejected the message");
    expect(ledger).not.toContain("claimed (sending)");
    // The address is not suppressed: the page does not say it is.
    expect(applicantFragment(view(), "2026-12-15")).not.toContain("gets no escalation email");
  });
});
