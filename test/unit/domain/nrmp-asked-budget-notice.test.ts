import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escalationsSince, RISK_TITLES } from "#usecases/escalation.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * An interviewing applicant who never
 * reported NRMP registration (nrmpRegistrationAsked) is asked in the notice's title and the
 * advisor's escalation too, and the budget shows NRMP's fees only "if you have not registered yet",
 * in no total. A reported not_started keeps the assertive words and its fees upcoming.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2027-01-06T15:00:00Z");

function planWith(reported: boolean): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, graduation: "2023-06-30" }),
      milestones: [
        ...doneMilestones(PRE_ERAS_KEYS, "2026-09-20"),
        ...(reported ? [{ key: "nrmp_registration" as const, status: "not_started" as const }] : []),
      ],
      interviews: [interviewFactory({ id: "iv-manila", startsAt: "2027-01-19T09:00:00-05:00" })],
    }),
    calendar,
    NOW,
  );
}
const NRMP_FEES = ["nrmp_registration", "nrmp_late_fee"];
const notice = (result: Plan) => result.reminders.find((each) => each.risk === "NRMP_LATE_FEE");
const escalation = (result: Plan) =>
  escalationsSince({ criticalCodes: [], overdue: [] }, result, {
    fullName: "Rosa Dizon",
    matchYear: 2027,
    visa: "J-1",
  }).find((each) => each.id.endsWith(":risk:NRMP_LATE_FEE"));

describe("NRMP registration never reported, interviewing: notice, escalation, budget", () => {
  // The told plan first: a budget memoised for it must not be the asked applicant's.
  const told = planWith(true);
  const asked = planWith(false);

  it("the notice's title asks whether they registered", () => {
    expect(notice(asked)?.title).toMatch(/^Registered with NRMP\? You are interviewing for the 2027 Match/);
    expect(notice(asked)?.title).toContain("register in R3 now");
    expect(notice(told)?.title).toBe(
      "Register with NRMP now: you are interviewing and cannot rank programs without it",
    );
  });

  it("the escalation's title and detail ask too", () => {
    const about = escalation(asked);
    expect(about?.title).not.toBe(RISK_TITLES.NRMP_LATE_FEE);
    expect(about?.title).toMatch(/not told us whether/);
    expect(about?.detail).not.toContain("has not registered");
    expect(about?.detail).toContain("has not told us whether they registered with NRMP");
    expect(escalation(told)?.title).toBe(RISK_TITLES.NRMP_LATE_FEE);
    // Reported not registered while interviewing: the Match is at stake, as the applicant is told.
    expect(escalation(told)?.detail).toContain(
      "is interviewing for the 2027 Match but has not registered with NRMP",
    );
  });

  it("the budget counts no NRMP fee upcoming, and shows each one as 'if you have not registered yet'", () => {
    const counted = asked.budget.items.filter((item) => NRMP_FEES.includes(item.key));
    expect(counted).toEqual([]);
    const shown = (asked.budget.toVerify ?? []).filter((item) => NRMP_FEES.includes(item.key));
    expect(shown.map((item) => item.key).sort()).toEqual([...NRMP_FEES].sort());
    for (const item of shown) expect(item.verify).toMatch(/^If you have not registered with NRMP yet/);
    const toldFees = told.budget.items.filter((item) => NRMP_FEES.includes(item.key));
    expect(toldFees.map((item) => item.status)).toEqual(["upcoming", "upcoming"]);
    const sum = toldFees.reduce((total, item) => total + item.amountUsd, 0);
    expect(asked.budget.upcomingUsd).toBe(told.budget.upcomingUsd - sum);
  });
});
