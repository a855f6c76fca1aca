import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * The Pathway application goes in without waiting for the OET result, which
 * follows it as a supporting document by ECFMG's later deadline for documents (catalog
 * `neededByOwnDate`, `documentsDue`). So a booked-late OET must not move the Pathway's "aim for"
 * date: before the fix TARGETS_SLIPPED told the Karachi applicant (OET booked Sat 9 Jan 2027) to
 * "aim for Sat 20 Feb 2027", 56 days after the projected application deadline beside a critical
 * risk saying "submit it now, by Sat 26 Dec 2026".
 */

const DONE = DONE_BUT_OET_AND_PATHWAY;

function applicant(timezone: string, milestones: MilestoneEntry[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027 }),
    milestones: [...DONE.map((key) => ({ key, status: "done" as const })), ...milestones],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

function slipped(result: Plan) {
  return result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");
}

describe("a booked-late OET does not move the Pathway's target", () => {
  it("Karachi, OET booked Sat 9 Jan 2027, Pathway in progress", () => {
    const input = applicant("Asia/Karachi", [
      { key: "oet_medicine", status: "scheduled", date: "2027-01-09" },
      { key: "ecfmg_pathway", status: "in_progress" },
    ]);
    const result = planAt(input, "2026-12-02T06:00:00Z");
    expect(slipped(result)?.milestones ?? []).not.toContain("ecfmg_pathway");
    expect(slipped(result)?.message ?? "").not.toContain("aim for Sat 20 Feb 2027");
    const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.target?.local).toContain("23 Sep 2026");
  });

  it("Lagos, OET booked Sat 12 Dec 2026, Pathway not started", () => {
    const input = applicant("Africa/Lagos", [
      { key: "oet_medicine", status: "scheduled", date: "2026-12-12" },
    ]);
    const result = planAt(input, "2026-12-02T06:00:00Z");
    expect(slipped(result)?.milestones ?? []).not.toContain("ecfmg_pathway");
    expect(slipped(result)?.message ?? "").not.toContain("aim for Sat 23 Jan 2027");
  });
});

/** Every OET sitting from Aug 2026 to Feb 2027 (weekly), each Pathway status still to do, four nows. */
const SITTINGS = Array.from({ length: 30 }, (_, week) =>
  new Date(Date.UTC(2026, 7, 1) + week * 7 * 86_400_000).toISOString().slice(0, 10),
);
const PATHWAY: (MilestoneEntry | null)[] = [null, { key: "ecfmg_pathway", status: "in_progress" }];
const NOWS = ["2026-07-15T12:00:00Z", "2026-10-01T12:00:00Z", "2026-12-02T06:00:00Z", "2027-01-10T12:00:00Z"];

describe.each(["Asia/Karachi", "Africa/Lagos", "America/Los_Angeles", "Pacific/Auckland"])(
  "no Pathway 'aim for' date after its deadline (%s)",
  (zone) => {
    it("holds for every sitting, Pathway status and now", () => {
      for (const sitting of SITTINGS)
        for (const pathway of PATHWAY)
          for (const now of NOWS) {
            const milestones: MilestoneEntry[] = [
              { key: "oet_medicine", status: "scheduled", date: sitting },
            ];
            if (pathway !== null) milestones.push(pathway);
            const result = planAt(applicant(zone, milestones), now);
            const label = `${zone} ${sitting} ${pathway?.status ?? "not_started"} ${now}`;
            expect(slipped(result)?.milestones ?? [], label).not.toContain("ecfmg_pathway");
            const step = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
            if (step?.target !== undefined && step.dueBy !== null)
              expect(Date.parse(step.target.at) <= Date.parse(step.dueBy), label).toBe(true);
          }
    });
  },
);

describe("the OET's target in the catalog follows the new model", () => {
  it("is advice-labelled and says the Pathway application need not wait for the result", () => {
    const source = catalogEntry("oet_medicine").target?.source ?? "";
    expect(source).toMatch(/^advice: /);
    expect(source).toContain("need not wait for the result");
    expect(source).toContain("documentsDue");
    expect(source).not.toContain("the Pathway submission that needs it");
  });
});
