import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The planner Lambda decodes every record anew, so an interview's rendering is also found by its
 * content (interviews.ts). Two applicants in one zone with the same interview share that rendering;
 * what differs between them (here the time of day reminders go out) must still be theirs: each
 * plan, on freshly decoded copies, equals the one made before the other applicant was planned.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-11-20T06:00:00Z");

function applicant(externalId: string, reminderTime: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ externalId, timezone: "Africa/Lagos", matchYear: 2027, reminderTime }),
    interviews: [
      interviewFactory({ program: "Lakeside Internal Medicine", startsAt: "2026-12-08T09:00:00-06:00" }),
    ],
  });
}

const decoded = (input: PlannerInput): PlannerInput => JSON.parse(JSON.stringify(input)) as PlannerInput;
const interviewSends = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "interview").map((r) => r.sendAtLocal);

describe("an interview rendered once, planned for two applicants decoded afresh", () => {
  it("keeps each applicant's own reminder times", () => {
    const morning = applicant("amaka-morning", "08:00");
    const evening = applicant("bola-evening", "19:30");
    const eveningFirst = plan(decoded(evening), calendar, NOW);
    const morningPlan = plan(decoded(morning), calendar, NOW);
    const eveningAgain = plan(decoded(evening), calendar, NOW);

    expect(interviewSends(morningPlan).length).toBeGreaterThan(0);
    expect(interviewSends(morningPlan).every((at) => at.includes("T08:00"))).toBe(true);
    expect(interviewSends(eveningAgain).every((at) => at.includes("T19:30"))).toBe(true);
    expect(eveningAgain).toEqual(eveningFirst);
  });
});
