import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { RiskCode } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  examsDone,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

interface RiskCase {
  name: string;
  input: PlannerInput;
  now: string;
  code: RiskCode;
  expected: "critical" | "warning" | "absent";
}

const cases: RiskCase[] = [
  {
    name: "school without sponsor note",
    input: inputFactory({
      applicant: applicantFactory({
        medicalSchool: { name: "No Note U", country: "NG", wdomsSponsorNote: false },
      }),
    }),
    now: "2025-06-01T00:00:00Z",
    code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
    expected: "critical",
  },
  {
    name: "sponsor note not yet checked",
    input: inputFactory({
      applicant: applicantFactory({
        medicalSchool: { name: "Unknown U", country: "NG", wdomsSponsorNote: null },
      }),
    }),
    now: "2025-06-01T00:00:00Z",
    code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
    expected: "absent",
  },
  {
    name: "Step 2 CK scheduled too close to the ROL deadline",
    // Step 1 and the Pathway done: with them not begun the season is out of reach instead (issue #9).
    input: inputFactory({
      milestones: [
        ...doneMilestones(["usmle_step1", "oet_medicine", "ecfmg_pathway"]),
        milestoneFactory("usmle_step2ck", "scheduled", "2026-02-10"),
      ],
    }),
    now: "2026-01-05T00:00:00Z",
    code: "EXAMS_LATE_FOR_RANKING",
    expected: "critical",
  },
  {
    name: "Pathway not started five weeks before the ROL deadline, its projected deadline passed",
    input: inputFactory({
      milestones: [
        // OET done: with OET not begun either, the season is out of reach instead (issue #9).
        ...doneMilestones(["usmle_step1", "usmle_step2ck", "oet_medicine"]),
        milestoneFactory("ecfmg_pathway", "not_started"),
      ],
    }),
    // Submitted today, ECFMG's review would still end before the ROL deadline, but the projected
    // Pathway application deadline (27 Dec 2025, the 2026 one was not found) has passed: planned
    // for, as the earlier date, it ends the season (it was once only a warning,
    // PATHWAY_DEADLINE_PROJECTED).
    now: "2026-01-20T00:00:00Z",
    code: "MATCH_YEAR_NOT_FEASIBLE",
    expected: "critical",
  },
  {
    name: "Pathway not started five weeks before the ROL deadline: not 'too late to be decided'",
    input: inputFactory({
      milestones: [
        ...doneMilestones(["usmle_step1", "usmle_step2ck", "oet_medicine"]),
        milestoneFactory("ecfmg_pathway", "not_started"),
      ],
    }),
    now: "2026-01-20T00:00:00Z",
    code: "EXAMS_LATE_FOR_RANKING",
    expected: "absent",
  },
  {
    name: "Pathway not started 24 days before the ROL deadline: less than ECFMG's review",
    input: inputFactory({
      milestones: [
        ...doneMilestones(["usmle_step1", "usmle_step2ck", "oet_medicine"]),
        milestoneFactory("ecfmg_pathway", "not_started"),
      ],
    }),
    now: "2026-02-01T00:00:00Z",
    code: "MATCH_YEAR_NOT_FEASIBLE",
    expected: "critical",
  },
  {
    name: "exams scheduled early enough",
    input: inputFactory({
      milestones: [
        milestoneFactory("usmle_step1", "done", "2024-10-01"),
        milestoneFactory("usmle_step2ck", "scheduled", "2025-11-01"),
        milestoneFactory("ecfmg_pathway", "done", "2025-09-01"),
      ],
    }),
    now: "2025-10-01T00:00:00Z",
    code: "EXAMS_LATE_FOR_RANKING",
    expected: "absent",
  },
  {
    name: "graduation after the residency start",
    // Exams done: with nothing done the season is out of reach instead, and MATCH_YEAR_NOT_FEASIBLE
    // says so (a certificate risk for a Match out of reach would contradict it).
    input: inputFactory({
      applicant: applicantFactory({ graduation: "2026-06-30" }),
      milestones: examsDone(),
    }),
    now: "2025-10-01T00:00:00Z",
    code: "CERTIFICATION_AFTER_START",
    expected: "critical",
  },
  {
    name: "graduation a year earlier",
    input: inputFactory({ milestones: doneMilestones(["usmle_step1", "usmle_step2ck", "ecfmg_pathway"]) }),
    now: "2025-10-01T00:00:00Z",
    code: "CERTIFICATION_AFTER_START",
    expected: "absent",
  },
  {
    // The exams done, so the 2026 Match is the one planned (with none done the plan moves to a
    // later Match and judges H-1B ranking for it); graduating in May 2026, the
    // certificate comes after that Match's rank order list deadline.
    name: "H-1B student who cannot be certified before Match Day",
    input: inputFactory({
      applicant: applicantFactory({ visa: "H-1B", graduation: "2026-05-20" }),
      milestones: examsDone(),
    }),
    now: "2025-10-01T00:00:00Z",
    code: "STEP3_NEEDED_FOR_H1B",
    expected: "critical",
  },
  {
    name: "H-1B certified graduate without a Step 3 date",
    input: inputFactory({
      applicant: applicantFactory({ visa: "H-1B" }),
      milestones: doneMilestones(["ecfmg_certification"]),
    }),
    now: "2025-10-01T00:00:00Z",
    code: "STEP3_NEEDED_FOR_H1B",
    expected: "warning",
  },
  {
    name: "H-1B with Step 3 scheduled in time",
    input: inputFactory({
      applicant: applicantFactory({ visa: "H-1B" }),
      milestones: [milestoneFactory("usmle_step3", "scheduled", "2025-12-01")],
    }),
    now: "2025-10-01T00:00:00Z",
    code: "STEP3_NEEDED_FOR_H1B",
    expected: "absent",
  },
  {
    name: "J-1 applicants never need Step 3",
    input: inputFactory(),
    now: "2025-10-01T00:00:00Z",
    code: "STEP3_NEEDED_FOR_H1B",
    expected: "absent",
  },
  {
    name: "NRMP not registered after the early deadline",
    input: inputFactory({ milestones: examsDone() }),
    now: "2025-12-15T00:00:00Z",
    code: "NRMP_LATE_FEE",
    expected: "warning",
  },
  {
    name: "NRMP early deadline in a week",
    input: inputFactory({ milestones: examsDone() }),
    now: "2025-11-23T00:00:00Z",
    code: "NRMP_LATE_FEE",
    expected: "warning",
  },
  {
    name: "NRMP registered",
    input: inputFactory({ milestones: [milestoneFactory("nrmp_registration", "done", "2025-10-01")] }),
    now: "2025-12-15T00:00:00Z",
    code: "NRMP_LATE_FEE",
    expected: "absent",
  },
  {
    name: "ERAS not submitted after programs began reviewing",
    input: inputFactory({ milestones: examsDone() }),
    now: "2025-10-01T00:00:00Z",
    code: "ERAS_LATE_SUBMISSION",
    expected: "critical",
  },
  {
    name: "ERAS review starts in ten days",
    input: inputFactory({ milestones: examsDone() }),
    now: "2025-09-14T00:00:00Z",
    code: "ERAS_LATE_SUBMISSION",
    expected: "warning",
  },
  {
    name: "ERAS submitted",
    input: inputFactory({ milestones: doneMilestones(PRE_ERAS_KEYS) }),
    now: "2025-10-01T00:00:00Z",
    code: "ERAS_LATE_SUBMISSION",
    expected: "absent",
  },
  {
    // Exams reported: the applicant could have ranked (with nothing done the season was out of
    // reach at its deadline, and MATCH_YEAR_NOT_FEASIBLE stays).
    name: "ROL deadline passed without a certified list, registered with NRMP (SOAP still open)",
    // ERAS submitted: a list there may have been (with nothing to rank SEASON_OVER is a warning).
    input: inputFactory({
      milestones: [
        ...examsDone(),
        milestoneFactory("eras_application", "done", "2025-09-20"),
        milestoneFactory("nrmp_registration", "done"),
      ],
    }),
    now: "2026-02-26T03:00:00Z",
    code: "SEASON_OVER",
    expected: "critical",
  },
  {
    name: "ROL deadline passed without a certified list, never registered with NRMP (late registration closed)",
    input: inputFactory({ milestones: examsDone() }),
    now: "2026-02-26T03:00:00Z",
    code: "NRMP_REGISTRATION_CLOSED",
    expected: "critical",
  },
  {
    name: "ROL deadline passed, never registered with NRMP: the plan moves, no SEASON_OVER",
    input: inputFactory({ milestones: examsDone() }),
    now: "2026-02-26T03:00:00Z",
    code: "SEASON_OVER",
    expected: "absent",
  },
  {
    name: "one hour before the ROL deadline",
    input: inputFactory({ milestones: examsDone() }),
    now: "2026-02-26T01:00:00Z",
    code: "SEASON_OVER",
    expected: "absent",
  },
  {
    name: "ROL deadline passed, the season out of reach at it",
    input: inputFactory(),
    now: "2026-02-26T03:00:00Z",
    code: "SEASON_OVER",
    expected: "absent",
  },
  {
    name: "ROL deadline passed, the season out of reach at it",
    input: inputFactory(),
    now: "2026-02-26T03:00:00Z",
    code: "MATCH_YEAR_NOT_FEASIBLE",
    expected: "critical",
  },
  {
    name: "ROL certified, after the deadline",
    input: inputFactory({ milestones: [milestoneFactory("rank_order_list", "done", "2026-02-20")] }),
    now: "2026-03-01T00:00:00Z",
    code: "SEASON_OVER",
    expected: "absent",
  },
];

describe.each(cases)("risk $code: $name", ({ input, now, code, expected }) => {
  it(expected === "absent" ? "is not raised" : `is raised as ${expected}`, () => {
    // Prepare
    const calendar = seasonCalendar(input.applicant.matchYear);
    // Act
    const result = plan(input, calendar, new Date(now));
    // Assess
    const risk = result.risks.find((candidate) => candidate.code === code);
    if (expected === "absent") {
      expect(risk).toBeUndefined();
    } else {
      expect(risk?.severity).toBe(expected);
      expect(risk?.message.length).toBeGreaterThan(20);
      expect(risk?.milestones.length).toBeGreaterThan(0);
    }
  });
});

describe("risk details", () => {
  it("blocks everything that needs ECFMG when the school has no sponsor note", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        medicalSchool: { name: "No Note U", country: "NG", wdomsSponsorNote: false },
      }),
    });
    const result = plan(input, seasonCalendar(2026), new Date("2025-06-01T00:00:00Z"));
    const blockedKeys = result.blocked.map((step) => step.milestone);
    expect(blockedKeys).toEqual(
      expect.arrayContaining(["ecfmg_application", "usmle_step1", "usmle_step2ck", "eras_token", "visa_j1"]),
    );
    for (const step of result.blocked) {
      if (step.milestone === "interview") continue;
      if (catalogEntry(step.milestone).needsEcfmgEligibleSchool)
        // In words, never the WDOMS step's key (pages showed the key as is).
        expect(step.waitingFor).toEqual(["ECFMG sponsor note for your school"]);
    }
    expect(result.nextSteps.map((step) => step.milestone)).not.toContain("usmle_step1");
  });

  it("names the late exam and the ROL deadline in ET", () => {
    const input = inputFactory({
      milestones: [
        ...doneMilestones(["usmle_step1", "oet_medicine", "ecfmg_pathway"]),
        milestoneFactory("usmle_step2ck", "scheduled", "2026-02-10"),
      ],
    });
    const risk = plan(input, seasonCalendar(2026), new Date("2026-01-05T00:00:00Z")).risks.find(
      (candidate) => candidate.code === "EXAMS_LATE_FOR_RANKING",
    );
    expect(risk?.milestones).toContain("usmle_step2ck");
    expect(risk?.message).toContain("Wed 25 Feb 2026, 9:00 PM ET");
  });

  it("a result due on the rank order list deadline's own day: the Pathway deadline passed on both dates decides", () => {
    // Aarav's case in the demo: Step 2 CK sat, its result not in, the Pathway still to do.
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata", graduation: "2024-04-30" }),
      milestones: [
        milestoneFactory("ecfmg_application", "done", "2024-07-02"),
        milestoneFactory("usmle_step1", "done", "2025-02-14"),
        milestoneFactory("usmle_step2ck", "scheduled", "2026-07-22"),
        milestoneFactory("oet_medicine", "done", "2025-09-20"),
      ],
    });
    const outOfReach = (now: string) =>
      plan(input, seasonCalendar(2027), new Date(now)).risks.find(
        (candidate) => candidate.code === "MATCH_YEAR_NOT_FEASIBLE",
      )?.message ?? "";
    // Kept: a Pathway not submitted is refused only after the
    // latest candidate (Tue 2 Feb 2027, 9:00 PM ET), so neither the ROL day's own words nor the
    // "on either date" write-off is reached before it.
    for (const now of ["2027-01-28T04:00:00Z", "2027-01-28T06:00:00Z", "2027-02-01T06:00:00Z"]) {
      expect(outOfReach(now), now).toBe("");
    }
  });

  it("lists critical risks before warnings", () => {
    const input = inputFactory({ applicant: applicantFactory({ visa: "H-1B", graduation: "2026-05-20" }) });
    const severities = plan(input, seasonCalendar(2026), new Date("2025-12-15T00:00:00Z")).risks.map(
      (risk) => risk.severity,
    );
    expect(severities).toEqual([...severities].sort((left, right) => left.localeCompare(right)));
  });
});
