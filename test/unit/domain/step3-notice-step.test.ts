import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
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
 * STEP3_NEEDED_FOR_H1B's critical notice is on the step it is about, Step 3, even while Step 3
 * waits (its email then offers no button), saying which step of its chain comes first; never
 * another step's card, whose buttons it would offer (a Done under it recorded a Step 2 CK pass). And "most likely out of reach", decided
 * by the projected rank order list deadline (Wed 24 Feb 2027), names the later candidate (Wed 3 Mar
 * 2027) when the Step 3 result's earliest day falls by it (laterCandidateHedge).
 */
function h1bApplicant(
  timezone: string,
  extra = [milestoneFactory("ecfmg_certification", "done", "2025-08-20")],
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30", visa: "H-1B" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-10"),
      ...extra,
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-15T13:00:00-05:00" })],
  });
}
const step3Risk = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
const notice = (result: Plan) => result.reminders.find((r) => r.risk === "STEP3_NEEDED_FOR_H1B");

describe("STEP3_NEEDED_FOR_H1B's notice and the later candidate", () => {
  // In reach of the later candidate, Step 3 is a next step and carries the notice.
  it("Los Angeles, certificate done, Step 3 not started on 10 Jan 2027: the notice rides on Step 3", () => {
    const result = plan(
      h1bApplicant("America/Los_Angeles"),
      seasonCalendar(2027),
      new Date("2027-01-10T18:00:00Z"),
    );
    expect(step3Risk(result)?.severity).toBe("critical");
    expect(notice(result)?.milestone).toBe("usmle_step3");
  });

  it("Los Angeles on 15 Jan 2027, past the later candidate's apply-by day: the notice stays on Step 3, dated for the petition", () => {
    const result = plan(
      h1bApplicant("America/Los_Angeles"),
      seasonCalendar(2027),
      new Date("2027-01-15T18:00:00Z"),
    );
    expect(step3Risk(result)?.severity).toBe("critical");
    expect(result.nextSteps.map((step) => step.milestone)).toContain("usmle_step3");
    expect(notice(result)?.milestone).toBe("usmle_step3");
  });

  it("the result's earliest day (Sun 28 Feb 2027) falls before the later candidate: the risk names it", () => {
    const result = plan(
      h1bApplicant("America/Los_Angeles"),
      seasonCalendar(2027),
      new Date("2027-01-10T18:00:00Z"),
    );
    const message = step3Risk(result)?.message ?? "";
    expect(message).toContain("Sun 28 Feb 2027");
    expect(message).toContain("If NRMP's 2027 deadline is the later candidate");
    expect(message).toContain("Wed 3 Mar 2027");
  });

  it("Karachi, certificate pending: the notice is on the rank list, not the certificate, and names the certificate", () => {
    const result = plan(
      h1bApplicant("Asia/Karachi", []),
      seasonCalendar(2027),
      new Date("2027-01-10T05:00:00Z"),
    );
    expect(step3Risk(result)?.severity).toBe("critical");
    // Step 3 waits and the notice asks to rank J-1 programs too: on the rank order list.
    expect(notice(result)?.milestone).toBe("rank_order_list");
    expect(notice(result)?.why).toContain("your ECFMG certificate (around");
  });

  // In December Step 3 waits behind the certificate, which waits for the Pathway under review: the
  // notice is on Step 3 and names the Pathway as what comes first.
  it("Karachi on 5 Dec 2026, Pathway under review: the notice is on Step 3 and names the Pathway first", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          timezone: "Asia/Karachi",
          matchYear: 2027,
          graduation: "2024-12-01",
          visa: "H-1B",
        }),
        milestones: [
          ...doneMilestones(
            REGISTERED_KEYS.filter((key) => !["ecfmg_pathway", "nrmp_registration", "usce"].includes(key)),
            "2025-09-01",
          ),
          milestoneFactory("ecfmg_pathway", "in_progress", "2026-10-15"),
          milestoneFactory("nrmp_registration", "not_started"),
          milestoneFactory("usce", "not_started"),
          milestoneFactory("usmle_step3", "not_started"),
        ],
      }),
      seasonCalendar(2027),
      new Date("2026-12-05T05:00:00Z"),
    );
    expect(step3Risk(result)?.severity).toBe("critical");
    expect(result.nextSteps.map((step) => step.milestone)).toContain("usce");
    expect(notice(result)?.milestone).toBe("usmle_step3");
    const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(notice(result)?.why).toContain(`what comes first: ${pathway?.title}.`);
  });
});
