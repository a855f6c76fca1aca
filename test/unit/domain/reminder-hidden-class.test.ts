import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

// V8's own check that two objects have one hidden class (map). Natives syntax is allowed for
// functions compiled from here on: this one only.
setFlagsFromString("--allow-natives-syntax");
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b);") as (a: object, b: object) => boolean;

/**
 * Speed, not behaviour: the planner scans its reminders (`reminder.milestone`)
 * in loops, fast only while reminders have few hidden classes. A plan's reminders, of steps
 * and interviews alike, have one (frozen) hidden class.
 */
describe("a plan's reminders share one hidden class", () => {
  it("for steps and an interview (whose reminders carry its id)", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      interviews: [interviewFactory({ startsAt: "2026-11-20T10:00:00-05:00" })],
    });

    const { reminders } = plan(input, seasonCalendar(2027), new Date("2026-10-01T12:00:00Z"));

    const first = reminders[0] as object;
    expect(reminders.some((reminder) => reminder.interviewId !== undefined)).toBe(true);
    expect(reminders.filter((reminder) => !haveSameMap(reminder, first))).toEqual([]);
  });
});
