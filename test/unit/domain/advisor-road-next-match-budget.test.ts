import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/** The road an advisor would plan: what an advisor would expect, checked on the plan. */
describe("a 2027 applicant whose plan targets the 2028 Match", () => {
  // Nothing done on 1 Dec 2026: the 2027 Match is out of reach and the plan targets 2028, whose
  // early NRMP registration deadline (Nov 30, 2027, projected) is a year away.
  const applicant = { timezone: "Africa/Nairobi", graduation: "2025-06-30", programsPlanned: 80 };
  const now = "2026-12-01T10:00:00Z";
  const moved = planFor(
    inputFactory({ applicant: applicantFactory({ ...applicant, matchYear: 2027 }) }),
    now,
  );
  const starter = planFor(
    inputFactory({ applicant: applicantFactory({ ...applicant, matchYear: 2028 }) }),
    now,
  );

  it("is planned for the 2028 Match", () => {
    expect(moved.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("budgets no 2027 late fee", () => {
    expect(moved.budget.items.map((item) => item.key)).not.toContain("nrmp_late_fee");
  });

  it("budgets every season-bound fee as a 2028 starter's budget does", () => {
    expect(moved.budget).toEqual(starter.budget);
  });
});
