import { describe, expect, it } from "vitest";
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
 * Step 2 CK sat on Thu 14 Jan 2027, result unreported, between
 * the projected rank order list deadline (Wed 24 Feb 2027) and its later candidate (Wed 3 Mar):
 * SCHEDULED_DATE_PASSED says both sides and never "NRMP withdrew you"; the step is not overdue until
 * the later candidate passes; "your certified rank order list" only when a list is reported.
 */

/** Tomas, in Denver, registered and interviewed for the 2027 Match; Step 2 CK sat 14 Jan; `list`: a certified list reported. */
function tomas(list: boolean) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `tomas-denver-${list}`,
      timezone: "America/Denver",
      matchYear: 2027,
      graduation: "2024-06-30",
      medicalSchool: { name: "Example Medical College", country: "BR", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-16",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-01-14"),
      ...(list ? [milestoneFactory("rank_order_list", "done", "2027-02-10")] : []),
    ],
    interviews: [interviewFactory({ startsAt: "2026-11-18T09:00:00-06:00" })],
  });
}

const at = (list: boolean, now: string) => plan(tomas(list), seasonCalendar(2027), new Date(now));
const passedRisk = (result: ReturnType<typeof plan>) =>
  result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED")?.message ?? "";
const step2 = (result: ReturnType<typeof plan>) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step2ck");

describe("a result pending between the two candidates", () => {
  it("Fri 26 Feb, no list reported: both sides, 'if you certified a list', no withdrawal", () => {
    const message = passedRisk(at(false, "2027-02-26T10:00:00-07:00"));
    expect(message).toContain("Wed 24 Feb 2027");
    expect(message).toContain("Wed 3 Mar 2027");
    expect(message).toContain("check R3 now");
    expect(message).toContain("If you certified a rank order list");
    expect(message).not.toContain("Your certified rank order list");
    expect(message).not.toContain("withdrew you");
  });

  it("Fri 26 Feb, a list reported: 'your certified rank order list', both sides", () => {
    const message = passedRisk(at(true, "2027-02-26T10:00:00-07:00"));
    expect(message).toContain("Your certified rank order list");
    expect(message).toContain("Wed 3 Mar 2027");
    expect(message).not.toContain("withdrew you");
  });

  it("Fri 26 Feb: the step is not overdue and its card names the later candidate", () => {
    const result = at(false, "2027-02-26T10:00:00-07:00");
    expect(step2(result)?.urgency).not.toBe("overdue");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("usmle_step2ck");
    expect(step2(result)?.action).toContain("Wed 24 Feb 2027 (projected)");
    expect(step2(result)?.action).toContain("Wed 3 Mar 2027");
  });

  it("Fri 5 Mar, after the later candidate: overdue, and the withdrawal said with both dates", () => {
    const result = at(false, "2027-03-05T10:00:00-07:00");
    expect(result.overdue.map((step) => step.milestone)).toContain("usmle_step2ck");
    const message = passedRisk(result);
    expect(message).toContain("NRMP withdrew you");
    expect(message).toContain("Wed 3 Mar 2027");
  });
});
