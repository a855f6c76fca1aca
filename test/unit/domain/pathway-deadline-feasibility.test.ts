import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// Tester s12 issue 9f A3: a Manila applicant for the 2027 Match, J-1, everything done but the OET
// and the Pathway, planned on 30 Nov 2026. The plan's own Pathway application deadline is Sat 26 Dec
// 2026 (catalog ecfmg_pathway.due, ROL deadline - 60 days); the OET result, which the Pathway
// application needs, can arrive at the earliest on 28 Dec (a sitting within 7 days, 21 days for the
// result). The season was still "feasible".

const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "lors",
  "cv",
  "personal_statement",
  "program_list",
] as const;
const NOW = "2026-11-30T12:00:00Z";
const manila = (extra: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Asia/Manila",
      visa: "J-1",
      graduation: "2024-06-30",
    }),
    milestones: [...DONE.map((key) => milestoneFactory(key, "done")), ...extra],
  });
const notFeasible = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

describe("an OET result that can only come after the Pathway application deadline puts the season out of reach (s12 9f A3)", () => {
  it("OET not started: out of reach, naming 2028, the OET result and the Pathway deadline with its source", () => {
    const risk = notFeasible(planFor(manila([]), NOW));
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain(
      "your OET result, which your ECFMG Pathway application needs, would arrive around",
    );
    expect(risk?.message).toContain("after the Pathway application deadline, Sat 26 Dec 2026");
    expect(risk?.message).toContain("OET");
    expect(risk?.sources?.some((source) => source.includes("Pathways application rule"))).toBe(true);
  });

  it("OET booked for 20 Jan 2027: out of reach as well", () => {
    const risk = notFeasible(
      planFor(manila([milestoneFactory("oet_medicine", "scheduled", "2027-01-20")]), NOW),
    );
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
  });

  it("OET passed: the Pathway can still be submitted in time, the season stays feasible", () => {
    expect(notFeasible(planFor(manila([milestoneFactory("oet_medicine", "done")]), NOW))).toBeUndefined();
  });

  it("a month earlier, an OET sitting within a week still reports before the Pathway deadline: feasible", () => {
    expect(notFeasible(planFor(manila([]), "2026-10-30T12:00:00Z"))).toBeUndefined();
  });
});
