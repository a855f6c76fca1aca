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
 * A Step 2 CK booked past its projected last sitting day (Wed
 * 27 Jan 2027) while the later candidate (Wed 3 Mar 2027, last sitting day Wed 3 Feb) keeps the
 * Match: the emailed EXAMS_LATE_FOR_RANKING says what the card says, never the opposite ("book an
 * earlier date" beside "sit it as booked"), and never "or you are withdrawn" without the later candidate.
 */

/** Ines, in `zone`, registered for the 2027 Match and interviewed, Step 2 CK booked on `booked`. */
function ines(zone: string, booked: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `ines-${zone}`,
      timezone: zone,
      matchYear: 2027,
      graduation: "2024-06-30",
      medicalSchool: { name: "Example Medical College", country: "PT", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-14",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", booked),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-10T09:00:00-05:00" })],
  });
}

function cardAndRisk(zone: string, booked: string, now: string) {
  const result = plan(ines(zone, booked), seasonCalendar(2027), new Date(now));
  expect(result.matchYear).toBe(2027);
  const card = result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";
  const risk = result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
  expect(risk).not.toBe("");
  // Never withdrawn on the projected date alone (the later candidate named at the end).
  expect(risk).not.toContain("or you are withdrawn from the Match.");
  expect(risk).toContain("Wed 3 Mar 2027");
  return { card, risk };
}

describe("the booked-late risk says what the card says", () => {
  it("Los Angeles, Sun 10 Jan, booked Fri 29 Jan: try for 27 Jan, else keep 29 Jan, in time on the later candidate", () => {
    const { card, risk } = cardAndRisk("America/Los_Angeles", "2027-01-29", "2027-01-10T10:00:00-08:00");
    expect(card).toContain("Try to move it to Wed 27 Jan 2027 (our advice) or earlier");
    expect(risk).toContain("try to move it to Wed 27 Jan 2027 (our advice) or earlier");
    expect(risk).toContain("if no earlier seat is open, keep Fri 29 Jan 2027");
    expect(risk).toContain("under the later candidate");
    expect(risk).not.toContain("take it by Wed 27 Jan 2027 at the latest");
  });

  it("Los Angeles, Thu 28 Jan (the exam tomorrow): both say sit it as booked, never book an earlier date", () => {
    const { card, risk } = cardAndRisk("America/Los_Angeles", "2027-01-29", "2027-01-28T10:00:00-08:00");
    expect(card).toContain("Sit it as booked on Fri 29 Jan 2027");
    expect(risk).toContain("sit it as booked on Fri 29 Jan 2027");
    expect(risk).not.toMatch(/book an earlier date|move it earlier/);
  });

  it("Lagos, 1 PM on Wed 27 Jan (the last sitting day itself), booked Thu 28 Jan: sit it as booked, never move it to today", () => {
    const { card, risk } = cardAndRisk("Africa/Lagos", "2027-01-28", "2027-01-27T13:00:00+01:00");
    expect(card).toContain("Sit it as booked on Thu 28 Jan 2027");
    expect(risk).toContain("sit it as booked on Thu 28 Jan 2027");
    expect(`${card} ${risk}`).not.toMatch(/move it to Wed 27 Jan 2027/i);
  });

  it("Lagos, the evening before (Tue 26 Jan), booked Thu 28 Jan: still try for a seat on the last day", () => {
    const { card } = cardAndRisk("Africa/Lagos", "2027-01-28", "2027-01-26T20:00:00+01:00");
    expect(card).toContain("Try to move it to Wed 27 Jan 2027 (our advice) or earlier");
  });

  it("Karachi, Fri 29 Jan, booked Wed 3 Feb (the later last day): sit it as booked", () => {
    const { card, risk } = cardAndRisk("Asia/Karachi", "2027-02-03", "2027-01-29T10:00:00+05:00");
    expect(card).toContain("Sit it as booked on Wed 3 Feb 2027");
    expect(risk).toContain("sit it as booked on Wed 3 Feb 2027");
    expect(risk).not.toContain("book an earlier date");
  });

  it("Karachi, Fri 29 Jan, booked Thu 4 Feb (past the later last day): both say move it to Wed 3 Feb or earlier", () => {
    const { card, risk } = cardAndRisk("Asia/Karachi", "2027-02-04", "2027-01-29T10:00:00+05:00");
    expect(card).toContain("Move it to Wed 3 Feb 2027 (our advice) or earlier");
    expect(risk).toContain("move it to Wed 3 Feb 2027 (our advice) or earlier");
    expect(risk).not.toContain("book an earlier date");
  });

  it("Karachi, Sun 10 Jan, booked Thu 4 Feb: take it by 27 Jan, as the card says, and the later candidate named", () => {
    const { card, risk } = cardAndRisk("Asia/Karachi", "2027-02-04", "2027-01-10T10:00:00+05:00");
    expect(card).toContain("Wed 27 Jan 2027");
    expect(risk).toContain("take it by Wed 27 Jan 2027 at the latest (our advice)");
  });

  it("the confirmed 2026 Match keeps its one-sided words (no later candidate)", () => {
    const input = ines("Asia/Karachi", "2026-02-05");
    input.applicant.matchYear = 2026;
    const result = plan(input, seasonCalendar(2026), new Date("2026-01-30T10:00:00+05:00"));
    const risk = result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
    expect(risk).not.toContain("later candidate");
  });
});
