import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

// The applicant page's profile line says when the applicant enters the Match as a couple:
// the advisor sees why the plan speaks of paired lists and a couples fee.
function view(couplesMatch: boolean | undefined): ApplicantView {
  const state = {
    profile: profileFactory(couplesMatch === undefined ? {} : { couplesMatch }),
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
  };
}

const profileLine = (html: string) => html.slice(html.indexOf('<p class="muted">'), html.indexOf("</p>"));

describe("the console's applicant page and the Couples Match", () => {
  it("shows Couples Match beside the visa for a partner in a couple, and nothing for anyone else", () => {
    expect(profileLine(applicantFragment(view(true), "2026-12-15"))).toContain(" · Couples Match · ");
    expect(applicantFragment(view(false), "2026-12-15")).not.toContain("Couples Match");
    expect(applicantFragment(view(undefined), "2026-12-15")).not.toContain("Couples Match");
  });
});
