import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A native 2028
 * applicant with no ERAS application and no interview, on 20 Jan 2028, was told by
 * ERAS_LATE_SUBMISSION to "weigh applying early for the 2029 Match" before paying ERAS fees and, in
 * the same plan, by MATCH_YEAR_LAST_DAY that "The 2028 Match is still within reach". The last-day
 * risk now says only what its chain counts (the exams reach NRMP in time) and defers to the ERAS
 * warning; with ERAS submitted, the Match is still "within reach".
 *
 * Minor (one-exam-risk.ts) this chain's MATCH_YEAR_LAST_DAY, about Step 2 CK alone and
 * its last sitting day, is folded into EXAMS_LATE_FOR_RANKING, which says the same: the plans below
 * check that the folded risk still never says "within reach" beside the ERAS warning.
 */

const calendar = seasonCalendar(2028);

/** Exams and Pathway done but Step 2 CK (in progress, no date): the chain's last day is in late January 2028. */
function applicant(erasSubmitted: boolean) {
  return inputFactory({
    applicant: applicantFactory({ externalId: "h2-late-eras", matchYear: 2028, timezone: "Asia/Karachi" }),
    milestones: [
      milestoneFactory("wdoms_listing", "done"),
      milestoneFactory("ecfmg_application", "done", "2025-01-10"),
      milestoneFactory("usmle_step1", "done", "2025-06-01"),
      milestoneFactory("oet_medicine", "done", "2027-06-01"),
      milestoneFactory("usmle_step2ck", "in_progress"),
      milestoneFactory("ecfmg_pathway", "done", "2027-11-01"),
      ...(erasSubmitted ? [milestoneFactory("eras_application", "done", "2027-09-20")] : []),
    ],
  });
}

const message = (result: Plan, code: string) => result.risks.find((each) => each.code === code)?.message;
const now = new Date("2028-01-20T09:00:00Z");

describe("MATCH_YEAR_LAST_DAY beside a late ERAS application", () => {
  it("no ERAS application, well past the review date: the two risks agree", () => {
    const result = plan(applicant(false), calendar, now);
    const eras = message(result, "ERAS_LATE_SUBMISSION");
    const exams = message(result, "EXAMS_LATE_FOR_RANKING");
    expect(eras).toContain("weigh applying early for the 2029 Match");
    expect(message(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    expect(exams).not.toContain("within reach");
    expect(exams).toContain("After Wed 26 Jan 2028 (our advice), on our projection,");
  });

  it("ERAS submitted: no ERAS warning, and the exam's risk names the last day and the move", () => {
    const result = plan(applicant(true), calendar, now);
    expect(message(result, "ERAS_LATE_SUBMISSION")).toBeUndefined();
    expect(message(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    const exams = message(result, "EXAMS_LATE_FOR_RANKING");
    expect(exams).toContain("by Wed 26 Jan 2028 at the latest");
    // Only after the later candidate's last sitting day.
    expect(exams).toContain("only after that day does your plan move to a later Match");
    expect(exams).not.toContain("ERAS");
  });
});
