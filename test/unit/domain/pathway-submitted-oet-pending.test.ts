import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * The Pathway application goes in without waiting for the OET result, which
 * follows it as a supporting document (catalog `neededByOwnDate`, `documentsDue`). So a Pathway
 * submitted (its scheduled date passed, or in progress) does not mean the OET is done: the OET stays
 * in the plan, with its sitting's reminders, then "tell us the result", until the applicant reports
 * one. Only a Pathway reported done (ECFMG accepted it, which needs the OET result) implies it.
 * Before the fix, the OET vanished from every part of the plan once the Pathway's date had passed.
 */

const DONE = DONE_BUT_OET_AND_PATHWAY;

/** The Los Angeles applicant (p3.json): OET booked Sat 2 Jan 2027, Pathway for Sun 20 Dec 2026. */
function losAngeles(pathway: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "America/Los_Angeles", matchYear: 2027 }),
    milestones: [
      ...DONE.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "scheduled", date: "2027-01-02" },
      pathway,
    ],
  });
}

const SCHEDULED: MilestoneEntry = { key: "ecfmg_pathway", status: "scheduled", date: "2026-12-20" };

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

function oetIn(result: Plan): string[] {
  return [
    ...result.nextSteps.filter((each) => each.milestone === "oet_medicine").map(() => "nextSteps"),
    ...result.blocked.filter((each) => each.milestone === "oet_medicine").map(() => "blocked"),
    ...result.overdue.filter((each) => each.milestone === "oet_medicine").map(() => "overdue"),
  ];
}

describe("a Pathway submitted on a planned date that has passed, the OET not reported", () => {
  it("keeps the OET sitting ahead, with its reminders (21 Dec 2026)", () => {
    const result = planAt(losAngeles(SCHEDULED), "2026-12-21T20:00:00Z");
    const oet = result.nextSteps.find((each) => each.milestone === "oet_medicine");
    expect(oet?.action).toContain("Your OET sitting is on Sat 2 Jan 2027");
    const rungs = result.reminders
      .filter((each) => each.milestone === "oet_medicine")
      .map((each) => each.rung);
    expect(rungs).toContain("due-in-3d");
    expect(rungs).toContain("due-in-1d");
  });

  it.each(["2027-01-03T20:00:00Z", "2027-01-24T20:00:00Z", "2027-02-20T20:00:00Z"])(
    "asks for the OET result once the sitting has passed (%s)",
    (now) => {
      const result = planAt(losAngeles(SCHEDULED), now);
      expect(oetIn(result).length).toBeGreaterThanOrEqual(1);
      const step = result.nextSteps.find((each) => each.milestone === "oet_medicine");
      expect(step?.action).toContain("Your OET sitting was on Sat 2 Jan 2027");
      expect(step?.action).toContain("Tell us the result");
    },
  );

  it("keeps the OET behind a Pathway in progress too", () => {
    const result = planAt(
      losAngeles({ key: "ecfmg_pathway", status: "in_progress" }),
      "2027-01-03T20:00:00Z",
    );
    expect(oetIn(result).length).toBeGreaterThanOrEqual(1);
  });

  it("counts the OET done once the Pathway is reported done (ECFMG accepted it)", () => {
    const result = planAt(
      losAngeles({ key: "ecfmg_pathway", status: "done", date: "2027-01-20" }),
      "2027-01-24T20:00:00Z",
    );
    expect(oetIn(result)).toEqual([]);
    expect(result.reminders.filter((each) => each.milestone === "oet_medicine")).toEqual([]);
  });
});
