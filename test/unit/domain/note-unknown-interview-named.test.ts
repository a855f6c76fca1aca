import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * A sponsor note unknown (null) beside an interview that
 * counts is presumed (the ERAS token needs it), and CERTIFICATION_STATUS_UNREPORTED says so instead
 * of dropping the applicant's "I don't know" in silence.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-18T10:00:00Z");
const NAMED = "your interview suggests your school has an ECFMG sponsor note; confirm it in WDOMS";

function planWith(note: boolean | null, milestones: MilestoneEntry[] = []): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Colombo",
        matchYear: 2027,
        graduation: "2024-06-30",
        medicalSchool: { name: "Example School", country: "LK", wdomsSponsorNote: note },
      }),
      milestones,
      interviews: [interviewFactory({ id: "iv-e", startsAt: "2027-01-06T10:00:00-05:00" })],
    }),
    calendar,
    NOW,
  );
}
const unreported = (result: Plan) =>
  result.risks.find((each) => each.code === "CERTIFICATION_STATUS_UNREPORTED");

describe("sponsor note unknown beside an interview", () => {
  it("is named in CERTIFICATION_STATUS_UNREPORTED", () => {
    const risk = unreported(planWith(null));
    expect(risk?.message).toContain(NAMED);
    expect(risk?.milestones[0]).toBe("wdoms_listing");
  });
  it("is named even when every other step was reported", () => {
    const reported: MilestoneEntry[] = [
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
    ].map((key) => ({ key, status: "done", date: "2026-09-20" }) as MilestoneEntry);
    expect(unreported(planWith(null, reported))?.message).toContain(NAMED);
  });
  it("not when the note is known, nor when the WDOMS check is reported done", () => {
    expect(unreported(planWith(true))?.message ?? "").not.toContain("sponsor note");
    expect(
      unreported(planWith(null, [{ key: "wdoms_listing", status: "done" }]))?.message ?? "",
    ).not.toContain("sponsor note");
  });
});
