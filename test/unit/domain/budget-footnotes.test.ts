import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * Tester t9k F11: a Manila applicant who paid the 2027 ERAS and NRMP fees but cannot reach the 2027
 * Match is budgeted NRMP's registration twice (spent for 2027, upcoming for 2028); the printed budget
 * repeated NRMP's "flagged, verify" footnote once per row. One footnote per fact.
 */
describe("the printed budget's footnotes (tester t9k F11)", () => {
  const paidThenOutOfReach = plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Manila", graduation: "2025-05-30" }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "lors", "personal_statement", "cv"],
          "2026-08-01",
        ),
        ...doneMilestones(
          ["program_list", "eras_token", "eras_application", "nrmp_registration"],
          "2026-09-05",
        ),
      ],
    }),
    seasonCalendar(2027),
    new Date("2027-01-10T12:00:00Z"),
  );

  it("budgets NRMP's registration for both Matches and flags it", () => {
    const nrmp = paidThenOutOfReach.budget.items.filter((item) => item.label.startsWith("NRMP registration"));
    expect(nrmp.map((item) => item.status)).toEqual(["spent", "upcoming"]);
    expect(nrmp.every((item) => item.verify !== undefined)).toBe(true);
  });

  it("prints each flagged fact's footnote once", () => {
    const footnotes = renderPlan(paidThenOutOfReach, "Ana")
      .split("\n")
      .filter((line) => line.startsWith("  ! "));
    expect(footnotes.filter((line) => line.startsWith("  ! NRMP registration"))).toHaveLength(1);
    expect(new Set(footnotes).size).toBe(footnotes.length);
  });
});
