import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { buildContext } from "#domain/planner/context.ts";
import { assessFeasibility } from "#domain/planner/feasibility.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An Auckland graduate for the 2027 Match, 7 Dec 2026: Step 1 done, Step 2 CK booked for Wed 20 Jan
 * 2027 (its last sitting day is Wed 27 Jan: in time), the OET booked for Sat 9 Jan 2027 (after its own
 * last sitting day, Tue 5 Jan), the Pathway not in. EXAMS_LATE_FOR_RANKING said "keep that date" for
 * Step 2 CK while MATCH_YEAR_LAST_DAY said "book your USMLE Step 2 CK sitting by Sun 27 Dec 2026" and
 * counted "a test date within about 7 days": she might have paid for a second, earlier seat. The
 * chain's last day does not hinge on Step 2 CK (the Pathway's deadline bounds it), so her seat is kept
 * in the words; the OET booked too late is said to be so, and the seat to book is an earlier one.
 * Feasibility keeps counting the fastest pace (its verdict and the day the exams are reported do not
 * move: an H-1B applicant's Step 3 counts from it).
 */

const calendar = seasonCalendar(2027);
const now = new Date("2026-12-07T09:00:00+13:00");

function applicant(
  step1: MilestoneEntry,
  step2: string,
  oet: string,
  visa: "J-1" | "H-1B" = "J-1",
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Pacific/Auckland",
      matchYear: 2027,
      visa,
      graduation: "2026-02-28",
    }),
    milestones: [
      milestoneFactory("ecfmg_application", "done", "2025-11-01"),
      step1,
      milestoneFactory("usmle_step2ck", "scheduled", step2),
      milestoneFactory("oet_medicine", "scheduled", oet),
    ],
  });
}

const STEP1_DONE = milestoneFactory("usmle_step1", "done", "2025-12-01");
const lastDay = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY")?.message ?? "";
const examsLate = (result: Plan) =>
  result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";

describe("a sitting booked in time beside one booked too late, on the season's last day", () => {
  for (const visa of ["J-1", "H-1B"] as const)
    it(`${visa}: Step 2 CK booked before its last sitting day is kept, never a second seat to book`, () => {
      const result = plan(applicant(STEP1_DONE, "2027-01-20", "2027-01-09", visa), calendar, now);
      const message = lastDay(result);
      expect(message).toContain("keep your USMLE Step 2 CK sitting on Wed 20 Jan 2027");
      expect(message).toContain("Pass USMLE Step 2 CK: your sitting on Wed 20 Jan 2027, then about 28 days");
      expect(message).not.toContain("book your USMLE Step 2 CK sitting");
      expect(message).not.toMatch(/Pass USMLE Step 2 CK: a test date within/);
      // The OET booked after its last sitting day: said so, and the seat to book is an earlier one.
      expect(message).toContain("an earlier OET Medicine sitting on or before Tue 5 Jan 2027");
      expect(message).toContain("Your OET Medicine sitting on Sat 9 Jan 2027 is after its last sitting day");
      expect(message).toContain("an OET session earlier than your sitting on Sat 9 Jan 2027");
      // The exams' risk beside it says the same of Step 2 CK.
      expect(examsLate(result)).toContain(
        "Your USMLE Step 2 CK on Wed 20 Jan 2027 leaves little margin; keep that date",
      );
    });

  it("Step 1 and Step 2 CK both booked in time: each kept by its day", () => {
    const step1 = milestoneFactory("usmle_step1", "scheduled", "2027-01-12");
    const message = lastDay(plan(applicant(step1, "2027-01-20", "2027-01-09"), calendar, now));
    expect(message).toContain(
      "keep your USMLE Step 1 sitting on Tue 12 Jan 2027, keep your USMLE Step 2 CK sitting on Wed 20 Jan 2027",
    );
    expect(message).not.toMatch(/book your USMLE Step [12]/);
  });

  it("Step 2 CK booked after its last sitting day: too late as booked, an earlier seat by that day", () => {
    const result = plan(applicant(STEP1_DONE, "2027-02-10", "2027-01-09"), calendar, now);
    const message = lastDay(result);
    expect(message).toContain(
      "find an earlier USMLE Step 2 CK seat and sit it by Wed 27 Jan 2027 (our advice)",
    );
    expect(message).toContain(
      "Your USMLE Step 2 CK sitting on Wed 10 Feb 2027 and OET Medicine sitting on Sat 9 Jan 2027 are each after their last sitting day",
    );
    expect(message).toContain(
      "a seat earlier than your sitting on Wed 10 Feb 2027, any you can find by Wed 27 Jan 2027",
    );
    expect(message).not.toContain("book your USMLE Step 2 CK sitting");
    // The same day as the exams' risk.
    expect(examsLate(result)).toContain("take it by Wed 27 Jan 2027 at the latest (our advice)");
  });

  it("the fastest pace still decides feasibility: the verdict and the day all is reported do not move", () => {
    const booked = assessFeasibility(
      buildContext(applicant(STEP1_DONE, "2027-01-20", "2027-01-09"), calendar, now),
    );
    const notBooked = assessFeasibility(
      buildContext(
        inputFactory({
          applicant: applicantFactory({
            timezone: "Pacific/Auckland",
            matchYear: 2027,
            graduation: "2026-02-28",
          }),
          milestones: [
            milestoneFactory("ecfmg_application", "done", "2025-11-01"),
            STEP1_DONE,
            milestoneFactory("usmle_step2ck", "in_progress"),
            milestoneFactory("oet_medicine", "in_progress"),
          ],
        }),
        calendar,
        now,
      ),
    );
    expect(booked.infeasible).toBe(false);
    expect(booked.readyAt).toBe(notBooked.readyAt);
  });
});
