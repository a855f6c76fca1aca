import { describe, expect, it } from "vitest";
import { MATCH_DAY_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";
import { sentFollowingWakeUps } from "./follow-wake-ups.ts";

/**
 * An applicant registered with NRMP who certified no list and has no interview: SOAP is open to
 * them in Match Week; once it ends Match Day's step asks what SOAP gave them (they never answered
 * SOAP, and may have taken part), and once the contract's day passes unanswered the 2027 Match is
 * over (a critical notice, sent at once). Only the instants where time alone changes the plan
 * (NRMP's Monday release, SOAP's end, Match Day, the contract's day) can wake the plan: each must be
 * armed, or the season ends without a word until some unrelated re-plan months later.
 */
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "season-end-denver",
    fullName: "Tomas Reyes",
    timezone: "America/Denver",
    matchYear: 2027,
  }),
  milestones: doneMilestones(REGISTERED_KEYS, "2026-09-20"),
});
const calendar = seasonCalendar(2027);
const planAt = (now: Date): Plan => plan(input, calendar, now);
const soapStart = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const soapEnd = calendar.dates.nrmp_soap_ends.at;
const matchDay = calendar.dates.nrmp_match_day.at;
const DAY_MS = 86_400_000;

describe("a season that ends for an applicant with no list wakes the plan when it does", () => {
  const sent = sentFollowingWakeUps(
    planAt,
    new Date("2027-03-08T15:00:00Z"),
    new Date("2027-06-30T00:00:00Z"),
  );

  it("sends SOAP's Match Week emails after NRMP's Monday release", () => {
    const soapInWeek = sent.filter(
      (reminder) =>
        reminder.milestone === "soap" &&
        Date.parse(reminder.sendAt) >= soapStart &&
        Date.parse(reminder.sendAt) < soapEnd,
    );
    expect(soapInWeek.length).toBeGreaterThan(0);
  });

  it("asks on Match Day what SOAP gave them: SOAP never answered, they may have taken part", () => {
    const question = sent.find((reminder) => reminder.rung === MATCH_DAY_RESULT_RUNG);
    expect(Date.parse(question?.sendAt ?? "")).toBeGreaterThanOrEqual(matchDay);
    expect(Date.parse(question?.sendAt ?? "")).toBeLessThan(matchDay + DAY_MS);
  });

  it("sends the critical 'your plan now plans the 2028 Match' notice within a day of the contract's day, left unanswered", () => {
    // The day Match Day's step asks by (the contract's, advice): Fri 2 Apr 2027.
    const askedBy = planAt(new Date(matchDay + 3_600_000)).nextSteps.find(
      (step) => step.milestone === "match_day",
    )?.deadline?.at;
    const contractDay = Date.parse(askedBy ?? "");
    const over = sent.find(
      (reminder) => reminder.rung === CRITICAL_RISK_RUNG && reminder.title.includes("the 2028 Match"),
    );
    expect(over?.title).toBe(
      "No SOAP position reported: your plan now plans the 2028 Match. Accepted one? Tell us now",
    );
    expect(Date.parse(over?.sendAt ?? "")).toBeGreaterThanOrEqual(contractDay);
    expect(Date.parse(over?.sendAt ?? "")).toBeLessThan(contractDay + DAY_MS);
  });
});
