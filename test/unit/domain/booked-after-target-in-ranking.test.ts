import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * A Step 2 CK booked in January for the 2027 Match got
 * EXAMS_LATE_FOR_RANKING's "keep that date" beside BOOKED_AFTER_TARGET's "Book an earlier date if
 * you can … programs that review you before then", two instructions for one exam, and the second
 * kept talking about programs' review after ranking had opened. One instruction: the risk that
 * names the rank order list deadline speaks for the exam; BOOKED_AFTER_TARGET ends when ranking opens.
 */
const applicant = applicantFactory({
  fullName: "Marisol Dela Cruz",
  matchYear: 2027,
  timezone: "Asia/Manila",
  graduation: "2025-04-30",
  medicalSchool: { name: "Cebu Institute of Medicine", country: "PH", wdomsSponsorNote: true },
});
const planWithStep2 = (date: string, now: string): Plan =>
  planFor(
    inputFactory({
      applicant,
      milestones: [
        ...doneMilestones(
          [
            "wdoms_listing",
            "ecfmg_application",
            "usmle_step1",
            "oet_medicine",
            "ecfmg_pathway",
            "usce",
            "lors",
            "personal_statement",
            "program_list",
            "eras_token",
            "eras_application",
            "nrmp_registration",
          ],
          "2026-08-01",
        ),
        milestoneFactory("usmle_step2ck", "scheduled", date),
      ],
      interviews: [interviewFactory({ startsAt: "2026-12-08T09:00:00-05:00" })],
    }),
    now,
  );
const codes = (plan: Plan) => plan.risks.map((risk) => risk.code);

describe("a booked exam gets one instruction in ranking season", () => {
  it("6 Jan: EXAMS_LATE_FOR_RANKING's keep-that-date alone, no 'book an earlier date' beside it", () => {
    const plan = planWithStep2("2027-01-21", "2027-01-06T02:00:00Z");
    const late = plan.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.message).toContain("keep that date");
    expect(codes(plan)).not.toContain("BOOKED_AFTER_TARGET");
    for (const risk of plan.risks) expect(risk.message).not.toContain("Book an earlier date");
  });

  it("after ranking opens, nothing says programs are still reviewing without the result", () => {
    const plan = planWithStep2("2027-01-21", "2027-01-18T02:00:00Z");
    expect(codes(plan)).not.toContain("BOOKED_AFTER_TARGET");
    for (const risk of plan.risks) expect(risk.message).not.toContain("programs that review you before then");
  });

  it("in the review season, a Step 2 CK booked after its target still gets BOOKED_AFTER_TARGET", () => {
    const plan = planWithStep2("2026-10-28", "2026-09-01T02:00:00Z");
    expect(codes(plan)).toContain("BOOKED_AFTER_TARGET");
    expect(codes(plan)).not.toContain("EXAMS_LATE_FOR_RANKING");
  });
});
