import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { DAY_MS, localDate } from "#domain/time.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  inputFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * The OET and the Pathway it feeds, in season. The OET's own last day (then
 * six weeks before the Pathway's application deadline) had passed and it got no reminder while the
 * Pathway got a ladder. The Pathway application need not wait for the OET
 * result, which follows it as a supporting document by ECFMG's later deadline for documents
 * (catalog `documentsDue`); so the OET's last day is that deadline less its result time, and the
 * OET is not "past its deadline" while its result can still arrive in time. It is then one step
 * with its own date and its own ladder: the email and the timeline read it in one order (the
 * reading-order property, seed 970569862, failed when its reminders counted down to the
 * Pathway's deadline while the timeline listed it as past its own).
 */

const DONE = DONE_BUT_OET_AND_PATHWAY;

/** A Manila applicant, the OET booked or under way: all done for 2027 but the OET and the Pathway. */
function manila(oet: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027 }),
    milestones: openStepsNotStarted([...DONE.map((key) => ({ key, status: "done" as const })), oet]),
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

// 20 Nov 2026, 8 PM in Manila: the Pathway's application deadline (Sat 26 Dec 2026, projected) and
// the OET's last day (Tue 5 Jan 2027) are ahead.
const NOW = "2026-11-20T12:00:00Z";
// 22 Dec 2026: the Pathway's application deadline within a week, the OET's not yet.
const LAST_WEEK = "2026-12-22T02:00:00Z";

describe.each([
  ["booked after its last day (oetsched)", { key: "oet_medicine", status: "scheduled", date: "2027-01-20" }],
  ["under way, not booked (oetprog)", { key: "oet_medicine", status: "in_progress" }],
] as const)("an OET that feeds the Pathway, %s", (_, oet) => {
  const result = planAt(manila(oet as MilestoneEntry), NOW);
  const step = (key: string) => result.nextSteps.find((each) => each.milestone === key);

  it("is due on the last day whose result reaches ECFMG by the deadline for supporting documents", () => {
    const documents = catalogEntry("ecfmg_pathway").documentsDue;
    const reporting = catalogEntry("oet_medicine").reportingDays?.days;
    const rol = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at;
    expect(documents?.dateKey).toBe("nrmp_rol_certification_and_late_registration_deadline");
    // That day is the cut-off's ET date, a day in Manila too.
    const cutOff = rol + ((documents?.offsetDays ?? 0) - (reporting ?? 0)) * DAY_MS;
    expect(step("oet_medicine")?.deadline?.day).toBe(localDate("America/New_York", cutOff));
    expect(step("oet_medicine")?.deadline?.precision).toBe("day");
  });

  it("is planned in season and not past its deadline", () => {
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(step("oet_medicine")?.urgency).not.toBe("overdue");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("oet_medicine");
  });

  it("its card and the Pathway's agree: the application goes in now, the result follows", () => {
    expect(step("ecfmg_pathway")?.action).toContain("it need not wait for your OET result");
    expect(step("oet_medicine")?.action ?? "").not.toContain("has passed");
    expect(step("oet_medicine")?.action ?? "").not.toContain("reaches your Pathway application");
  });

  it("its reminders count down to its own dates only, never to the Pathway's deadline", () => {
    const own = step("oet_medicine");
    const dates = new Set([own?.deadline?.at, own?.target?.at, own?.ownDate?.at].filter(Boolean));
    const oetReminders = result.reminders.filter(
      (reminder) => reminder.milestone === "oet_medicine" && reminder.rung !== CRITICAL_RISK_RUNG,
    );
    expect(oetReminders.length).toBeGreaterThanOrEqual(1);
    // Its last booking day's countdown (the last sitting day less OET's 20 days) is its own too.
    for (const reminder of oetReminders)
      if (!reminder.title.includes("book a session by")) expect(dates.has(reminder.deadline)).toBe(true);
  });

  it("comes after the Pathway, due first, in the reading order, now and in the Pathway's last week", () => {
    for (const result of [
      planAt(manila(oet as MilestoneEntry), NOW),
      planAt(manila(oet as MilestoneEntry), LAST_WEEK),
    ]) {
      const order = listedInReadingOrder(result, "Asia/Manila").map((each) => each.milestone);
      expect(order.indexOf("ecfmg_pathway")).toBeGreaterThanOrEqual(0);
      expect(order.indexOf("ecfmg_pathway")).toBeLessThan(order.indexOf("oet_medicine"));
    }
  });
});

describe("an OET whose last day has passed", () => {
  it("leaves no result that can be reviewed before the ROL deadline: the 2027 Match is out of reach", () => {
    // Thu 7 Jan 2027 in Manila: a sitting within a week, its result ~4 Feb (after the documents
    // deadline, Tue 26 Jan), ECFMG's review ~4 Mar, after the 24 Feb ROL deadline.
    const result = planAt(manila({ key: "oet_medicine", status: "in_progress" }), "2027-01-14T04:00:00Z");
    expect(
      result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
  });
});
