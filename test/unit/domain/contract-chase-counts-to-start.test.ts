import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The program sets its contract's signing window; the plan's contract date is advice. Chased up to
 * residency's start, the contract's rungs count to the start and say so, never "Overdue since" the
 * advice date.
 *
 * Kofi, in Accra on a J-1: certified, matched on 19 Mar 2027, no contract in April.
 */
function kofi(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Accra",
      matchYear: 2027,
      visa: "J-1",
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

describe("the contract chased up to residency's start", () => {
  it("counts to the start and never calls the advice date overdue", () => {
    const result = plan(kofi(), seasonCalendar(2027), new Date("2027-04-10T10:00:00Z"));
    const chase = result.reminders.filter(
      (each) =>
        each.milestone === "contract" && (each.rung === "visa-behind" || each.rung.startsWith("start-in-")),
    );
    expect(chase.length).toBeGreaterThan(0);
    for (const each of chase) {
      expect(each.overdueSince).toBeUndefined();
      expect(reminderDateLabel(each).label).toBe("Sign and return it");
      expect(each.why).toContain("programs set their own signing window");
    }
  });

  it("its next step reads by the start as its chase does, our date beside it as a passed target", () => {
    const result = plan(kofi(), seasonCalendar(2027), new Date("2027-05-20T10:00:00Z"));
    const row = result.nextSteps.find((each) => each.milestone === "contract");
    expect(row?.urgency).toBe("urgent");
    expect(row?.deadline?.local).toBe("by residency's start, Thu 1 Jul 2027");
    expect(row?.target?.local).toContain("Fri 2 Apr 2027");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("contract");
    // The emails' next-steps words: the start's own "by", said once.
    expect(row && stepDatesInline(row, Date.parse(result.now), result.risks)).toBe(
      "by residency's start, Thu 1 Jul 2027, projected date",
    );
    // The Statement of Need's date is the last day the J-1 chain after it fits: behind, it stays overdue.
    expect(result.overdue.map((each) => each.milestone)).toContain("j1_statement_of_need");
  });
});
