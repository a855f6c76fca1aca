import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * A Manila applicant who paid the 2027 ERAS and NRMP fees but cannot reach the 2027
 * Match is budgeted NRMP's registration twice (spent for 2027, upcoming for 2028); the printed budget
 * repeated NRMP's "flagged, verify" footnote once per row. One footnote per fact.
 */
describe("the printed budget's footnotes", () => {
  const paidThenOutOfReach = plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Manila", graduation: "2025-05-30" }),
      milestones: openStepsNotStarted([
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "lors", "personal_statement", "cv"],
          "2026-08-01",
        ),
        ...doneMilestones(
          ["program_list", "eras_token", "eras_application", "nrmp_registration"],
          "2026-09-05",
        ),
      ]),
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

/**
 * A Manila applicant who ranked for 2027 and moved to the 2028 Match (NRMP registered
 * on 5 Oct 2026) is budgeted NRMP's registration for 2028 and again as "(paid for an earlier Match
 * season)": the footnote, keyed by the row's label, was printed for each with the same text.
 */
describe("the printed budget's footnotes for a fee paid for an earlier season", () => {
  const movedTo2028 = plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Manila", graduation: "2025-06-01" }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"],
          "2026-03-15",
        ),
        milestoneFactory("eras_token", "done", "2026-06-20"),
        milestoneFactory("eras_application", "done", "2026-10-01"),
        milestoneFactory("nrmp_registration", "done", "2026-10-05"),
        milestoneFactory("rank_order_list", "done", "2027-02-20"),
      ],
    }),
    seasonCalendar(2028),
    new Date("2027-03-25T03:00:00Z"),
  );

  it("budgets NRMP's registration for 2028 and as paid for the earlier season, both flagged", () => {
    const nrmp = movedTo2028.budget.items.filter((item) => item.label.startsWith("NRMP registration"));
    expect(nrmp.map((item) => item.status).sort()).toEqual(["spent", "upcoming"]);
    expect(nrmp.every((item) => item.verify !== undefined)).toBe(true);
  });

  it("prints NRMP's footnote once, under the fee's own name", () => {
    const footnotes = renderPlan(movedTo2028, "Jose")
      .split("\n")
      .filter((line) => line.startsWith("  ! "));
    const nrmp = footnotes.filter((line) => line.startsWith("  ! NRMP registration"));
    expect(nrmp).toHaveLength(1);
    expect(nrmp[0]).not.toContain("earlier Match season");
    expect(new Set(footnotes.map((line) => line.slice(line.indexOf(": ")))).size).toBe(footnotes.length);
  });
});
