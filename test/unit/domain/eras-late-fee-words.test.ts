import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Fee words that fit what is paid: long after programs began reviewing, ERAS_LATE_SUBMISSION
 * says "Before you pay ERAS fees for this Match, weigh applying early for the next Match". To an
 * applicant whose ERAS token is paid (the budget's `spentWhen`: done) the fees still to pay are the
 * application fees, and the token paid counts for this Match only (catalog `redoneEachSeason`): the
 * next Match needs a new one.
 */
const now = new Date("2026-11-30T12:00:00Z");
const planWith = (token: "done" | "not_started"): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos" }),
      milestones: [
        ...doneMilestones(["wdoms_listing", "ecfmg_application", "lors", "cv", "personal_statement"]),
        ...examsDone(),
        ...(token === "done" ? [milestoneFactory("eras_token", "done", "2026-06-20")] : []),
        milestoneFactory("eras_application", "in_progress"),
      ],
    }),
    seasonCalendar(2027),
    now,
  );
const messageOf = (result: Plan) =>
  result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.message ?? "";

describe("ERAS_LATE_SUBMISSION's fee words fit the ERAS token paid", () => {
  it("keeps its words for an applicant with no ERAS fee paid", () => {
    const message = messageOf(planWith("not_started"));
    expect(message).toContain(
      "Before you pay ERAS fees for this Match, weigh applying early for the 2028 Match",
    );
    expect(message).not.toContain("token");
  });

  it("names the application fees still to pay, and the paid token as this Match's only", () => {
    const message = messageOf(planWith("done"));
    expect(message).toContain(
      "Before you pay ERAS application fees for this Match, weigh applying early for the 2028 Match",
    );
    expect(message).toContain(
      "the ERAS token you paid is for the 2027 Match only; the 2028 Match needs a new one.",
    );
    expect(message).not.toContain("Before you pay ERAS fees");
  });
});
