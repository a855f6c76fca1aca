import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  inputFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * EXAMS_LATE_FOR_RANKING gave the Pathway "the usual 60 days of
 * preparation … prepare faster" with the OET passed, while the feasibility message allows ECFMG's
 * review (28 days, advice) once submitted with the OET result. One lead time for the Pathway, the
 * review's: with the OET done the risk says to submit now; with the OET not in, it names the OET.
 */

const DONE = DONE_BUT_OET_AND_PATHWAY;

function lagos(oet: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027 }),
    milestones: openStepsNotStarted([...DONE.map((key) => ({ key, status: "done" as const })), oet]),
  });
}

function lateMessage(input: PlannerInput, now: string): string {
  const result: Plan = plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
  return result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
}

describe("the Pathway's lead time in EXAMS_LATE_FOR_RANKING", () => {
  it("with the OET passed: submit now, ECFMG's review allows about 28 days, no preparation lecture (rolearly)", () => {
    // Alone, the Pathway's last day is MATCH_YEAR_LAST_DAY's (one risk per Pathway fact):
    // EXAMS_LATE_FOR_RANKING's words are reached beside a Step 2 CK booked 10 Jan (a second subject).
    const done = DONE.filter((key) => key !== "usmle_step2ck");
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027 }),
      milestones: openStepsNotStarted([
        ...done.map((key) => ({ key, status: "done" as const })),
        { key: "oet_medicine", status: "done" },
        { key: "usmle_step2ck", status: "scheduled", date: "2027-01-10" },
      ]),
    });
    const message = lateMessage(input, "2026-11-30T12:00:00Z");
    expect(message).toContain("submit your Pathway application now");
    expect(message).toContain("ECFMG's review allows about 28 days");
    expect(message).not.toMatch(/preparation|prepare faster/);
  });

  it("with the OET passed, the Pathway alone: one risk says the review's 28 days, no preparation lecture", () => {
    const input = lagos({ key: "oet_medicine", status: "done" });
    const result = plan(input, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z"));
    const about = result.risks.filter(
      (risk) => risk.code === "EXAMS_LATE_FOR_RANKING" || risk.code === "MATCH_YEAR_LAST_DAY",
    );
    expect(about.map((risk) => risk.code)).toEqual(["MATCH_YEAR_LAST_DAY"]);
    expect(about[0]?.message).toContain("about 28 days for ECFMG's review");
    expect(about[0]?.message).not.toMatch(/preparation|prepare faster/);
  });

  it("with the OET not in: submit without waiting for it, no preparation lecture", () => {
    // 2 Dec 2026: the Pathway's application deadline (Sat 26 Dec) is within ECFMG's review time. The
    // OET's own last day (Tue 5 Jan 2027, the documents deadline less its result time) is ahead, so
    // it is not named as late (on 20 Nov it was, past Sat 14 Nov).
    const message = lateMessage(
      lagos({ key: "oet_medicine", status: "in_progress" }),
      "2026-12-02T12:00:00Z",
    );
    expect(message).toContain("without waiting for your OET Medicine result");
    expect(message).not.toMatch(/the OET is what is late/);
    expect(message).not.toMatch(/preparation|prepare faster/);
  });
});
