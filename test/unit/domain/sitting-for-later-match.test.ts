import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { pathwayDocumentsDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * The applicant targets the 2027 Match and booked an OET sitting for Sat 16 Jan
 * 2027, but the 2027 Match is out of reach (Step 2 CK not begun: MATCH_YEAR_NOT_FEASIBLE) and the
 * plan's early steps are dated for the 2028 Match. The OET's email paired the 2027 sitting with "The
 * deadline is Tue 4 Jan 2028", a 2028 date read as the deadline of the sitting the applicant booked.
 * An advisor says which Match the sitting counts for and when that Match needs its result: "Your
 * sitting counts for the 2028 Match …; ECFMG needs its result by Tue 25 Jan 2028".
 */

const DOCUMENTS_DUE_2028 = pathwayDocumentsDeadline(seasonCalendar(2028)) as number;

function booked(oet: { status: "scheduled" | "in_progress"; date: string }, matchYear = 2027): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "America/Los_Angeles", matchYear }),
    milestones: [
      ...doneMilestones([
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "lors",
        "cv",
        "personal_statement",
      ]),
      { key: "usmle_step2ck", status: "not_started" },
      { key: "oet_medicine", ...oet },
    ],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

const oetStep = (result: Plan) => result.nextSteps.find((each) => each.milestone === "oet_medicine");

describe("an OET sitting booked in 2027, the plan dated for the 2028 Match", () => {
  const ahead = planAt(booked({ status: "scheduled", date: "2027-01-16" }), "2026-12-02T18:00:00Z");

  it("the scenario: the 2027 Match is out of reach, the plan is dated for 2028", () => {
    const risk = ahead.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(new Date(DOCUMENTS_DUE_2028).toISOString()).toBe("2028-01-26T02:00:00.000Z");
  });

  it("the step says the sitting counts for the 2028 Match and when that Match needs its result", () => {
    const action = oetStep(ahead)?.action ?? "";
    expect(action).toContain("Your OET sitting is on Sat 16 Jan 2027");
    expect(action).toContain("This sitting counts for the 2028 Match, the one your plan is now dated for");
    expect(action).toContain("its result is needed by Tue 25 Jan 2028 (projected)");
  });

  it("the email about the sitting names the Match its deadline belongs to", () => {
    const reminders = ahead.reminders.filter(
      (each) => each.milestone === "oet_medicine" && each.countsDownTo === "own-date",
    );
    expect(reminders.length).toBeGreaterThan(0);
    const email = renderReminderEmail({
      recipientName: "Asha Rao",
      reminders: reminders.slice(0, 1),
      plan: ahead,
      unsubscribeUrl: "https://api.example.org/u",
    });
    expect(email.text).toContain(
      "The day you booked: an appointment to keep, not a deadline. The deadline for the 2028 Match, the one your plan is now dated for, is",
    );
    expect(email.text).not.toContain("not a deadline. The deadline is");
  });

  it.each(["scheduled", "in_progress"] as const)(
    "after the sitting (%s): due by the 2028 Match's deadline for its result, said with the Match",
    (status) => {
      const result = planAt(booked({ status, date: "2027-01-16" }), "2027-01-20T18:00:00Z");
      const step = oetStep(result);
      expect(Date.parse(step?.deadline?.at ?? "")).toBe(DOCUMENTS_DUE_2028);
      expect(step?.action).toContain("Your OET sitting was on Sat 16 Jan 2027");
      expect(step?.action).toContain("ECFMG needs it by Tue 25 Jan 2028");
      expect(step?.action).toContain(
        "This sitting counts for the 2028 Match, the one your plan is now dated for.",
      );
    },
  );

  it("a plan dated for its own Match adds nothing", () => {
    const own = planAt(booked({ status: "scheduled", date: "2027-08-16" }, 2028), "2026-12-02T18:00:00Z");
    expect(own.risks.some((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(false);
    expect(oetStep(own)?.action).not.toContain("counts for the");
  });
});
