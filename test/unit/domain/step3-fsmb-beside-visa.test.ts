import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Abroad, FSMB's processing (about 14 days) and the visitor visa's interview (60 days allowed) run
 * side by side, then a seat (about 7 days), then the result (up to 28 days): one model for the
 * card's days, the risk's earliest day and every text. Bilal: Karachi, certified, registered, Step 3
 * not started; its petition's sit-by day is Fri 19 Mar 2027.
 */
const bilal: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "fsmb-beside-visa",
    timezone: "Asia/Karachi",
    matchYear: 2027,
    graduation: "2023-06-30",
    visa: "H-1B",
  }),
  milestones: [
    ...doneMilestones(REGISTERED_KEYS, "2025-09-15"),
    milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});
const at = (iso: string): Plan => plan(bilal, seasonCalendar(2027), new Date(iso));
const step3Card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const step3Risk = (result: Plan) =>
  result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "";

describe("Step 3 abroad: FSMB and the visitor visa side by side", () => {
  it("the card gives one day to start both, 67 days before the sitting, before and after FSMB's serial day", () => {
    for (const now of ["2026-12-05T10:00:00Z", "2027-01-09T10:00:00Z"]) {
      expect(step3Card(at(now))).toContain(
        "To sit it by Fri 19 Mar 2027: apply for the visitor visa and, beside it, to FSMB by Mon 11 Jan 2027",
      );
      expect(step3Card(at(now))).not.toContain("Mon 28 Dec 2026");
    }
  });

  it("the risk counts the earliest result with the visa beside FSMB: 12 Jan + 60 + 7 + 28 days", () => {
    const message = step3Risk(at("2027-01-12T05:00:00Z"));
    expect(message).toContain("Step 3's result can reach programs around Sat 17 Apr 2027 at the earliest");
    expect(message).toContain("beside it, then about 7 days to a US test date");
    expect(message).not.toContain("between them");
  });

  it("the H-1B fallback's allowances say the same", () => {
    const risk = at("2027-01-12T05:00:00Z").risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain(
      "about 14 days of FSMB processing with 60 days for a visitor visa interview beside it, then about 7 days to a test date",
    );
  });
});
