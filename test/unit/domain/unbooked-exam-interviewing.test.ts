import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An applicant interviewing for the Match with Step 2 CK not started.
 * (a) The card speaks as EXAMS_LATE_FOR_RANKING does (book any seat now, sit by the last sitting day,
 * the result by the rank order list deadline), not of programs starting to review; (b) that risk
 * turns critical in the exam's last week; (c) the step is reminded at least weekly until it is
 * booked or its last sitting day (Step 2 CK's reminders were 18 and 23 days apart).
 *
 * Wanjiru: Nairobi, J-1, 2027 Match, an interview on 14 Jan 2027, everything done but Step 2 CK.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

function wanjiru(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2027, fullName: "Wanjiru Kamau" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
        "2025-09-01",
      ),
      ...doneMilestones([
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
      ]),
      milestoneFactory("nrmp_registration", "done", "2026-10-02"),
      milestoneFactory("usmle_step2ck", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2027-01-14T10:00:00-05:00" })],
  });
}

const planAt = (now: string): Plan => plan(wanjiru(), calendar, new Date(now));
const step2 = (result: Plan) => result.nextSteps.find((s) => s.milestone === "usmle_step2ck");

describe("Step 2 CK not started while interviewing", () => {
  it("(a) the card says book any seat, sit by the last sitting day, for the rank order list deadline", () => {
    const action = step2(planAt("2026-12-03T07:00:00Z"))?.action ?? "";
    expect(action).not.toContain("when programs start reviewing");
    // FSMB first: no seat to book before the scheduling permit.
    expect(action).toContain("Apply to FSMB for USMLE Step 2 CK");
    expect(action).toContain("book the earliest seat once your scheduling permit comes");
    expect(action).toContain("by Wed 27 Jan 2027 at the latest");
    expect(action).toContain("rank order list deadline");
  });

  it("(b) EXAMS_LATE_FOR_RANKING is critical in the exam's last week", () => {
    const risk = planAt("2027-01-21T07:00:00Z").risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING");
    expect(risk?.severity).toBe("critical");
  });

  it.each(["2026-12-03T07:00:00Z", "2026-12-20T07:00:00Z", "2027-01-10T07:00:00Z"])(
    "(c) planned at %s, reminded at least weekly up to the last sitting day",
    (now) => {
      const lastDayEnd = Date.parse("2027-01-27T21:00:00Z"); // Thu 28 Jan 2027, 00:00 in Nairobi
      const sends = planAt(now)
        .reminders.filter((r) => r.milestone === "usmle_step2ck")
        .map((r) => Date.parse(r.sendAt))
        .filter((at) => at < lastDayEnd)
        .sort((a, b) => a - b);
      let previous = Date.parse(now);
      for (const at of [...sends, lastDayEnd - DAY]) {
        expect((at - previous) / DAY).toBeLessThanOrEqual(7.1);
        previous = at;
      }
    },
  );
});
