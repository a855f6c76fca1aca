import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * The 2027 rank order list deadline is projected
 * (Wed 24 Feb 2027, the earlier candidate; its later candidate Wed 3 Mar 2027, last sitting day Wed
 * 3 Feb). A Match is written off only when it is out of reach on the later candidate too; between the
 * two the plan keeps the Match, dated by the earlier date, with one critical MATCH_YEAR_LAST_DAY that
 * says both sides, and the step it names carries the later last sitting day. A confirmed deadline
 * behaves as before.
 */

const y2027 = seasonCalendar(2027);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

/** Emeka, in Lagos, registered for the 2027 Match, Step 2 CK under way (no date), interviews as given. */
function emeka(
  interviewing: boolean,
  step2: MilestoneEntry = milestoneFactory("usmle_step2ck", "in_progress"),
) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "emeka-lagos",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-20",
      ),
      step2,
    ],
    interviews: interviewing ? [interviewFactory({ startsAt: "2026-12-08T09:00:00-06:00" })] : [],
  });
}

describe("a Match out of reach on the projected deadline only stays planned", () => {
  it("Thu 28 Jan, interviewing: no write-off, one critical risk naming both dates, Step 2 CK due Wed 3 Feb", () => {
    const result = plan(emeka(true), y2027, new Date("2027-01-28T10:00:00+01:00"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const last = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(last?.severity).toBe("critical");
    expect(last?.message).toContain("By our projected deadline");
    expect(last?.message).toContain("Wed 3 Mar 2027");
    expect(last?.message).toContain("sit USMLE Step 2 CK by Wed 3 Feb 2027 at the latest (our advice)");
    expect(last?.milestones).toContain("usmle_step2ck");
    expect(result.risks.filter((each) => each.severity === "critical")).toHaveLength(1);
    const step = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    expect(step?.deadline?.day).toBe("2027-02-03");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step2ck");
    // Reminders to the later last sitting day: never a week apart, the last on 2 or 3 Feb.
    const sends = result.reminders
      .filter((each) => each.milestone === "usmle_step2ck")
      .map((each) => Date.parse(each.sendAt));
    expect(sends.length).toBeGreaterThan(1);
    const lastSend = new Date(Math.max(...sends)).toISOString().slice(0, 10);
    expect(["2027-02-02", "2027-02-03"]).toContain(lastSend);
    // No NRMP withdrawal, no "pay no fee", the Match kept: the plan is for 2027.
    expect(JSON.stringify(result)).not.toContain("withdrawing from the 2027 Match");
    expect(result.matchYear).toBe(2027);
    // The critical risk asks for action now: one notice at once, on the step it names.
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.milestone).toBe("usmle_step2ck");
  });

  it("Sat 30 Jan, interviewing: still kept, no withdrawal advice", () => {
    const result = plan(emeka(true), y2027, new Date("2027-01-30T10:00:00+01:00"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(risk(result, "MATCH_YEAR_LAST_DAY")?.severity).toBe("critical");
    expect(JSON.stringify(result.risks)).not.toContain("withdraw");
  });

  it("Fri 29 Jan, no interview: kept on the later candidate too", () => {
    const result = plan(emeka(false), y2027, new Date("2027-01-29T10:00:00+01:00"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(risk(result, "MATCH_YEAR_LAST_DAY")?.message).toContain("Wed 3 Feb 2027");
  });

  it("Thu 4 Feb, the later last sitting day passed: written off as before", () => {
    const result = plan(emeka(true), y2027, new Date("2027-02-04T10:00:00+01:00"));
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("a confirmed deadline (the 2026 Match) is unchanged: written off the day after its last sitting day", () => {
    const input = inputFactory({
      applicant: applicantFactory({ externalId: "ravi-2026", matchYear: 2026 }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
          "2025-09-20",
        ),
        milestoneFactory("usmle_step2ck", "in_progress"),
      ],
      interviews: [interviewFactory({ startsAt: "2025-12-08T09:00:00-05:00" })],
    });
    const y2026 = seasonCalendar(2026);
    expect(y2026.dates.nrmp_rol_certification_and_late_registration_deadline.status).toBe("confirmed");
    const result = plan(input, y2026, new Date("2026-02-02T10:00:00+05:30"));
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(JSON.stringify(result.risks)).not.toContain("By our projected deadline");
  });
});

/** Lucia, in Los Angeles, everything done but Step 2 CK, booked Fri 29 Jan 2027 (two days late). */
function lucia() {
  const input = emeka(true, milestoneFactory("usmle_step2ck", "scheduled", "2027-01-29"));
  return {
    ...input,
    applicant: { ...input.applicant, externalId: "lucia-la", timezone: "America/Los_Angeles" },
  };
}

describe("a sitting booked after the projected last sitting day", () => {
  const card = (result: Plan) =>
    result.nextSteps.find((each) => each.milestone === "usmle_step2ck")?.action ?? "";

  it("Sun 10 Jan: try to move it, else keep it; never 'too late as booked'", () => {
    const action = card(plan(lucia(), y2027, new Date("2027-01-10T10:00:00-08:00")));
    expect(action).not.toContain("As booked, it is too late");
    expect(action).toContain("Try to move it to Wed 27 Jan 2027 (our advice) or earlier");
    expect(action).toContain("if no earlier seat is open, keep Fri 29 Jan 2027");
  });

  it("Thu 28 Jan, the exam tomorrow: sit it as booked and tell us the result", () => {
    const result = plan(lucia(), y2027, new Date("2027-01-28T10:00:00-08:00"));
    const action = card(result);
    expect(action).not.toContain("As booked, it is too late");
    expect(action).not.toContain("Move it earlier");
    expect(action).toContain("Sit it as booked on Fri 29 Jan 2027 and tell us the result");
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
