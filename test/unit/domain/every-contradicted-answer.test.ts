import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * ANSWERS_CONTRADICT_INTERVIEW lists every answer the
 * interview contradicts, the sponsor note "false" with the others, so the applicant corrects the
 * form once.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2027-01-08T03:00:00Z");

function planWith(milestones: MilestoneEntry[]): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "America/Chicago",
        matchYear: 2027,
        visa: "H-1B",
        graduation: "2024-06-30",
        medicalSchool: { name: "Example School", country: "PK", wdomsSponsorNote: false },
      }),
      milestones,
      interviews: [interviewFactory({ id: "iv-b", startsAt: "2027-01-25T10:00:00-05:00" })],
    }),
    calendar,
    NOW,
  );
}
const question = (result: Plan) => result.risks.find((each) => each.code === "ANSWERS_CONTRADICT_INTERVIEW");

describe("every contradicted answer in the one question", () => {
  it("the sponsor note false, the ECFMG application in progress and ERAS not started: all three", () => {
    const risk = question(
      planWith([
        { key: "ecfmg_application", status: "in_progress" },
        { key: "eras_application", status: "not_started" },
      ]),
    );
    // Behind the closed gate the risk names only the gate's step; the words ask about all three.
    expect(risk?.milestones).toEqual(["wdoms_listing"]);
    expect(risk?.message).toMatch(/^Some of your answers conflict/);
    expect(risk?.message).toContain("no ECFMG sponsor note");
    expect(risk?.message).toContain("Application for ECFMG Certification is in progress");
    expect(risk?.message).toContain("ERAS application is not started");
    // No fee pushed while the note is in doubt ("pay no fee until then").
    expect(risk?.message).not.toContain("submit it in MyIntealth today");
    expect(risk?.message).not.toContain("submit it now");
  });
  it("the note alone stays one answer", () => {
    const risk = question(planWith([]));
    expect(risk?.milestones).toEqual(["wdoms_listing"]);
    expect(risk?.message).toMatch(/^One of your answers conflicts/);
  });
});
