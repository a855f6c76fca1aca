import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * In the US on H-1B, the program's petition may ask for a change of status (no visa stamp) or for
 * consular processing: until the applicant says which, a visa-behind risk names the stamping only
 * on consular processing, and says "H-1B status (change of status) or visa", never "visa" alone.
 *
 * Lucía, in Miami: certified, Step 3 passed, matched on 19 Mar 2027, contract not yet signed in June.
 */
const calendar = seasonCalendar(2027);

function lucia(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "America/New_York",
      matchYear: 2027,
      visa: "H-1B",
      graduation: "2024-06-30",
    }),
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2025-05-01",
      ),
      milestoneFactory("ecfmg_certification", "done", "2025-10-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-15"),
      ...doneMilestones(
        ["eras_token", "eras_application", "nrmp_registration", "rank_order_list"],
        "2026-10-01",
      ),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("match_day", "done", "2027-03-19"),
    ],
    interviews: [],
  });
}

describe("in the US on H-1B, contract behind in June: status or visa", () => {
  it("names the stamping as conditional and the status beside the visa", () => {
    const result = plan(lucia(), calendar, new Date("2027-06-01T10:00:00-04:00"));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "H-1B visa stamping (only if your program files for consular processing) still follows",
    );
    expect(risk?.message).toContain("Without your H-1B status (change of status) or visa you cannot start");
    expect(risk?.message).not.toContain("Without your H-1B visa");
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.title).toBe(
      "Your H-1B steps are behind: you cannot start residency without your H-1B status (change of status) or visa",
    );
  });
});
