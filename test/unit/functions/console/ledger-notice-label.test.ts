import { describe, expect, it } from "vitest";
import {
  CRITICAL_RISK_RUNG,
  OUT_OF_REACH_RUNG,
  WARNING_NOTICE_RUNG,
} from "#domain/planner/critical-risk-notice.ts";
import { reminderLabel } from "../../../../functions/console/pages/ledger.ts";

/**
 * A resent season-over notice ("The 2027 Match is over for you: plan for
 * the 2028 Match …") was labelled "NRMP Main Residency Match registration (critical-risk)" in the
 * ledger and the audit: the step it rode on, not what it said. A critical notice is labelled with
 * its own subject; a ladder's rung keeps its step's name.
 */
describe("a sent notice's label in the ledger and the audit", () => {
  const seasonOver = "The 2027 Match is over for you: plan for the 2028 Match";

  it.each([CRITICAL_RISK_RUNG, OUT_OF_REACH_RUNG])("a %s notice reads as its own subject", (rung) => {
    const label = reminderLabel({ milestone: "nrmp_registration", title: seasonOver, rung });
    expect(label).toContain(seasonOver);
    expect(label).not.toMatch(/^NRMP/);
  });

  // A warning's notice is about its risk too, and not critical.
  it("a warning's notice reads as its own subject, as a warning notice", () => {
    const title = "Check your ECFMG certificate's validity date against the 2027 residency start";
    const label = reminderLabel({ milestone: "rank_order_list", title, rung: WARNING_NOTICE_RUNG });
    expect(label).toBe(`warning notice “${title}” (warning-notice)`);
  });

  it("a ladder rung keeps its step's name and rung", () => {
    expect(
      reminderLabel({
        milestone: "usmle_step2ck",
        title: "Pass USMLE Step 2 CK (your date)",
        rung: "due-in-14d",
      }),
    ).toBe("USMLE Step 2 CK (due-in-14d)");
  });
});
