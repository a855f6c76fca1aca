import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, interviewFactory } from "./factories.ts";

/**
 * On a plan the planner moved to a later Match, an exam reported
 * under way (registered, preparing) gets a "book your date" reminder within the catalog's booking
 * lead from the move (its last sitting day for the Match it missed), labelled advice, then its
 * normal ladder; its target is unchanged. Before, the next word came at the target's book-by day,
 * almost four months on.
 */
function planAt(now: string): Plan {
  const applicant = applicantFactory({
    fullName: "Valentina Ríos",
    matchYear: 2027,
    timezone: "America/Bogota",
    graduation: "2024-12-15",
    medicalSchool: { name: "Universidad del Caribe", country: "CO", wdomsSponsorNote: true },
  });
  const done = doneMilestones([
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "oet_medicine",
    "ecfmg_pathway",
    "usce",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ]);
  return plan(
    inputFactory({
      applicant,
      milestones: [...done, { key: "usmle_step2ck", status: "in_progress" }],
      interviews: [interviewFactory({ id: "iv-bog", startsAt: "2026-12-10T09:00:00-05:00" })],
    }),
    seasonCalendar(2027),
    new Date(now),
  );
}
const bookNow = (result: Plan): Reminder | undefined =>
  result.reminders.find((reminder) => reminder.milestone === "usmle_step2ck" && reminder.rung === "book-now");

describe("an exam under way on a plan moved to a later Match", () => {
  it("is told to book its date at the next slot after the move, counting down to its unchanged target", () => {
    const result = planAt("2027-02-04T15:00:00Z");
    expect(result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(true);
    const reminder = bookNow(result);
    expect(reminder?.sendAtLocal).toBe("2027-02-05T09:00:00.000-05:00");
    expect(reminder?.countsDownTo).toBe("target");
    expect(reminder?.title).toContain("Book your USMLE Step 2 CK test date now");
    expect(reminder?.why).toContain("(advice");
    const step = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    expect(reminder?.deadline).toBe(step?.target?.at);
    // Its normal ladder stays: the book-by rung at the target's booking lead.
    expect(
      result.reminders.some((each) => each.milestone === "usmle_step2ck" && each.rung === "book-by"),
    ).toBe(true);
  });

  it("keeps its id when re-planned, and is not sent once the booking lead from the move has run", () => {
    const first = bookNow(planAt("2027-02-04T15:00:00Z"));
    expect(bookNow(planAt("2027-02-20T15:00:00Z"))?.id).toBe(first?.id);
    expect(bookNow(planAt("2027-05-10T15:00:00Z"))).toBeUndefined();
  });
});
