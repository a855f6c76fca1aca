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
 * Step 2 CK booked one day past the later candidate's last
 * sitting day (Wed 3 Feb 2027; the projected ROL deadline Wed 24 Feb 2027, its later candidate Wed
 * 3 Mar) while the plan keeps the Match: the card says "Move it to Wed 3 Feb 2027 (our advice) or earlier", never
 * only "As booked, it is too late".
 */

const lateRisk = (booked: string, now: string) =>
  plan(farah(booked), seasonCalendar(2027), new Date(now)).risks.find(
    (risk) => risk.code === "EXAMS_LATE_FOR_RANKING",
  );

/** Farah, in Karachi, registered for the 2027 Match, Step 2 CK booked on `booked`. */
function farah(booked: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "farah-karachi",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-20",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", booked),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T09:00:00-06:00" })],
  });
}

describe("a sitting booked past the later candidate's last sitting day", () => {
  it("Fri 29 Jan, booked Thu 4 Feb: the card names Wed 3 Feb as the day to move it to", () => {
    const result = plan(farah("2027-02-04"), seasonCalendar(2027), new Date("2027-01-29T10:00:00+05:00"));
    expect(result.matchYear).toBe(2027);
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const card = result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";
    expect(card).toContain("Move it to Wed 3 Feb 2027 (our advice) or earlier");
    expect(card).toContain("Wed 3 Mar 2027");
    expect(card).not.toMatch(/take it as soon as you can \(Wed 27 Jan 2027 has passed\)/);
  });
});

/**
 * The critical risk for a sitting booked past the projected last
 * sitting day says "or you are withdrawn" and names the later candidate (laterCandidateHedge) when the
 * result, by our allowance, would fit it.
 */
describe("the booked-late risk names the later candidate when the result would fit it", () => {
  it("Sun 10 Jan, booked Fri 29 Jan (result around 26 Feb): 'unless NRMP's 2027 deadline turns out later'", () => {
    const risk = lateRisk("2027-01-29", "2027-01-10T10:00:00+05:00");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "or you are withdrawn from the Match unless NRMP's 2027 deadline turns out later (it was 16 days before Match Day in 2022–2025, which would be Thu 4 Mar 2027, 7:00 AM GMT+5 (Wed 3 Mar 2027, 9:00 PM ET))",
    );
  });

  // Never "or you are withdrawn" without the later candidate while a sitting
  // moved to its last sitting day (Wed 3 Feb) would still count.
  it("booked Thu 4 Feb (result around 4 Mar, after the later candidate too): hedged, movable to 3 Feb", () => {
    const risk = lateRisk("2027-02-04", "2027-01-10T10:00:00+05:00");
    expect(risk?.message).not.toContain("or you are withdrawn from the Match.");
    expect(risk?.message).toContain("turns out later");
  });
});
