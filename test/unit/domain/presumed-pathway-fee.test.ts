import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * A Pathway an interview
 * presumes sent shows its fee (amount not found, so listed to verify) presumed paid, as the other
 * presumed steps' fees are, not "upcoming … check the current Pathways requirements before applying".
 * Omar: Amman, J-1, interview 9 Dec 2026 for the 2027 Match.
 */
const calendar = seasonCalendar(2027);
const now = new Date("2026-12-21T08:00:00Z");

function omar(milestones: ReturnType<typeof milestoneFactory>[]) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "ppf-1",
      timezone: "Asia/Amman",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones,
    interviews: [interviewFactory({ program: "Riverside IM", startsAt: "2026-12-09T10:00:00-05:00" })],
  });
}

const pathwayFee = (result: Plan) =>
  result.budget.toVerify?.find((item) => item.key === "ecfmg_pathway_application");

describe("the fee of a Pathway presumed sent", () => {
  it.each([
    ["nothing reported", []],
    [
      "the OET reported in progress (the Pathway presumed sent)",
      [milestoneFactory("oet_medicine", "in_progress")],
    ],
  ])("%s: presumed paid, never 'before applying'", (_name, milestones) => {
    const fee = pathwayFee(plan(omar(milestones), calendar, now));
    expect(fee?.status).toBe("presumed");
    expect(fee?.verify).not.toContain("before applying");
    expect(fee?.verify).toContain("presumed paid");
  });

  it("a Pathway reported not started keeps its fee upcoming", () => {
    const fee = pathwayFee(plan(omar([milestoneFactory("ecfmg_pathway", "not_started")]), calendar, now));
    expect(fee?.status).toBe("upcoming");
  });
});
