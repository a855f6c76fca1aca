import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The sponsor note reported `false`, but the
 * applicant reports ECFMG approved the application and/or a USMLE Step 1 or Step 2 CK pass, which
 * ECFMG and FSMB allow only for a school with a note: the plan asks (as for an interview), and says
 * no "certification is not possible" nor refund talk until confirmed. An approved application alone
 * keeps the gate as given; a pass opens it, as a certificate does (note-false-beside-certificate.test.ts).
 */
const NOW = new Date("2026-11-20T06:00:00Z");

function planFor(milestones: MilestoneEntry[]): Plan {
  const applicant = applicantFactory({
    fullName: "Farah Siddiqui",
    matchYear: 2027,
    timezone: "Asia/Dhaka",
    graduation: "2024-01-31",
    medicalSchool: { name: "Northern Delta Medical College", country: "BD", wdomsSponsorNote: false },
  });
  return plan(inputFactory({ applicant, milestones, interviews: [] }), seasonCalendar(2027), NOW);
}
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe("a sponsor note reported false beside an approved application or an exam passed", () => {
  it("approved application and Step 1 passed: asked, the gate opened, no 'not possible' and no refund talk", () => {
    const result = planFor([
      milestoneFactory("wdoms_listing", "done", "2023-11-02"),
      milestoneFactory("ecfmg_application", "done", "2024-02-20"),
      milestoneFactory("usmle_step1", "done", "2025-03-14"),
    ]);
    const asked = risk(result, "ANSWERS_CONTRADICT_RECORD");
    expect(asked?.severity).toBe("critical");
    expect(result.risks[0]?.code).toBe("ANSWERS_CONTRADICT_RECORD");
    expect(asked?.message).toContain(
      "you report ECFMG approved your application and you passed USMLE Step 1, which ECFMG and FSMB allow only for a school with a sponsor note covering your graduation year: check WDOMS",
    );
    expect(asked?.message).toContain(
      "meanwhile your plan keeps every step planned, as your USMLE results show the note",
    );
    expect(asked?.message).not.toContain("interview");
    expect(asked?.sources).toContain("https://www.ecfmg.org/resources/medical-school-policy.html");
    // The pass opens the gate (FSMB registers an IMG only with ECFMG's approval): Step 2 CK is planned.
    expect(result.nextSteps.some((step) => step.milestone === "usmle_step2ck")).toBe(true);
    // The words about the school; the budget, planned now, names the refundable Visa Integrity Fee.
    const everything = JSON.stringify({ ...result, budget: undefined });
    expect(everything).not.toContain("certification is not possible");
    expect(everything).not.toContain("refund");
    expect(everything).not.toContain("what becomes of");
  });

  it("a Step 2 CK pass alone is evidence too", () => {
    const result = planFor([milestoneFactory("usmle_step2ck", "done", "2025-08-01")]);
    expect(risk(result, "ANSWERS_CONTRADICT_RECORD")?.message).toContain(
      "you report you passed USMLE Step 2 CK, which ECFMG and FSMB allow only",
    );
  });

  it("an application only in progress is no evidence: the note's gate speaks as before", () => {
    const result = planFor([milestoneFactory("ecfmg_application", "in_progress")]);
    expect(risk(result, "ANSWERS_CONTRADICT_RECORD")).toBeUndefined();
    expect(risk(result, "SCHOOL_NOT_ECFMG_ELIGIBLE")?.message).toContain("certification is not possible");
  });
});
