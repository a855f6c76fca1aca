import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The mirror of INTERVIEW_IN_EARLIER_MATCH. An interview in a later
 * Match's interview season than the plan's Match year (the CLI warned on stderr only) is asked
 * about in the plan: is the Match year wrong, or the date? The interview keeps its own reminders.
 */
const NOW = new Date("2026-12-20T05:00:00Z");

function planFor(interviews: Interview[], now = NOW): Plan {
  const applicant = applicantFactory({
    fullName: "Farah Siddiqui",
    matchYear: 2027,
    timezone: "Asia/Karachi",
    graduation: "2024-11-30",
    medicalSchool: { name: "Indus Valley Medical College", country: "PK", wdomsSponsorNote: true },
  });
  const milestones = doneMilestones([
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ]);
  return plan(inputFactory({ applicant, milestones, interviews }), seasonCalendar(2027), now);
}
const OCTOBER = interviewFactory({
  program: "Prairie Family Medicine",
  startsAt: "2027-10-20T10:00:00-05:00",
  timezone: "America/Chicago",
});
const risk = (result: Plan) => result.risks.find((each) => each.code === "INTERVIEW_IN_LATER_MATCH");

describe("an interview in a later Match's season than the plan's", () => {
  it("asks whether the Match year or the date is wrong, naming the interview and its Match", () => {
    const result = planFor([OCTOBER]);
    const asked = risk(result);
    expect(asked?.severity).toBe("warning");
    expect(asked?.message).toContain("Prairie Family Medicine on Wed 20 Oct 2027");
    expect(asked?.message).toContain("2028 Match's interview season");
    expect(asked?.message).toContain("is your Match year 2028?");
    expect(asked?.message).toContain("check the interview's date");
    expect(asked?.sources?.length).toBeGreaterThan(0);
    // The plan keeps its Match and the interview its own reminders.
    expect(result.matchYear).toBe(2027);
    expect(result.reminders.some((reminder) => reminder.milestone === "interview")).toBe(true);
  });

  it("says nothing for an interview in the plan's own season, nor raises the earlier-Match question", () => {
    const own = interviewFactory({ program: "Own Season IM", startsAt: "2027-01-12T09:00:00-05:00" });
    expect(risk(planFor([own]))).toBeUndefined();
    expect(planFor([OCTOBER]).risks.some((each) => each.code === "INTERVIEW_IN_EARLIER_MATCH")).toBe(false);
  });
});
