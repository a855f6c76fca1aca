import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * Once the plan has moved to a later Match, the dropped Match's interviews kept
 * their preparation and thank-you reminders (the move had silenced only its ERAS, NRMP and rank-list
 * notices). An interview before the dropped Match's rank order list deadline is that Match's: no
 * reminders; one after it is the next Match's and keeps them. A recorded interview does not keep
 * the Match in reach: feasibility reads what NRMP needs ECFMG to confirm, never interviews.
 */
const NOW = new Date("2027-02-05T10:00:00Z");
const DROPPED = interviewFactory({ id: "iv-2027", startsAt: "2027-02-12T10:00:00-05:00" });
const NEXT = interviewFactory({ id: "iv-2028", startsAt: "2027-11-10T10:00:00-05:00" });

function lagos(step2ck: MilestoneEntry) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2024-11-15" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway", "usce"],
        "2025-11-20",
      ),
      ...doneMilestones(["lors", "personal_statement", "cv", "program_list", "eras_token"]),
      ...doneMilestones(["eras_application", "nrmp_registration"]),
      step2ck,
    ],
    interviews: [DROPPED, NEXT],
  });
}
const interviewReminders = (id: string, result: ReturnType<typeof plan>) =>
  result.reminders.filter((each) => each.interviewId === id).map((each) => each.rung);

describe("the dropped Match's interviews", () => {
  // Step 2 CK still being studied for on 5 Feb: its result cannot reach ECFMG by 24 Feb 2027.
  const moved = plan(lagos(milestoneFactory("usmle_step2ck", "in_progress")), seasonCalendar(2027), NOW);

  it("sends no reminders for an interview before the dropped Match's rank order list deadline", () => {
    expect(moved.risks.map((risk) => risk.earliestFeasibleMatchYear)).toContain(2028);
    expect(interviewReminders("iv-2027", moved)).toEqual([]);
  });

  it("still lists the interview as a step: it is on the applicant's calendar", () => {
    expect(moved.nextSteps.some((step) => step.interviewId === "iv-2027")).toBe(true);
  });

  it("keeps the reminders of an interview after that deadline (the next Match's)", () => {
    expect(interviewReminders("iv-2028", moved)).toEqual([
      "interview-prep-7d",
      "interview-prep-1d",
      "interview-thank-you",
    ]);
  });

  it("keeps them for a school with no sponsor note, whose plan moves to no later Match", () => {
    const input = lagos(milestoneFactory("usmle_step2ck", "in_progress"));
    const noNote = plan(
      {
        ...input,
        // A passed Step 1 would open the gate beside a "no" (sponsor-note-evidence.ts).
        milestones: input.milestones.filter((entry) => entry.key !== "usmle_step1"),
        applicant: {
          ...input.applicant,
          medicalSchool: { ...input.applicant.medicalSchool, wdomsSponsorNote: false },
        },
      },
      seasonCalendar(2027),
      NOW,
    );
    expect(noNote.risks.map((risk) => risk.code)).toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(interviewReminders("iv-2027", noNote)).toEqual([
      "interview-prep-7d",
      "interview-prep-1d",
      "interview-thank-you",
    ]);
  });

  it("keeps every interview's reminders while the Match is in reach", () => {
    const inReach = plan(
      lagos(milestoneFactory("usmle_step2ck", "done", "2025-11-20")),
      seasonCalendar(2027),
      NOW,
    );
    expect(inReach.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(interviewReminders("iv-2027", inReach)).toEqual([
      "interview-prep-7d",
      "interview-prep-1d",
      "interview-thank-you",
    ]);
  });
});
