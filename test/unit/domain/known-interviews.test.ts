import { describe, expect, it } from "vitest";
import { knownInterviews } from "#domain/planner/known-interviews.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The planner finds an interview list equal in content to one it planned before, so the memos it
 * keeps by object hit for a record decoded anew (known-interviews.ts). What must hold: an equal
 * list is the known one, any field that differs gives its own list, and plans are the same either
 * way.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-11-20T06:00:00Z");

// Starts unique to this file, so that lists other tests planned are not the ones found here.
const interviews = (): Interview[] => [
  interviewFactory({
    program: "Harbor View Internal Medicine",
    startsAt: "2026-12-09T09:30:00-06:00",
    timezone: "America/Chicago",
  }),
  interviewFactory({
    id: "iv-ridge-fm",
    program: "Ridge Family Medicine",
    startsAt: "2026-12-14T13:00:00-05:00",
    format: "in_person",
  }),
];

function applicant(list: Interview[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "known-interviews",
      timezone: "Asia/Karachi",
      matchYear: 2027,
    }),
    interviews: list,
  });
}

const ID = "known-interviews-test";
const decoded = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("knownInterviews", () => {
  it("gives a decoded copy of a list the list known for it, frozen", () => {
    const first = knownInterviews(ID, interviews());
    const again = knownInterviews(ID, decoded(interviews()));
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
    expect(again.every((interview) => Object.isFrozen(interview))).toBe(true);
    expect(again).toEqual(interviews());
  });

  it.each([
    ["program", { program: "Harbor View Internal Medicine (Preliminary)" }],
    ["start", { startsAt: "2026-12-09T10:30:00-06:00" }],
    ["zone", { timezone: "America/Indiana/Knox" }],
    ["format", { format: "in_person" }],
    ["id", { id: "iv-harbor-im" }],
  ] as const)("gives a list whose first interview's %s differs a list of its own", (_field, change) => {
    const known = knownInterviews(ID, interviews());
    const [first, second] = interviews() as [Interview, Interview];
    const changed = knownInterviews(ID, [{ ...first, ...change }, second]);
    expect(changed).not.toBe(known);
    expect(changed[0]).toEqual({ ...first, ...change });
  });

  it("keeps one list per applicant: a changed list replaces it, another applicant's is its own", () => {
    const both = knownInterviews(ID, interviews());
    expect(knownInterviews("another-applicant", decoded(interviews()))).not.toBe(both);
    const firstOnly = knownInterviews(ID, interviews().slice(0, 1));
    expect(firstOnly).not.toBe(both);
    expect(firstOnly).toHaveLength(1);
    expect(knownInterviews(ID, decoded(interviews().slice(0, 1)))).toBe(firstOnly);
  });

  it("keeps what it was given when the caller later edits its own list", () => {
    const mine = interviews();
    const known = knownInterviews(ID, mine);
    (mine[0] as Interview).program = "Edited Program";
    expect(known[0]?.program).toBe("Harbor View Internal Medicine");
    expect(knownInterviews(ID, mine)[0]?.program).toBe("Edited Program");
  });
});

describe("a plan on a decoded copy of its snapshot", () => {
  it("equals the plan on the original, before and after the list is known", () => {
    const original = applicant(interviews());
    const before = plan(decoded(original), calendar, NOW);
    expect(plan(original, calendar, NOW)).toEqual(before);
    expect(plan(decoded(original), calendar, NOW)).toEqual(before);
  });

  it("follows an interview edited between two plans of the same objects", () => {
    const input = applicant(interviews());
    const titles = () =>
      plan(input, calendar, NOW)
        .nextSteps.filter((step) => step.milestone === "interview")
        .map((step) => step.title);
    expect(titles()).toContain("Prepare for your virtual interview with Harbor View Internal Medicine");
    (input.interviews[0] as Interview).format = "in_person";
    expect(titles()).toContain("Prepare for your in-person interview with Harbor View Internal Medicine");
  });
});
