import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * What the applicant reports between the two rank order list deadline candidates counts:
 * the 2027 deadline is projected (Wed 24 Feb 2027, 9:00 PM ET, the
 * earlier candidate); its later candidate is Wed 3 Mar 2027 at that hour. A list certified, or a
 * result dated, after the first and by the second is the applicant's evidence, not a refusal. A
 * confirmed deadline (the 2026 Match's, Wed 25 Feb 2026) behaves as before.
 */

/** A Lagos J-1 applicant, interviewed in Dec 2026, every step to NRMP done but `open`, with `extra`. */
function lagosApplicant(matchYear: number, extra: MilestoneEntry[]): PlannerInput {
  const keys = extra.map((entry) => entry.key);
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Lagos",
      matchYear,
      graduation: "2024-06-30",
      visa: "J-1",
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => !keys.includes(key)),
        "2025-09-10",
      ),
      ...extra,
    ],
    interviews: [interviewFactory({ startsAt: `${matchYear - 1}-12-08T15:00:00+01:00` })],
  });
}

const planAt = (input: PlannerInput, year: number, iso: string): Plan =>
  plan(input, seasonCalendar(year), new Date(iso));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const stepMilestones = (result: Plan) => result.nextSteps.map((step) => step.milestone);

describe("a rank order list certified between the two deadline candidates", () => {
  const input = lagosApplicant(2027, [milestoneFactory("rank_order_list", "done", "2027-02-27")]);

  it("counts, flagged with a warning that asks, and the plan goes on to Match Week", () => {
    const result = planAt(input, 2027, "2027-02-28T10:00:00+01:00");
    expect(codes(result)).not.toContain("SEASON_OVER");
    expect(result.overdue.map((o) => o.milestone)).not.toContain("rank_order_list");
    const flag = result.risks.find((risk) => risk.code === "ROL_DEADLINE_MAY_BE_LATER");
    expect(flag?.severity).toBe("warning");
    expect(flag?.message).toContain(
      "You certified on Sat 27 Feb 2027, after our projected deadline (Thu 25 Feb 2027, 3:00 AM GMT+1 (Wed 24 Feb 2027, 9:00 PM ET)): NRMP's 2027 deadline must be later than our projection. If the date you entered is wrong, correct it",
    );
    // The same steps as for a list certified before the projected deadline.
    const inTime = lagosApplicant(2027, [milestoneFactory("rank_order_list", "done", "2027-02-18")]);
    expect(stepMilestones(result)).toEqual(stepMilestones(planAt(inTime, 2027, "2027-02-28T10:00:00+01:00")));
    expect(stepMilestones(result)).toContain("match_week");
  });

  it("still counts after the later candidate passes", () => {
    const result = planAt(input, 2027, "2027-03-05T10:00:00+01:00");
    expect(codes(result)).not.toContain("SEASON_OVER");
    expect(stepMilestones(result)).toContain("match_week");
  });

  it("a list dated after the later candidate's local day is refused as before", () => {
    const late = lagosApplicant(2027, [milestoneFactory("rank_order_list", "done", "2027-03-05")]);
    const result = planAt(late, 2027, "2027-03-06T10:00:00+01:00");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(codes(result)).not.toContain("ROL_DEADLINE_MAY_BE_LATER");
  });

  it("a confirmed deadline refuses a list dated two days after it, as before", () => {
    const confirmed = lagosApplicant(2026, [milestoneFactory("rank_order_list", "done", "2026-02-28")]);
    const result = planAt(confirmed, 2026, "2026-03-01T10:00:00+01:00");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(codes(result)).not.toContain("ROL_DEADLINE_MAY_BE_LATER");
  });
});

describe("an exam result dated between the two deadline candidates beside a certified list", () => {
  const input = lagosApplicant(2027, [
    milestoneFactory("usmle_step2ck", "done", "2027-02-26"),
    milestoneFactory("rank_order_list", "done", "2027-02-18"),
  ]);

  it("keeps the Match and says both sides in a critical risk, never 'NRMP withdrew you'", () => {
    const result = planAt(input, 2027, "2027-02-27T10:00:00+01:00");
    expect(codes(result)).not.toContain("SEASON_OVER");
    const text = JSON.stringify(result);
    expect(text).not.toContain("NRMP withdrew you");
    expect(text).not.toContain("withdrawn from the 2027 Match");
    const risk = result.risks.find((each) => each.code === "ROL_DEADLINE_MAY_BE_LATER");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "If NRMP's 2027 deadline is our projected Thu 25 Feb 2027, 3:00 AM GMT+1 (Wed 24 Feb 2027, 9:00 PM ET), a result dated Fri 26 Feb came too late and NRMP withdraws you; if it turns out later (Thu 4 Mar 2027, 3:00 AM GMT+1 (Wed 3 Mar 2027, 9:00 PM ET), 16 days before Match Day as in 2022–2025), you are in the Match. Check R3 now: your status must not read withdrawn.",
    );
    expect(stepMilestones(result)).toContain("match_week");
    // The critical risk is told at once, by email.
    const notice = result.reminders.find((r) => r.risk === "ROL_DEADLINE_MAY_BE_LATER");
    expect(notice?.milestone).toBe("match_week");
  });

  it("a result dated after the later candidate's local day (Thu 4 Mar in Lagos): NRMP withdrew you, as before", () => {
    const late = lagosApplicant(2027, [
      milestoneFactory("usmle_step2ck", "done", "2027-03-05"),
      milestoneFactory("rank_order_list", "done", "2027-02-18"),
    ]);
    const result = planAt(late, 2027, "2027-03-06T10:00:00+01:00");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(JSON.stringify(result)).toContain("withdrawn from the 2027 Match");
  });

  it("a confirmed deadline: a result dated after it withdraws, as before", () => {
    const confirmed = lagosApplicant(2026, [
      milestoneFactory("usmle_step2ck", "done", "2026-02-27"),
      milestoneFactory("rank_order_list", "done", "2026-02-18"),
    ]);
    const result = planAt(confirmed, 2026, "2026-02-28T10:00:00+01:00");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(codes(result)).not.toContain("ROL_DEADLINE_MAY_BE_LATER");
    expect(JSON.stringify(result)).toContain("withdrawn from the 2026 Match");
  });
});
