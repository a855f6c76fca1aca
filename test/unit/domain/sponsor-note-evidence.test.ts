import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Applicant, MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * ECFMG accepts an application, issues an ERAS token or a USMLE
 * eligibility only for a school with a sponsor note, and no interview comes without an ERAS
 * application. With the note unknown (null), such a record proves it: the unchecked gate is open,
 * and the plan reads as with the note (risks included). With nothing of the kind it stays held.
 */
const NOW = new Date("2026-12-03T12:00:00Z");
const INTERVIEW = interviewFactory({ startsAt: "2026-12-10T10:00:00-05:00" });

function planFor(
  timezone: string,
  note: boolean | null,
  milestones: MilestoneEntry[],
  interviewed: boolean,
): Plan {
  const applicant: Applicant = applicantFactory({
    matchYear: 2027,
    timezone,
    medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: note },
  });
  return plan(
    inputFactory({ applicant, milestones, interviews: interviewed ? [INTERVIEW] : [] }),
    seasonCalendar(2027),
    NOW,
  );
}
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe("evidence of ECFMG eligibility lifts the unknown sponsor-note gate", () => {
  it("(a) Karachi, Step 2 CK booked too late for ranking: critical EXAMS_LATE_FOR_RANKING as with the note", () => {
    const milestones = [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "oet_medicine",
          "ecfmg_pathway",
          "eras_token",
          "eras_application",
          "nrmp_registration",
        ],
        "2026-08-01",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-02-05"),
    ];
    const unknown = planFor("Asia/Karachi", null, milestones, true);
    const noted = planFor("Asia/Karachi", true, milestones, true);
    expect(risk(noted, "EXAMS_LATE_FOR_RANKING")?.severity).toBe("critical");
    expect(risk(unknown, "EXAMS_LATE_FOR_RANKING")).toEqual(risk(noted, "EXAMS_LATE_FOR_RANKING"));
    expect(unknown.risks).toEqual(noted.risks);
    expect(unknown.blocked).toEqual(noted.blocked);
  });

  it("(b) Lagos, nothing reported but an interview: NRMP registration open, NRMP_LATE_FEE critical as with the note", () => {
    const unknown = planFor("Africa/Lagos", null, [], true);
    const noted = planFor("Africa/Lagos", true, [], true);
    expect(unknown.blocked.map((each) => each.milestone)).not.toContain("nrmp_registration");
    expect(risk(noted, "NRMP_LATE_FEE")?.severity).toBe("critical");
    expect(risk(unknown, "NRMP_LATE_FEE")).toEqual(risk(noted, "NRMP_LATE_FEE"));
    // The same risks, but the unknown note is named in CERTIFICATION_STATUS_UNREPORTED.
    const others = (result: typeof unknown) =>
      result.risks.filter((each) => each.code !== "CERTIFICATION_STATUS_UNREPORTED");
    expect(others(unknown)).toEqual(others(noted));
    expect(risk(unknown, "CERTIFICATION_STATUS_UNREPORTED")?.message).toContain("confirm it in WDOMS");
    // The WDOMS check reads as satisfied: no step asks to confirm the sponsor note.
    expect(unknown.nextSteps.map((each) => each.milestone)).not.toContain("wdoms_listing");
  });

  it.each([
    ["ecfmg_application"],
    ["usmle_step1"],
    ["usmle_step2ck"],
    ["ecfmg_pathway"],
    ["eras_token"],
  ] as const)("%s done alone lifts the gate", (key) => {
    const result = planFor("Africa/Lagos", null, doneMilestones([key], "2026-08-01"), false);
    expect(result.nextSteps.map((each) => each.milestone)).not.toContain("wdoms_listing");
    expect(result.blocked.every((each) => !each.waitingFor.includes("wdoms_listing"))).toBe(true);
  });

  it("(c) note unknown with nothing done and no interview: still held behind the WDOMS check", () => {
    const result = planFor("Africa/Lagos", null, [], false);
    expect(result.nextSteps.map((each) => each.milestone)).toContain("wdoms_listing");
    expect(result.blocked.map((each) => each.milestone)).toContain("nrmp_registration");
    expect(risk(result, "NRMP_LATE_FEE")).toBeUndefined();
  });

  it("a step only waived proves nothing, and no sponsor note (false) stays ineligible", () => {
    const waived = planFor("Africa/Lagos", null, [milestoneFactory("usmle_step1", "waived")], false);
    expect(waived.nextSteps.map((each) => each.milestone)).toContain("wdoms_listing");
    const none = planFor("Africa/Lagos", false, doneMilestones(["ecfmg_application"], "2026-08-01"), true);
    expect(risk(none, "SCHOOL_NOT_ECFMG_ELIGIBLE")).toBeDefined();
  });
});
