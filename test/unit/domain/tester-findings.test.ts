import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema, MILESTONE_KEYS } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/** An advisor's smaller findings on issue #9, one rule each. */

function planFor(input: PlannerInput, now: string) {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

describe("each specialty once", () => {
  it("refuses a repeated specialty (any case), naming the field", () => {
    const snapshot = {
      type: "applicant.snapshot",
      submissionId: "dup",
      applicant: applicantFactory({ specialties: ["Internal Medicine", "internal medicine"] }),
      milestones: [],
      interviews: [],
    };
    const parsed = ApplicantSnapshotSchema.safeParse(snapshot);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(["applicant", "specialties"]);
    expect(issue?.message).toContain("only once");
  });
});

describe("the Step 3 fee says what its source is", () => {
  it("is secondary (a mirror of FSMB's FAQ) and flagged to verify", () => {
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({ visa: "H-1B" }),
        milestones: doneMilestones(["ecfmg_certification"]),
      }),
      "2025-10-01T00:00:00Z",
    );
    const step3 = result.budget.items.find((item) => item.key === "usmle_step3_exam");
    expect(step3?.basis).toBe("secondary");
    expect(step3?.verify).toMatch(/^flagged, verify/);
  });
});

describe("an in-progress Statement of Need", () => {
  it("is followed up, not requested again", () => {
    const matched = MILESTONE_KEYS.slice(0, MILESTONE_KEYS.indexOf("contract") + 1).filter(
      (key) => key !== "j1_statement_of_need",
    );
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2026 }),
        milestones: [
          ...doneMilestones(matched, "2026-03-20"),
          milestoneFactory("j1_statement_of_need", "in_progress"),
        ],
      }),
      "2026-03-25T10:00:00Z",
    );
    const step = result.nextSteps.find((candidate) => candidate.milestone === "j1_statement_of_need");
    expect(step?.action).toMatch(/^Your Statement of Need request is under way/);
    expect(step?.action).not.toContain("now;");
  });
});

describe("a target Match that has already passed", () => {
  it("says that Match has passed and asks whether a later one was meant", () => {
    const keys = MILESTONE_KEYS.slice(0, MILESTONE_KEYS.indexOf("nrmp_registration") + 1);
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2026 }),
        milestones: [
          ...doneMilestones(keys, "2026-09-20"),
          milestoneFactory("rank_order_list", "done", "2026-11-20"),
        ],
      }),
      "2026-11-30T10:00:00Z",
    );
    const risk = result.risks.find((candidate) => candidate.code === "SEASON_OVER");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("your list dated 2026-11-20 is after it");
    expect(risk?.message).toContain("that Match has passed for you");
    expect(risk?.message).toContain("change your target Match year");
    expect(result.risks.map((candidate) => candidate.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
  });
});
