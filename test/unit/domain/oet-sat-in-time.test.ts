import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An OET Medicine sat on or before its last sitting day that still
 * counts (the projected Tue 5 Jan 2027, or the later candidate's Tue 12 Jan 2027), its result not
 * reported, is asked about (SCHEDULED_DATE_PASSED, critical: "Did you pass?"), as a USMLE sitting in
 * the same position is; the 2027 Match is kept. Before the fix, on 4 Feb 2027 the Match was written
 * off ("the last day to sit OET Medicine … has passed", "change to 2028", "withdraw from NRMP").
 */

/** A Lagos J-1 applicant with everything done but the OET (booked `sat`) and the Pathway (not reported). */
function lagos(sat: string, pathway?: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "o2-lagos",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "scheduled", date: sat },
      ...(pathway === undefined ? [] : [pathway]),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-15T09:00:00-05:00" })],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

function allText(result: Plan): string {
  return [...result.risks.map((risk) => risk.message), ...result.nextSteps.map((step) => step.action)].join(
    "\n",
  );
}

describe("an OET sat in time, its result not reported", () => {
  it.each([
    [
      "Lagos, sat on the projected last day",
      lagos("2027-01-05"),
      "2027-02-04T10:00:00+01:00",
      "Tue 26 Jan 2027",
    ],
    [
      "Lagos, sat on the later candidate's",
      lagos("2027-01-09"),
      "2027-02-04T10:00:00+01:00",
      "Sat 30 Jan 2027",
    ],
    [
      "Karachi, Pathway in progress since 20 Dec",
      {
        ...lagos("2027-01-05", { key: "ecfmg_pathway", status: "in_progress", date: "2026-12-20" }),
        applicant: applicantFactory({
          externalId: "o2-karachi",
          timezone: "Asia/Karachi",
          matchYear: 2027,
          graduation: "2025-06-30",
        }),
      },
      "2027-02-04T10:00:00+05:00",
      "Tue 26 Jan 2027",
    ],
  ])("%s: asked, the 2027 Match kept", (_name, input, now, resultDay) => {
    const result = planAt(input, now);
    const codes = result.risks.map((risk) => risk.code);
    expect(codes).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const asked = result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED");
    expect(asked?.severity).toBe("critical");
    expect(asked?.message).toContain("Did you pass?");
    expect(asked?.message).toContain(`Your result should have come around ${resultDay}`);
    expect(asked?.message).toContain("send it to ECFMG");
    const text = allText(result);
    expect(text).not.toContain("has passed on either date");
    expect(text).not.toContain("2028");
    expect(text).not.toContain("ask NRMP about withdrawing");
    // Reminded: one follow-up asking for the result, before the rank order list deadline.
    const followUp = result.reminders.find(
      (each) => each.milestone === "oet_medicine" && each.rung === "result-follow-up",
    );
    expect(followUp?.title).toContain("tell us the result");
  });

  it("keeps the question past the projected rank order list deadline, the Pathway presumed sent (26 Feb)", () => {
    const result = planAt(lagos("2027-01-05"), "2027-02-26T10:00:00+01:00");
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.message).toContain(
      "Did you pass?",
    );
  });
});
