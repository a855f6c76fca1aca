import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * After the projected rank order list deadline and
 * until its later candidate passes, the sponsor-note question carries the same later-candidate
 * sentence as the other refusals (laterCandidateHedge).
 */
const calendar = seasonCalendar(2027);

function planAt(now: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Dhaka",
        matchYear: 2027,
        graduation: "2024-06-30",
        medicalSchool: { name: "Example School", country: "BD", wdomsSponsorNote: false },
      }),
      milestones: [],
      interviews: [interviewFactory({ id: "iv-d", startsAt: "2027-02-03T10:00:00-05:00" })],
    }),
    calendar,
    new Date(now),
  );
}
const question = (result: Plan) =>
  result.risks.find((each) => each.code === "ANSWERS_CONTRADICT_INTERVIEW")?.message ?? "";

describe("the sponsor-note question after the projected rank order list deadline", () => {
  it("names the later candidate until it passes", () => {
    const words = question(planAt("2027-02-27T06:00:00Z"));
    expect(words).toContain("If the note is there, change your answer");
    expect(words).toContain("unless NRMP's 2027 deadline turns out later");
    expect(words).toContain("Wed 3 Mar 2027");
  });
  it("drops it once the later candidate has passed", () => {
    expect(question(planAt("2027-03-05T06:00:00Z"))).not.toContain("turns out later");
  });
});
