import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { asOfDeadline } from "#domain/planner/as-of-deadline.ts";
import { buildContext } from "#domain/planner/context.ts";
import { laterSeasonSteps } from "#domain/planner/past-season.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// V8's own check that two objects have one hidden class (map). Natives syntax is allowed for
// functions compiled from here on: this one only.
setFlagsFromString("--allow-natives-syntax");
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b);") as (a: object, b: object) => boolean;

/**
 * Speed, not behaviour: the rules read PlanContext fields thousands of times a
 * plan, and those reads stay fast only while contexts have few hidden classes. A context a rule makes
 * from another (a later now, a later Match's steps) must keep the planner's own context's class;
 * `{ ...context, now }` gave each such site a class of its own.
 */
describe("contexts made from the plan's context keep its hidden class", () => {
  const calendar = seasonCalendar(2027);
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027 }),
    // Bought for the 2027 Match's ERAS season: an earlier season's token once the 2028 Match is planned.
    milestones: [milestoneFactory("eras_token", "done", "2026-06-15")],
  });
  const context = buildContext(input, calendar, new Date("2026-07-01T12:00:00Z"));

  it("as of a deadline (another now and fresh risk instants)", () => {
    const then = asOfDeadline(context, Date.parse("2026-09-24T13:00:00Z"));

    expect(then).not.toBe(context);
    expect(haveSameMap(then, context)).toBe(true);
  });

  it("for a later Match's steps (other entries, statuses and the moved Match)", () => {
    const later = laterSeasonSteps(context, seasonCalendar(2028));

    expect(later.pastSeasonMatch).toEqual({ out: 2027, planned: 2028 });
    expect(haveSameMap(later, context)).toBe(true);
  });
});
