import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { pathwayDocumentsDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * An exam already sat (scheduled on a date that has passed, or in progress
 * after it), its result not reported, still counted down to its last *sitting* day: "due in 10
 * hours" in the email and the console's "Next date" on the OET's 5 Jan 2027, a deadline the
 * applicant met on 28 Dec 2026. After the sitting what is left is the result reaching the authority:
 * the OET's by the Pathway's deadline for supporting documents (catalog documentsDue), a USMLE
 * result by the rank order list deadline. The step is due by that, its text says so, and its
 * reminders count down to it. The "tell us the result" follow-up, sent when the result should be
 * out, was dropped too: it fell after the sitting deadline it was made to announce.
 */

const ROL = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline;
const DOCUMENTS_DUE = pathwayDocumentsDeadline(seasonCalendar(2027)) as number;

/** A Los Angeles applicant for the 2027 Match, everything done but the OET and the Pathway (submitted 20 Dec 2026). */
function oetSat(status: MilestoneStatus, date = "2026-12-28"): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "America/Los_Angeles", matchYear: 2027 }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.filter((key) => key !== "usmle_step2ck").map((key) => ({
        key,
        status: "done" as const,
      })),
      { key: "usmle_step2ck", status: "done" },
      { key: "oet_medicine", status, date },
      { key: "ecfmg_pathway", status: "scheduled", date: "2026-12-20" },
    ],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

function stepOf(result: Plan, key: MilestoneEntry["key"]) {
  return result.nextSteps.find((each) => each.milestone === key);
}

describe.each(["scheduled", "in_progress"] as const)(
  "an OET sat on 28 Dec 2026 (%s), result not reported",
  (status) => {
    const sittingDue = Date.parse(
      stepOf(planAt(oetSat("scheduled", "2027-01-02"), "2026-12-02T18:00:00Z"), "oet_medicine")?.deadline
        ?.at ?? "",
    );

    it("the scenario: the last sitting day is 5 Jan 2027, the documents deadline 26 Jan", () => {
      // Tue 5 Jan 2027, due to Los Angeles's midnight after it.
      expect(new Date(sittingDue).toISOString()).toBe("2027-01-06T08:00:00.000Z");
      expect(new Date(DOCUMENTS_DUE).toISOString()).toBe("2027-01-27T02:00:00.000Z");
    });

    it("is due by the Pathway's deadline for documents, not by the last sitting day (5 Jan 2027)", () => {
      const result = planAt(oetSat(status), "2027-01-05T10:00:00Z");
      const step = stepOf(result, "oet_medicine");
      expect(Date.parse(step?.deadline?.at ?? "")).toBe(DOCUMENTS_DUE);
      expect(step?.deadline?.status).toBe("projected");
      expect(step?.action).toContain("Your OET sitting was on Mon 28 Dec 2026");
      expect(step?.action).toContain("ECFMG needs it by Tue 26 Jan 2027");
      expect(result.overdue.filter((each) => each.milestone === "oet_medicine")).toEqual([]);
    });

    it("no reminder counts down to the sitting deadline the applicant met", () => {
      const result = planAt(oetSat(status), "2026-12-29T18:00:00Z");
      const oet = result.reminders.filter((each) => each.milestone === "oet_medicine");
      expect(oet.length).toBeGreaterThan(0);
      for (const reminder of oet) expect(Date.parse(reminder.deadline)).toBe(DOCUMENTS_DUE);
    });

    it("asks for the result when it should be out (18 Jan 2027), before the documents deadline", () => {
      const result = planAt(oetSat(status), "2026-12-29T18:00:00Z");
      const followUp = result.reminders.find(
        (each) => each.milestone === "oet_medicine" && each.rung === "result-follow-up",
      );
      expect(followUp?.sendAtLocal.slice(0, 10)).toBe("2027-01-18");
    });

    it("the email the day before the old sitting deadline says no 'due in … hours'", () => {
      const result = planAt(oetSat(status), "2027-01-05T10:00:00Z");
      const due = result.reminders.filter(
        (each) =>
          each.milestone === "oet_medicine" && Date.parse(each.sendAt) <= Date.parse("2027-01-06T08:00:00Z"),
      );
      const text =
        due.length === 0
          ? ""
          : renderReminderEmail({
              recipientName: "Asha Rao",
              reminders: due,
              plan: result,
              unsubscribeUrl: "https://api.example.org/u",
            }).text;
      expect(text).not.toContain("Tue 5 Jan 2027");
      expect(text).not.toMatch(/due in \d+ hours/i);
    });
  },
);

describe("every exam sat with its result pending, not the OET only", () => {
  function step2ckSat(date: string): PlannerInput {
    return inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Kolkata", matchYear: 2027 }),
      milestones: [
        ...DONE_BUT_OET_AND_PATHWAY.filter((key) => key !== "usmle_step2ck").map((key) => ({
          key,
          status: "done" as const,
        })),
        { key: "oet_medicine", status: "done", date: "2026-06-01" },
        { key: "ecfmg_pathway", status: "done", date: "2026-08-01" },
        { key: "usmle_step2ck", status: "scheduled", date },
      ],
    });
  }

  it("Step 2 CK sat on 20 Jan 2027 is due by the rank order list deadline, the day its result must reach NRMP", () => {
    const result = planAt(step2ckSat("2027-01-20"), "2027-01-27T06:00:00Z");
    const step = stepOf(result, "usmle_step2ck");
    expect(Date.parse(step?.deadline?.at ?? "")).toBe(ROL.at);
    expect(step?.action).toContain(
      "Your exam was on Wed 20 Jan 2027; your score is expected around Wed 17 Feb 2027",
    );
    expect(step?.action).toContain(
      "the result must reach ECFMG and NRMP by the rank order list deadline, Wed 24 Feb 2027",
    );
    expect(result.overdue.filter((each) => each.milestone === "usmle_step2ck")).toEqual([]);
    // The last sitting day's 3-day and 1-day rungs count down to that day.
    for (const reminder of result.reminders.filter((each) => each.milestone === "usmle_step2ck"))
      expect(Date.parse(reminder.deadline)).toBe(ROL.at);
  });

  it("a sitting still ahead keeps its last sitting day", () => {
    const result = planAt(step2ckSat("2027-01-20"), "2027-01-10T06:00:00Z");
    const step = stepOf(result, "usmle_step2ck");
    expect(Date.parse(step?.deadline?.at ?? "")).toBeLessThan(ROL.at);
  });
});
