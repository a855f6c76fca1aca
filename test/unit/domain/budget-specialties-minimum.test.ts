import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "./factories.ts";

/**
 * For several specialties the ERAS fee is the even split of programsPlanned, which
 * is the cheapest way to spread them (each specialty's count restarts at the $11 tier, facts.md §4):
 * 100 programs across 3 specialties is $1,290 split evenly but $2,050 as 80/10/10. The line says it
 * is the minimum; one specialty's line is exact and says nothing of the kind.
 */
const budgetLine = (specialties: string[]) =>
  plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, specialties, programsPlanned: 100 }),
      milestones: examsDone(),
    }),
    seasonCalendar(2027),
    new Date("2026-08-01T12:00:00Z"),
  ).budget.items.find((item) => item.key === "eras_programs");

describe("ERAS fees for several specialties are labelled the minimum", () => {
  it("labels the even split across three specialties as the least it can cost", () => {
    const line = budgetLine(["Internal Medicine", "Family Medicine", "Pediatrics"]);
    expect(line?.amountUsd).toBe(1290);
    expect(line?.label).toBe(
      "ERAS application fees: 100 programs across 3 specialties (the minimum, split evenly; more programs in one specialty cost more)",
    );
  });

  it("says no minimum for one specialty, whose fee is exact", () => {
    const line = budgetLine(["Internal Medicine"]);
    expect(line?.amountUsd).toBe(2430);
    expect(line?.label).toBe("ERAS application fees: 100 programs across 1 specialty");
  });
});
