import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * An interview recorded for the entered Match's season is
 * evidence the applicant is in that Match. Certification steps they never reported (missing from the
 * input) do not make it out of reach: the plan keeps the entered Match, the interviews keep their
 * reminders, and a warning asks for the steps' statuses. Statuses reported explicitly are judged as
 * before (a dropped Match's interviews get no reminders).
 */
const CERTIFICATION_STEPS = [
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
] as const;

/** What goes into the ERAS application, in catalog order: presumed with it too (interviews-without-eras-steps.test.ts). */
const ERAS_STEPS = ["lors", "personal_statement", "cv", "program_list", "eras_token", "eras_application"];

const MERCY = interviewFactory({
  program: "St Vincent Internal Medicine",
  startsAt: "2026-12-12T10:00:00-05:00",
  timezone: "America/New_York",
});
const LAKESIDE = interviewFactory({
  program: "Lakeside Family Medicine",
  startsAt: "2027-01-15T09:00:00-06:00",
  timezone: "America/Chicago",
  format: "in_person",
});

function planAt(now: string, milestones: MilestoneEntry[], interviews: Interview[]): Plan {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "advb-tomas",
      fullName: "Tomás Ferreira",
      timezone: "America/Sao_Paulo",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Universidade Federal de Minas Gerais", country: "BR", wdomsSponsorNote: true },
    }),
    milestones,
    interviews,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const interviewReminders = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.milestone === "interview");
const unreported = (result: Plan) =>
  result.risks.filter((risk) => risk.code === "CERTIFICATION_STATUS_UNREPORTED");

describe("interviews for the entered Match with no certification steps reported", () => {
  const result = planAt("2026-12-01T12:00:00Z", [], [MERCY, LAKESIDE]);

  it("keeps the entered Match: no MATCH_YEAR_NOT_FEASIBLE, NRMP registration dated for 2027, not 2028", () => {
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.deadline?.at).toMatch(
      /^2027-02-/,
    );
  });

  it("gives each interview its preparation and thank-you reminders", () => {
    const reminders = interviewReminders(result);
    const ids = new Set(
      result.nextSteps.filter((step) => step.milestone === "interview").map((step) => step.interviewId),
    );
    expect(ids.size).toBe(2);
    for (const id of ids) {
      const own = reminders.filter((reminder) => reminder.interviewId === id);
      expect(own.some((reminder) => reminder.rung.startsWith("interview-prep"))).toBe(true);
      expect(own.some((reminder) => reminder.rung.startsWith("interview-thank-you"))).toBe(true);
    }
  });

  it("asks for the unreported steps' statuses in one warning, with no reminder ladder for them", () => {
    const [risk] = unreported(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual([...CERTIFICATION_STEPS, ...ERAS_STEPS]);
    expect(risk?.message).toContain("2027 Match");
    expect(risk?.message).toMatch(/tell us/i);
    expect(risk?.message).toContain("USMLE Step 2 CK");
    const nagged = result.reminders.filter((reminder) =>
      (CERTIFICATION_STEPS as readonly string[]).includes(reminder.milestone),
    );
    expect(nagged).toEqual([]);
    // The certificate's step never states as done what the applicant never reported.
    const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.action).toContain("tell us their statuses");
    expect(certificate?.action).not.toContain("every exam and the Pathway are done");
  });

  it("asks only for the steps left unreported: Step 1 reported done is not asked for", () => {
    const partial = planAt(
      "2026-12-01T12:00:00Z",
      [
        milestoneFactory("ecfmg_application", "done", "2025-09-01"),
        milestoneFactory("usmle_step1", "done", "2026-03-10"),
      ],
      [MERCY],
    );
    expect(codes(partial)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(unreported(partial)[0]?.milestones).toEqual([
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      ...ERAS_STEPS,
    ]);
  });
});

describe("statuses reported explicitly are judged as before", () => {
  // Judged, not presumed: with interviews in hand their study time (advice) makes the Match tight,
  // never out of reach; the hard allowances still fit on 1 Dec.
  it("Step 1, Step 2 CK and OET reported not started for 20 Feb 2027: tight, not presumed done", () => {
    const late = ["usmle_step1", "usmle_step2ck", "oet_medicine"].map((key) =>
      milestoneFactory(key as (typeof CERTIFICATION_STEPS)[number], "not_started", "2027-02-20"),
    );
    const result = planAt("2026-12-01T12:00:00Z", late, [MERCY, LAKESIDE]);
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.milestones).toEqual(
      expect.arrayContaining(["usmle_step1", "usmle_step2ck", "oet_medicine"]),
    );
    expect(interviewReminders(result).length).toBeGreaterThan(0);
    for (const key of ["usmle_step1", "usmle_step2ck", "oet_medicine"] as const)
      expect(unreported(result)[0]?.milestones ?? []).not.toContain(key);
    // The steps never reported are still presumed, and asked for.
    expect(unreported(result)[0]?.milestones).toEqual(
      expect.arrayContaining(["ecfmg_application", "ecfmg_pathway"]),
    );
  });

  it("Step 2 CK reported not started on 10 Feb 2027, an interview ahead: still out of reach", () => {
    const interview = interviewFactory({
      program: "Harbor Pediatrics",
      startsAt: "2027-02-15T11:00:00-05:00",
    });
    const result = planAt(
      "2027-02-10T12:00:00Z",
      [milestoneFactory("usmle_step2ck", "not_started")],
      [interview],
    );
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(interviewReminders(result)).toEqual([]);
  });
});

describe("with no interview for the entered Match, nothing is presumed", () => {
  it("no interviews, no milestones: out of reach as before", () => {
    const result = planAt("2026-12-01T12:00:00Z", [], []);
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(unreported(result)).toEqual([]);
  });

  it("an interview after the entered Match's rank order list deadline is the next Match's: out of reach", () => {
    const next = interviewFactory({ program: "Harbor Pediatrics", startsAt: "2027-11-04T10:00:00-05:00" });
    const result = planAt("2026-12-01T12:00:00Z", [], [next]);
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(unreported(result)).toEqual([]);
  });
});

describe("a plan moved to the Match its interview is for (merge of tasks A and B)", () => {
  // Entered 2026, nothing reported, an interview for the 2027 Match: on 4 Jan 2027 the 2026 Match is
  // over and the plan moves to 2027, whose entered applicant is presumed in it by the interview.
  const input = (matchYear: number) =>
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear, visa: "J-1" }),
      milestones: [],
      interviews: [LAKESIDE],
    });
  const now = new Date("2027-01-04T11:00:00Z");
  const moved = plan(input(2026), seasonCalendar(2026), now);
  const native = plan(input(2027), seasonCalendar(2027), now);

  it("lays its steps, overdue and risks as the applicant who entered 2027, plus the one out-of-reach risk", () => {
    expect(
      moved.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2027);
    const codes = (result: Plan) =>
      result.risks.map((risk) => risk.code).filter((code) => code !== "MATCH_YEAR_NOT_FEASIBLE");
    expect(codes(moved)).toEqual(codes(native));
    expect(codes(moved)).toContain("CERTIFICATION_STATUS_UNREPORTED");
    expect(moved.overdue.map((step) => step.milestone)).toEqual(native.overdue.map((step) => step.milestone));
    expect(moved.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
  });
});
