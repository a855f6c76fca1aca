import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant who paid for the Match (ERAS application submitted, NRMP registered) and reports an
 * exam "not started" may well be preparing: a form's "not started" often means "not booked". The
 * Match is written off on the typical study period (advice) only once the applicant says so: the
 * plan asks first, names the last sitting day that still works, and gives "out of reach" only to
 * the answer that makes it true, with no withdrawal advice. Nothing paid, the verdict stands.
 *
 * Tomás: every certification step done but Step 2 CK, ERAS sent in September, NRMP registered in
 * October, no interview recorded.
 */
const calendar = seasonCalendar(2027);
const NOW = "2026-12-07T08:00:00-03:00";

function tomas(paid: boolean, step2: "not_started" | "in_progress" = "not_started"): PlannerInput {
  const season = paid
    ? [
        ...doneMilestones(["eras_token", "lors", "personal_statement", "cv", "program_list"], "2026-09-01"),
        milestoneFactory("eras_application", "done", "2026-09-20"),
        milestoneFactory("nrmp_registration", "done", "2026-10-05"),
      ]
    : [];
  return inputFactory({
    applicant: applicantFactory({ timezone: "America/Sao_Paulo", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"], "2025-04-01"),
      milestoneFactory("ecfmg_pathway", "done", "2026-08-15"),
      ...season,
      milestoneFactory("usmle_step2ck", step2),
    ],
    interviews: [],
  });
}

const planAt = (input: PlannerInput): Plan => plan(input, calendar, new Date(NOW));
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

describe("paid for the Match, an exam reported not started: asked before any verdict", () => {
  it("asks whether preparation has begun, and keeps the Match meanwhile", () => {
    const result = planAt(tomas(true));
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(result.matchYear).toBe(2027);
    const asked = riskOf(result, "EXAMS_LATE_FOR_RANKING");
    expect(asked?.severity).toBe("critical");
    expect(asked?.message).toContain(
      "Your answers say your USMLE Step 2 CK is not started. Have you started preparing for it? If so, mark it in progress: sit it by Wed 27 Jan 2027 at the latest",
    );
    // The verdict only for the answer that makes it true, and no withdrawal on an unasked status.
    expect(asked?.message).toContain(
      "If you have not started, about 120 days of preparation is typical (advice)",
    );
    expect(JSON.stringify(result.risks)).not.toContain("withdrawing");
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.title).toBe(
      "Have you started preparing for USMLE Step 2 CK? Tell us now: your answer decides whether the 2027 Match stays in reach",
    );
  });

  it("in progress: no question, the usual warning", () => {
    const asked = riskOf(planAt(tomas(true, "in_progress")), "EXAMS_LATE_FOR_RANKING");
    expect(asked?.message).not.toContain("Have you started");
  });

  it("nothing paid: the Match is out of reach on the typical study period, as before", () => {
    const result = planAt(tomas(false));
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")?.severity).toBe("critical");
    expect(JSON.stringify(result.risks)).not.toContain("Have you started");
  });
});

describe("paid for the Match, Step 2 CK reported not started: the card asks as the risk does", () => {
  const card = (result: Plan) =>
    result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";

  it("asks whether preparation has begun before 'apply to FSMB today', and names the answer that loses the Match", () => {
    const words = card(planAt(tomas(true)));
    expect(words).toMatch(
      /^Have you started preparing for USMLE Step 2 CK\? If so, mark it in progress and apply to FSMB/,
    );
    expect(words).toContain("sit it by Wed 27 Jan 2027");
    expect(words).toContain(
      "If you have not started, about 120 days of preparation is typical (advice), so its result would most likely come too late and the 2027 Match is out of reach: change your target Match year to 2028",
    );
    expect(words).toContain("before you pay any fee for it");
  });

  it("the weekly follow-ups of its passed target ask the same, never 'start preparing now' alone", () => {
    const followUps = planAt(tomas(true)).reminders.filter(
      (reminder) => reminder.milestone === "usmle_step2ck" && reminder.rung === "after-target",
    );
    expect(followUps.length).toBeGreaterThan(0);
    for (const reminder of followUps) {
      expect(reminder.why).toContain("Have you started preparing for it?");
      expect(reminder.why).toContain(
        "If you have not started, about 120 days of preparation is typical (advice)",
      );
      expect(reminder.why).not.toContain("Start preparing now");
    }
  });

  it("in progress: the card pushes the booking without the question", () => {
    expect(card(planAt(tomas(true, "in_progress")))).not.toContain("Have you started preparing");
  });
});
