import { describe, expect, it } from "vitest";
import { buildContext } from "#domain/planner/context.ts";
import { laterCandidateClause } from "#domain/planner/later-candidate.ts";
import { laterCandidateCalendar } from "#domain/planner/later-candidate-feasibility.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * The later candidate's clause names the candidate of the calendar the plan was given: on the later
 * candidate's own calendar (which has none of its own), that of the projected calendar it was made
 * from, never the season registry's read again.
 */
const registry = seasonCalendar(2027);
const rol = registry.dates.nrmp_rol_certification_and_late_registration_deadline;
const given: SeasonCalendar = {
  ...registry,
  dates: {
    ...registry.dates,
    nrmp_rol_certification_and_late_registration_deadline: {
      ...rol,
      latestCandidate: { date: "2027-03-03", rule: "the plan's own rule", said: "the plan's own candidate" },
    },
  },
};
const input = inputFactory({ applicant: applicantFactory({ matchYear: 2027 }) });
const clause = (calendar: SeasonCalendar) =>
  laterCandidateClause(buildContext(input, calendar, new Date("2026-12-01T00:00:00Z")));

describe("laterCandidateClause", () => {
  it("names the given calendar's candidate, on the projected calendar and on its later candidate's", () => {
    const later = laterCandidateCalendar(given);
    expect(later?.laterCandidate).toBe(true);
    expect(clause(given)).toContain("it was the plan's own candidate");
    expect(later && clause(later)).toContain("it was the plan's own candidate");
  });
});
