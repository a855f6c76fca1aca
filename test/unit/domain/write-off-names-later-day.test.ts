import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
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
 * Once the ROL deadline's later candidate's
 * own last day has passed too, MATCH_YEAR_NOT_FEASIBLE names that day (the one actually crossed), not
 * the projected calendar's earlier verdict: its cause, its dates and decidedBy; the notice sits on
 * that step.
 */

const y2027 = seasonCalendar(2027);
const notFeasible = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

/** Rashida, in Dhaka, registered for the 2027 Match and interviewing, OET under way, Pathway submitted. */
function rashida() {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "rashida-dhaka-oet",
      timezone: "Asia/Dhaka",
      matchYear: 2027,
      graduation: "2025-05-31",
      medicalSchool: { name: "Example Medical College", country: "BD", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-20",
      ),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-10-01"),
      milestoneFactory("oet_medicine", "in_progress"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-16T09:00:00-05:00" })],
  });
}

describe("a write-off after the later candidate's last day names that day", () => {
  it.each([
    ["Wed 13 Jan 2027", "2027-01-13T10:00:00+06:00"],
    ["Wed 20 Jan 2027", "2027-01-20T10:00:00+06:00"],
  ])("%s: the later last OET sitting day, on the OET", (_name, at) => {
    const result = plan(rashida(), y2027, new Date(at));
    const risk = notFeasible(result);
    expect(risk?.decidedBy).toBe("oet_medicine");
    expect(risk?.message).toContain("Tue 12 Jan 2027");
    expect(risk?.message).toContain("Wed 3 Mar 2027");
    // The earlier (projected) verdict's cause is not what is stated.
    expect(risk?.message).not.toContain("after the rank order list deadline, Wed 24 Feb 2027");
    const notice = result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
    expect(notice?.milestone).toBe("oet_medicine");
  });

  it("before any later-candidate day has passed, a Match out of reach on both dates keeps the usual words", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        externalId: "rashida-nothing",
        timezone: "Asia/Dhaka",
        matchYear: 2027,
        graduation: "2025-05-31",
      }),
      milestones: [],
    });
    const risk = notFeasible(plan(input, y2027, new Date("2026-12-04T10:00:00+06:00")));
    expect(risk?.message).toContain("after the rank order list deadline");
    expect(risk?.message).not.toContain("turns out later than projected");
  });
});
