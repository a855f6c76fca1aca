import { describe, expect, it } from "vitest";
import { FEES } from "#domain/catalog/index.ts";
import { usd } from "#domain/money.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * An applicant with interviews for the 2027 Match and no NRMP registration after
 * the early deadline was told "early deadline passed" as a warning, every 12 days, and the step
 * said "register soon". Interviewing, only a certified rank order list can match them and NRMP
 * registration comes first: the risk is critical (register now, the late fee from the fee table,
 * no ranking without it), a notice goes at once, and the reminders tighten toward the late
 * registration deadline (the rank order list deadline): weekly, then 21, 14, 7, 3 and 1 days before.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-05T12:00:00Z");
const LATE = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const LATE_FEE = FEES.find((fee) => fee.key === "nrmp_late_fee");

function planWith(interviews: Interview[]): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2025-07-31" }),
      // Reported not started: never reported, the registration is asked about instead.
      milestones: [
        ...doneMilestones(PRE_ERAS_KEYS, "2026-09-10"),
        { key: "nrmp_registration", status: "not_started" },
      ],
      interviews,
    }),
    calendar,
    NOW,
  );
}
const interviewing = planWith([interviewFactory({ id: "iv-1", startsAt: "2026-12-15T09:00:00-06:00" })]);
const notInterviewing = planWith([]);

const lateFeeRisk = (result: Plan) => result.risks.find((risk) => risk.code === "NRMP_LATE_FEE");
const registrationReminders = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "nrmp_registration");
/** Whole days between consecutive follow-ups and ladder rungs, from the first after the notice. */
function gaps(result: Plan): number[] {
  const at = registrationReminders(result)
    .filter((each) => each.rung !== CRITICAL_RISK_RUNG && each.rung !== "start-by")
    .map((each) => Date.parse(each.sendAt));
  return at.slice(1).map((each, index) => Math.round((each - (at[index] as number)) / 86_400_000));
}

describe("interviewing but not registered with NRMP after the early deadline", () => {
  it("is critical: register now, the late fee from the fee table, no ranking without it", () => {
    const risk = lateFeeRisk(interviewing);
    expect(risk?.severity).toBe("critical");
    expect(LATE_FEE !== undefined && "amountUsd" in LATE_FEE).toBe(true);
    const fee = LATE_FEE !== undefined && "amountUsd" in LATE_FEE ? usd(LATE_FEE.amountUsd) : "";
    expect(risk?.message).toContain(`the ${fee} late fee`);
    expect(risk?.message).toContain("register in R3 now");
    expect(risk?.message).toContain("You cannot certify a rank order list, and so cannot match");
    expect(risk?.sources).toContain(LATE_FEE?.source);
  });

  it("sends a notice at the next delivery slot, on the registration step", () => {
    const notice = interviewing.reminders.find((each) => each.risk === "NRMP_LATE_FEE");
    expect(notice?.milestone).toBe("nrmp_registration");
    expect(notice?.title).toMatch(/^Register with NRMP now: you are interviewing/);
    // The late deadline is weeks away: the next delivery slot, 20 hours on.
    expect(Date.parse(notice?.sendAt ?? "")).toBe(NOW.getTime() + 20 * 3_600_000);
  });

  it("reminds weekly, then tightens toward the late registration deadline", () => {
    const rungs = registrationReminders(interviewing).map((each) => each.rung);
    expect(rungs.slice(-5)).toEqual(["due-in-21d", "due-in-14d", "due-in-7d", "due-in-3d", "due-in-1d"]);
    for (const gap of gaps(interviewing)) expect(gap).toBeLessThanOrEqual(7);
    expect(gaps(interviewing).slice(-3)).toEqual([7, 4, 2]);
    const last = registrationReminders(interviewing).at(-1);
    expect(Date.parse(last?.deadline ?? "")).toBe(LATE);
  });

  it("the step says register now, never 'register soon'", () => {
    const step = interviewing.nextSteps.find((each) => each.milestone === "nrmp_registration");
    expect(step?.action).toContain("register with NRMP (R3) now");
    expect(step?.action).not.toContain("register soon");
    expect(step?.action).toContain("you cannot certify your own rank order list until you are registered");
  });

  it("stays a warning with two-weekly reminders for an applicant not interviewing", () => {
    expect(lateFeeRisk(notInterviewing)?.severity).toBe("warning");
    expect(notInterviewing.reminders.some((each) => each.risk === "NRMP_LATE_FEE")).toBe(false);
    expect(registrationReminders(notInterviewing).map((each) => each.rung)).not.toContain("due-in-7d");
  });

  it("an interview after the rank order list deadline is the next Match's, not this one's", () => {
    const next = planWith([interviewFactory({ id: "iv-2028", startsAt: "2027-10-20T09:00:00-05:00" })]);
    expect(lateFeeRisk(next)?.severity).toBe("warning");
  });
});
