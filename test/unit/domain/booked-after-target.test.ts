import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { SCORE_REPORTING_DAYS } from "#domain/planner/advice.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A 2028 Match graduate, ECFMG application and Step 1 done, Step 2 CK
// booked for Fri 15 Oct 2027, seven weeks after its competitive target (Wed 25 Aug 2027, four weeks
// before programs start reviewing on Wed 22 Sep 2027, projected): no risk said so.

const NOW = "2026-11-30T12:00:00Z";
const inputWith = (step2ckDate: string) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-06-01"),
      milestoneFactory("oet_medicine", "in_progress"),
      milestoneFactory("usmle_step2ck", "scheduled", step2ckDate),
    ],
  });
const bookedLate = (date: string) =>
  planFor(inputWith(date), NOW).risks.find((risk) => risk.code === "BOOKED_AFTER_TARGET");

describe("an exam booked after its competitive target is a warning with the gap", () => {
  it("warns that programs see the Step 2 CK score about 7 weeks after they start reviewing", () => {
    const risk = bookedLate("2027-10-15");
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["usmle_step2ck"]);
    expect(risk?.message).toContain("Fri 15 Oct 2027");
    expect(risk?.message).toContain("Wed 25 Aug 2027");
    // The result around Fri 12 Nov 2027 (28 days), programs reviewing from Wed 22 Sep 2027: 51 days.
    expect(risk?.message).toContain("Fri 12 Nov 2027");
    expect(risk?.message).toContain("Wed 22 Sep 2027");
    expect(risk?.message).toContain("about 7 weeks after");
    expect(risk?.sources).toContain(catalogEntry("usmle_step2ck").reportingDays?.source);
    expect(risk?.sources?.some((source) => source.startsWith("projected:"))).toBe(true);
  });

  it("says nothing for a Step 2 CK booked by its target", () => {
    expect(bookedLate("2027-08-20")).toBeUndefined();
  });

  it("keeps one scoring time: each USMLE exam's reportingDays is SCORE_REPORTING_DAYS", () => {
    for (const key of ["usmle_step1", "usmle_step2ck", "usmle_step3"] as const)
      expect(catalogEntry(key).reportingDays?.days).toBe(SCORE_REPORTING_DAYS);
  });
});
