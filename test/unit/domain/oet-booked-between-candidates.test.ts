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
 * An OET booked for Fri 8 Jan 2027, after its projected last
 * sitting day (Tue 5 Jan) and before the later candidate's (Tue 12 Jan), the Pathway not reported
 * (presumed sent by the interview). Every text says both sides: the Pathway card, and one risk for
 * the fact (EXAMS_LATE_FOR_RANKING, MATCH_YEAR_LAST_DAY folded into it), never "your plan moves to a
 * later Match" without the later day, nor "book an earlier sitting" once no earlier seat is possible.
 */

/** Amara, in Nairobi, registered and interviewed for the 2027 Match, OET booked for 8 Jan. */
const amara = inputFactory({
  applicant: applicantFactory({
    externalId: "amara-nairobi",
    timezone: "Africa/Nairobi",
    matchYear: 2027,
    graduation: "2024-06-30",
    medicalSchool: { name: "Example Medical College", country: "KE", wdomsSponsorNote: true },
  }),
  milestones: [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
      "2026-09-18",
    ),
    milestoneFactory("oet_medicine", "scheduled", "2027-01-08"),
  ],
  interviews: [interviewFactory({ startsAt: "2026-12-14T09:00:00-05:00" })],
});

const at = (now: string) => plan(amara, seasonCalendar(2027), new Date(now));
const card = (result: ReturnType<typeof plan>, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

describe("an OET booked between the two candidates' last days", () => {
  it("Mon 28 Dec: one risk, both sides; the Pathway card says what the OET card says", () => {
    const result = at("2026-12-28T10:00:00+03:00");
    expect(result.matchYear).toBe(2027);
    const codes = result.risks.map((risk) => risk.code);
    expect(codes).toContain("EXAMS_LATE_FOR_RANKING");
    expect(codes).not.toContain("MATCH_YEAR_LAST_DAY");
    const late = result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
    expect(late).toContain("keep Fri 8 Jan 2027");
    expect(late).toContain("Tue 12 Jan 2027");
    expect(late).not.toMatch(/, and your plan moves to a later Match/);
    expect(card(result, "oet_medicine")).toContain("keep Fri 8 Jan 2027");
    expect(card(result, "ecfmg_pathway")).toContain("keep Fri 8 Jan 2027");
    expect(card(result, "ecfmg_pathway")).not.toContain("Book an earlier sitting");
    for (const risk of result.risks)
      expect(risk.message).not.toMatch(/, and your plan moves to a later Match/);
  });

  it("Wed 6 Jan (the projected last day passed): sit it as booked, in every text", () => {
    const result = at("2027-01-06T10:00:00+03:00");
    expect(result.matchYear).toBe(2027);
    expect(card(result, "ecfmg_pathway")).toContain("Sit it as booked on Fri 8 Jan 2027");
    expect(card(result, "ecfmg_pathway")).not.toContain("Book an earlier sitting");
    for (const risk of result.risks) expect(risk.message).not.toMatch(/book an earlier (date|sitting)/i);
  });
});
