import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * Programs invite applicants through ERAS, so an interview for
 * the entered Match is evidence the ERAS application went in. The ERAS application and what goes
 * into it (token, letters, CV, personal statement, program list), never reported, are presumed done
 * like the certification steps: not overdue, no ERAS_LATE_SUBMISSION, no ladder, and the one
 * CERTIFICATION_STATUS_UNREPORTED warning asks for them too. NRMP registration is not presumed.
 */
const ERAS_STEPS = ["lors", "personal_statement", "cv", "program_list", "eras_token", "eras_application"];

const interviews = [
  interviewFactory({
    program: "Bayview Internal Medicine",
    startsAt: "2026-12-12T10:00:00-05:00",
    timezone: "America/New_York",
  }),
  interviewFactory({
    program: "Prairie Family Medicine",
    startsAt: "2027-01-15T09:00:00-06:00",
    timezone: "America/Chicago",
    format: "in_person",
  }),
];

function planAt(now: string, milestones: MilestoneEntry[] = []): Plan {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "advb2-chiamaka",
      fullName: "Chiamaka Okonkwo",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-07-31",
      medicalSchool: {
        name: "University of Lagos College of Medicine",
        country: "NG",
        wdomsSponsorNote: true,
      },
    }),
    milestones,
    interviews,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

const eras = (keys: readonly string[]) => keys.filter((key) => ERAS_STEPS.includes(key));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const unreported = (result: Plan) =>
  result.risks.filter((risk) => risk.code === "CERTIFICATION_STATUS_UNREPORTED");

describe("interviews for the entered Match with no ERAS step reported", () => {
  const result = planAt("2026-12-01T12:00:00Z");

  // One line each, presumed paid, apart from what was reported spent.
  it("budgets a presumed step's fee as presumed paid: nothing invented as spent, nothing owed again", () => {
    const lines = result.budget.items.map((item) => item.label);
    const statusOf = (start: string) =>
      result.budget.items.filter((item) => item.label.startsWith(start)).map((item) => item.status);
    expect(statusOf("ERAS token")).toEqual(["presumed"]);
    expect(statusOf("USMLE Step 1")).toEqual(["presumed"]);
    expect(result.budget.items.filter((item) => item.status === "spent")).toEqual([]);
    // NRMP registration is not presumed; never reported, it is asked about: its fee
    // is shown "if you have not registered yet", in no total.
    expect(lines.some((label) => label.startsWith("NRMP registration"))).toBe(false);
    const asked = result.budget.toVerify?.find((item) => item.label.startsWith("NRMP registration"));
    expect(asked?.verify).toMatch(/^If you have not registered with NRMP yet/);
  });

  it("shows no ERAS step overdue and no ERAS_LATE_SUBMISSION", () => {
    expect(eras(result.overdue.map((step) => step.milestone))).toEqual([]);
    expect(eras(result.nextSteps.map((step) => step.milestone))).toEqual([]);
    expect(codes(result)).not.toContain("ERAS_LATE_SUBMISSION");
    expect(eras(result.reminders.map((reminder) => reminder.milestone))).toEqual([]);
  });

  it("asks for the ERAS steps' statuses in the one CERTIFICATION_STATUS_UNREPORTED warning", () => {
    const risks = unreported(result);
    expect(risks).toHaveLength(1);
    expect(risks[0]?.milestones).toEqual(expect.arrayContaining([...ERAS_STEPS, "usmle_step1"]));
    expect(risks[0]?.message).toContain("ERAS application");
    expect(risks[0]?.message).toContain("USMLE Step 2 CK");
  });

  it("still pushes NRMP registration, critical with its late fee once the early deadline has passed", () => {
    expect(result.nextSteps.some((step) => step.milestone === "nrmp_registration")).toBe(true);
    const late = planAt("2027-02-05T12:00:00Z");
    const fee = late.risks.find((risk) => risk.code === "NRMP_LATE_FEE");
    expect(fee?.severity).toBe("critical");
    expect(codes(late)).not.toContain("ERAS_LATE_SUBMISSION");
    expect(unreported(late)[0]?.milestones).not.toContain("nrmp_registration");
  });
});

describe("an ERAS step reported is judged as before", () => {
  // Every step never reported is presumed, whatever
  // else was reported, so the documents are asked for beside the application reported not started.
  // The answer the interview contradicts is asked
  // about (ANSWERS_CONTRADICT_INTERVIEW), which replaces ERAS_LATE_SUBMISSION's "weigh the next Match".
  it("ERAS application reported not started: questioned (critical), its unreported documents presumed", () => {
    const result = planAt("2026-12-01T12:00:00Z", [milestoneFactory("eras_application", "not_started")]);
    const asked = result.risks.find((risk) => risk.code === "ANSWERS_CONTRADICT_INTERVIEW");
    expect(asked?.severity).toBe("critical");
    expect(asked?.milestones).toEqual(["eras_application"]);
    expect(codes(result)).not.toContain("ERAS_LATE_SUBMISSION");
    expect(eras(result.overdue.map((step) => step.milestone))).toEqual(["eras_application"]);
    expect(eras(unreported(result)[0]?.milestones ?? [])).toEqual([
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
    ]);
  });

  it("ERAS application reported done, exams and Pathway reported: nothing presumed, no warning", () => {
    const done = ["ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"].map(
      (key) => milestoneFactory(key as MilestoneEntry["key"], "done", "2026-06-01"),
    );
    const result = planAt("2026-12-01T12:00:00Z", [...done, milestoneFactory("eras_application", "done")]);
    expect(unreported(result)).toEqual([]);
    expect(codes(result)).not.toContain("ERAS_LATE_SUBMISSION");
  });
});

describe("certification reported, ERAS steps not: only the ERAS steps are presumed", () => {
  it("names only the ERAS steps, and the certificate's step does not ask for exam statuses", () => {
    const done = ["ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"].map(
      (key) => milestoneFactory(key as MilestoneEntry["key"], "done", "2026-06-01"),
    );
    const result = planAt("2026-12-01T12:00:00Z", done);
    expect(codes(result)).not.toContain("ERAS_LATE_SUBMISSION");
    expect([...(unreported(result)[0]?.milestones ?? [])].sort()).toEqual([...ERAS_STEPS].sort());
    const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.action ?? "").not.toContain("suggests your exams");
  });
});
