import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The Pathways, and so the OET, are confirmed for the 2026 Match only; later Matches keep them as
 * a cautious assumption (the catalog's own label). An early starter for the 2028 Match (Karachi,
 * only the WDOMS check done) was asked to book and pay for an OET sitting, and shown its AU$587 and
 * the Pathway's fee, as settled requirements: no surface said ECFMG had not announced them.
 */

function early2028(done: readonly MilestoneKey[] = []): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2028, graduation: "2027-08-31" }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-11-28"),
      ...done.map((key) => milestoneFactory(key, "done", "2026-12-01")),
    ],
  });
}

const planned = (input: PlannerInput, year: number, now: string): Plan =>
  plan(input, seasonCalendar(year), new Date(now));
const actionOf = (result: Plan, key: MilestoneKey): string =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

describe("a requirement not yet confirmed for the Match planned says so where it is asked for and budgeted", () => {
  const result = planned(early2028(), 2028, "2026-12-07T16:00:00Z");

  it("an OET already booked (paid) is not told to check before it pays", () => {
    const input = early2028(["ecfmg_application"]);
    const booked = planned(
      {
        ...input,
        milestones: [...input.milestones, milestoneFactory("oet_medicine", "scheduled", "2027-02-20")],
      },
      2028,
      "2026-12-07T16:00:00Z",
    );
    expect(actionOf(booked, "oet_medicine")).not.toContain("before you pay");
    const fee = booked.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(fee?.status).toBe("spent");
  });

  it("the OET's step names the assumption, with the year planned and the one confirmed", () => {
    expect(actionOf(result, "oet_medicine")).toContain(
      "Whether ECFMG keeps the Pathways, and their OET Medicine requirement, for the 2028 Match is not confirmed in Matchpath's data; planned as in 2026",
    );
  });

  it("the OET's fee and the Pathway's fee carry it in their flags", () => {
    const oet = result.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(oet?.status).toBe("upcoming");
    expect(oet?.verify).toContain("their OET Medicine requirement, for the 2028 Match is not confirmed");
    const pathway = result.budget.toVerify?.find((item) => item.key === "ecfmg_pathway_application");
    expect(pathway?.verify).toContain("Whether ECFMG keeps the Pathways for the 2028 Match is not confirmed");
  });

  it("the Pathway's step, once it can be asked for, names it too", () => {
    const applied = planned(early2028(["ecfmg_application"]), 2028, "2026-12-07T16:00:00Z");
    expect(actionOf(applied, "ecfmg_pathway")).toContain(
      "Whether ECFMG keeps the Pathways for the 2028 Match is not confirmed",
    );
  });

  it("the 2026 Match, for which the Pathways were confirmed, says nothing of it", () => {
    const input = inputFactory({ applicant: applicantFactory({ matchYear: 2026 }) });
    const confirmed = planned(input, 2026, "2025-06-01T12:00:00Z");
    expect(JSON.stringify(confirmed)).not.toContain("Whether ECFMG keeps the Pathways");
  });
});
