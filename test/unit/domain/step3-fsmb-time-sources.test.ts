import { describe, expect, it } from "vitest";
import type { Risk } from "#domain/plan.ts";
import { STEP3_FSMB_TIME_SOURCES, STEP3_FSMB_TIME_WORDS } from "#domain/planner/advice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * STEP3_NEEDED_FOR_H1B cites FSMB's two figures exactly when its message says FSMB's time: the rule
 * knows when it says them (the visa-held days still in time, the later candidate's words, the
 * petition's visa-held sit-by day), so the
 * sources follow what the message says, never a search of it. An H-1B applicant in Cairo, certified,
 * every step to NRMP done, Step 3 not started (or booked late), at instants on both sides of the
 * visa-held windows.
 */
function applicant(step3: PlannerInput["milestones"][number]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "fsmb-time-sources",
      timezone: "Africa/Cairo",
      matchYear: 2027,
      graduation: "2024-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      step3,
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}

const step3Risk = (input: PlannerInput, now: string): Risk | undefined =>
  plan(input, seasonCalendar(2027), new Date(now)).risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");

const citesFsmbTime = (risk: Risk): boolean =>
  STEP3_FSMB_TIME_SOURCES.every((source) => risk.sources?.includes(source) === true);

describe("STEP3_NEEDED_FOR_H1B's sources and FSMB's time", () => {
  const notBooked = applicant(milestoneFactory("usmle_step3", "not_started"));
  const bookedLate = applicant(milestoneFactory("usmle_step3", "scheduled", "2027-02-20"));
  const cases: [string, PlannerInput, string, boolean][] = [
    ["not booked, the projected visa-held window open", notBooked, "2026-12-05T08:00:00Z", true],
    ["not booked, the later candidate's visa-held window open", notBooked, "2027-01-10T08:00:00Z", true],
    // Ranking's visa-held days gone, the petition's sit-by day still met with a visitor visa held:
    // the risk gives the day to apply to FSMB by, with FSMB's figures (in Cairo that road outlasts
    // the rank order list deadline, after which the risk is gone).
    ["not booked, only the petition's visa-held window open", notBooked, "2027-01-14T08:00:00Z", true],
    ["booked after the deadline", bookedLate, "2026-12-05T08:00:00Z", false],
  ];

  it.each(cases)("%s: cited exactly when said", (_name, input, now, said) => {
    // Prepare, Act
    const risk = step3Risk(input, now);
    // Assess
    expect(risk?.severity).toBe("critical");
    expect(risk?.message.includes(STEP3_FSMB_TIME_WORDS)).toBe(said);
    expect(citesFsmbTime(risk as Risk)).toBe(said);
  });
});
