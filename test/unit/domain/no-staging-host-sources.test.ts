import { describe, expect, it } from "vitest";
import { FEES, MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * Sources are real public pages about the claim. FSMB's
 * content-server host was cited for the Step 1/Step 2 CK registration claim (and on a Step 3 page);
 * the reminder email shows sources as links, so the applicant was sent to it.
 */
const STAGING_HOST = "dxcloud.episerver.net";

describe("no source names FSMB's staging host", () => {
  // But the Step 1 fee's: its $680 is on FSMB's 2025 fee table only, at the address the fact sheet
  // cites for that figure (usmle-fees.test.ts), so the fee is labelled secondary, not official, and
  // flagged; the budget shows a fee's source as text, not a link.
  it("in the catalog and the fee table", () => {
    expect(JSON.stringify(MILESTONE_CATALOG)).not.toContain(STAGING_HOST);
    expect(JSON.stringify(FEES.filter((fee) => fee.key !== "usmle_step1_exam"))).not.toContain(STAGING_HOST);
  });

  it("in ANSWERS_CONTRADICT_INTERVIEW, whose ECFMG token page is cited over https", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({ timezone: "Africa/Accra", matchYear: 2027, graduation: "2024-06-30" }),
        milestones: [{ key: "ecfmg_application", status: "in_progress" }],
        interviews: [interviewFactory({ id: "iv-c", startsAt: "2026-12-09T10:00:00-05:00" })],
      }),
      seasonCalendar(2027),
      new Date("2026-11-30T12:00:00Z"),
    );
    const risk = result.risks.find((each) => each.code === "ANSWERS_CONTRADICT_INTERVIEW");
    expect(risk).toBeDefined();
    for (const source of risk?.sources ?? []) {
      expect(source).not.toContain(STAGING_HOST);
      expect(source).not.toContain("http://www.ecfmg.org");
    }
    for (const each of result.risks)
      for (const source of each.sources ?? []) expect(source).not.toContain(STAGING_HOST);
  });
});
