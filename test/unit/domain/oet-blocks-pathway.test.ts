import { describe, expect, it } from "vitest";
import { remindersInReadingOrder } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { RESULT_STILL_NEEDED_RUNG } from "#domain/planner/result-still-needed.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * Tester s12 issue 9f A3: in season, the OET is what blocks the Pathway and its own last day has
 * passed; it got no reminder at all while the Pathway, which cannot be submitted without its
 * result, got a ladder, and the email led with the Pathway. The OET is followed up like any
 * step past a date while a later deadline holds (the Pathway's), and leads the reading order.
 */

const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "lors",
  "cv",
  "personal_statement",
  "program_list",
] as const;

/** The Manila applicant of tester s12 issue 9f (oetsched, oetprog): all done for 2027 but the OET and the Pathway. */
function manila(oet: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027 }),
    milestones: [...DONE.map((key) => ({ key, status: "done" as const })), oet],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

// 20 Nov 2026, 8 PM in Manila: the OET's last planned day (Sat 14 Nov) has passed; the Pathway's
// deadline (Sat 26 Dec 2026, projected) is ahead and the season is still within reach.
const NOW = "2026-11-20T12:00:00Z";
const NEXT_SLOT = "2026-11-21T01:00:00.000Z";

describe.each([
  ["booked after its last day (oetsched)", { key: "oet_medicine", status: "scheduled", date: "2027-01-20" }],
  ["under way, not booked (oetprog)", { key: "oet_medicine", status: "in_progress" }],
] as const)("an OET past its last day that blocks the Pathway, %s", (_, oet) => {
  const result = planAt(manila(oet as MilestoneEntry), NOW);

  it("is planned in season", () => {
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.nextSteps.find((step) => step.milestone === "oet_medicine")?.urgency).toBe("overdue");
  });

  it("gets a reminder at the next slot and follow-ups until the Pathway's own ladder", () => {
    const oetReminders = result.reminders.filter(
      (reminder) => reminder.milestone === "oet_medicine" && reminder.rung !== CRITICAL_RISK_RUNG,
    );
    expect(oetReminders.map((reminder) => reminder.sendAt)[0]).toBe(NEXT_SLOT);
    expect(oetReminders.length).toBeGreaterThanOrEqual(2);
    const pathwayLadder = result.reminders.find(
      (reminder) => reminder.milestone === "ecfmg_pathway" && reminder.rung === "deadline-in-14d",
    );
    for (const reminder of oetReminders) {
      expect(reminder.sendAt < (pathwayLadder?.sendAt ?? "")).toBe(true);
      expect(reminder.title).toContain("OET");
    }
  });

  it("leads the next steps and the email at that slot", () => {
    expect(listedInReadingOrder(result, "Asia/Manila")[0]?.milestone).toBe("oet_medicine");
    const atSlot = result.reminders.filter((reminder) => reminder.sendAt === NEXT_SLOT);
    const ordered = remindersInReadingOrder(atSlot, listedInReadingOrder(result, "Asia/Manila"));
    expect(ordered[0]?.milestone).toBe("oet_medicine");
  });
});

describe("an OET past its last day once the Pathway's deadline has passed too", () => {
  it("is not followed up for a Pathway that can no longer be met (the plan moves to the next Match)", () => {
    const result = planAt(manila({ key: "oet_medicine", status: "in_progress" }), "2026-12-28T12:00:00Z");
    expect(result.reminders.filter((reminder) => reminder.rung.startsWith(RESULT_STILL_NEEDED_RUNG))).toEqual(
      [],
    );
  });
});
