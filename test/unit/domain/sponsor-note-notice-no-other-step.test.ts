import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A J-1 applicant in Chennai for the 2027 Match whose school, she answers, has no ECFMG sponsor
// note; she marked the WDOMS check done, her ERAS documents and the budget done (undated), her
// ECFMG application under way, neither Step booked (a booked Step would show the note). Everything that needs ECFMG waits for the
// note. Before the season began the gate's critical notice rode the budget's card; from 1 June the
// budget counts as done for the season, the WDOMS check is done, and the notice had no step to ride:
// it was never laid, so she was never told, and the advisor's cohort read "Nothing planned" beside
// "none sent to them yet".

const calendar = seasonCalendar(2027);

function noNote() {
  const milestones: MilestoneEntry[] = [
    milestoneFactory("wdoms_listing", "done"),
    milestoneFactory("ecfmg_application", "in_progress"),
    milestoneFactory("research", "waived"),
    ...doneMilestones(["lors", "personal_statement", "cv", "program_list", "budget"]).map(
      ({ key, status }) => ({
        key,
        status,
      }),
    ),
  ];
  const applicant = applicantFactory({ timezone: "Asia/Kolkata", matchYear: 2027, visa: "J-1" });
  applicant.medicalSchool = { ...applicant.medicalSchool, wdomsSponsorNote: false };
  return inputFactory({ applicant, milestones });
}

describe("no sponsor note, the WDOMS check and the budget done, the season begun", () => {
  it("still lays the gate's critical notice, on the WDOMS check, and the cohort row names it", () => {
    const result = plan(noNote(), calendar, new Date("2026-06-02T06:00:00Z"));
    expect(result.risks.map((risk) => risk.code)).toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
    const notice = result.reminders.find((each) => each.risk === "SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(notice?.milestone).toBe("wdoms_listing");
    expect(notice?.title).toContain("no ECFMG sponsor note");
    expect(planFacts(result, "Asia/Kolkata").nextDeadline?.kind).toBe("email");
  });
});
