import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * "Plan for Rania Aziz: 2026 Match (out of reach: planned for the 2028
 * Match), confirmed calendar", while every date shown was the 2028 projection. A
 * plan's calendar status is "confirmed" only when every season date it uses is: the season the
 * dates are for is named, not the unreachable one.
 */
describe("the calendar named is the one the plan's dates are for", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      fullName: "Rania Aziz",
      timezone: "Asia/Karachi",
      matchYear: 2026,
      visa: "J-1",
      graduation: "2027-07-15",
      medicalSchool: { name: "Lahore X", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
  });
  const result = plan(input, seasonCalendar(2026), new Date("2026-11-30T12:00:00Z"));

  it("says projected when the later Match's projected dates are the ones shown", () => {
    expect(seasonCalendar(2026).status).toBe("confirmed");
    const later = result.risks.find(
      (risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE",
    )?.earliestFeasibleMatchYear;
    expect(later).toBe(2028);
    expect(seasonCalendar(2028).status).toBe("projected");
    expect(result.seasonStatus).toBe("projected");
    expect(renderPlan(result, "Rania Aziz").split("\n")[0]).toContain(
      "2026 Match (out of reach: planned for the 2028 Match), projected calendar",
    );
  });

  it("keeps confirmed for a plan dated for its own confirmed Match", () => {
    const own = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2026 }) }),
      seasonCalendar(2026),
      new Date("2025-06-01T12:00:00Z"),
    );
    expect(own.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(false);
    expect(own.seasonStatus).toBe("confirmed");
  });

  it("names the later Match's calendar beside its out-of-reach heading with no sponsor note too", () => {
    const noNote = plan(
      {
        ...input,
        applicant: {
          ...input.applicant,
          medicalSchool: { ...input.applicant.medicalSchool, wdomsSponsorNote: false },
        },
      },
      seasonCalendar(2026),
      new Date("2026-11-30T12:00:00Z"),
    );
    expect(renderPlan(noNote, "Rania Aziz").split("\n")[0]).toContain(
      "2026 Match (out of reach: planned for the 2028 Match), projected calendar",
    );
  });
});
