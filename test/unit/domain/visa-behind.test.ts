import { describe, expect, it } from "vitest";
import { followUpRung, reminderLadder } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A visa step behind after the Match is chased on the `visa-behind` ladder, against
 * residency's start (projected 1 Jul 2027): follow-ups at the ladder's cadence from the date the
 * step passed, while the step is the applicant's to do (a next step), never a step waiting on
 * another. The end-to-end run across the season is test/unit/usecases/visa-chain-behind.test.ts.
 */
const calendar = seasonCalendar(2027);
const start = new Date(calendar.dates.residency_start.at).toISOString();
const planAt = (visa: Visa, at: string, extra: MilestoneEntry[] = []) =>
  plan(matched2027("Asia/Karachi", { visa, extra }), calendar, new Date(at));
const behind = (result: ReturnType<typeof planAt>, milestone: string) =>
  result.reminders.filter(
    (each) => each.milestone === milestone && each.deadline === start && each.rung !== "critical-risk",
  );

describe("the visa-behind ladder is data: advice with a weekly follow-up cadence", () => {
  it("has a follow-up rung whose cadence is a week, and deadline rungs before the start", () => {
    expect(followUpRung("visa-behind")).toEqual({ rung: "visa-behind", anchor: "passed", everyDays: 7 });
    expect(reminderLadder("visa-behind").filter((rung) => rung.anchor === "deadline").length).toBeGreaterThan(
      0,
    );
    // A ladder with no follow-up rung has no cadence of its own.
    expect(followUpRung("standard")).toBeUndefined();
  });
});

describe.each([
  {
    visa: "J-1" as const,
    done: ["ecfmg_certification", "contract", "j1_statement_of_need"],
    late: "j1_ecfmg_sponsorship",
    waiting: ["j1_ds2019", "visa_j1"],
    at: "2027-05-01T05:00:00Z",
    later: "2027-05-20T05:00:00Z",
  },
  {
    visa: "H-1B" as const,
    done: ["ecfmg_certification", "contract", "usmle_step3"],
    late: "visa_h1b",
    waiting: ["visa_h1b_stamping"],
    // The petition's date (the stamping's less 30 days, advice) is Mon 17 May 2027.
    at: "2027-05-20T05:00:00Z",
    later: "2027-06-01T05:00:00Z",
  },
])(
  "$visa: the late step that is next is chased weekly to the start",
  ({ visa, done, late, waiting, at, later: laterAt }) => {
    const extra = done.map((key) => milestoneFactory(key as MilestoneEntry["key"], "done", "2027-04-01"));

    it("lays follow-ups no more than 7 days apart up to the start, none for a waiting step", () => {
      const result = planAt(visa, at, extra);
      // Past its date: overdue, or behind our plan while a last day still keeps the start (the J-1
      // file's, Mon 3 May 2027); chased weekly either way.
      const past = [
        ...result.overdue.map((step) => step.milestone),
        ...result.nextSteps.filter((step) => step.behindPlan === true).map((step) => step.milestone),
      ];
      expect(past).toContain(late);
      const sends = behind(result, late).map((each) => Date.parse(each.sendAt));
      expect(sends.length).toBeGreaterThan(5);
      const instants = [Date.parse(at), ...sends].sort((a, b) => a - b);
      for (let index = 1; index < instants.length; index++)
        expect((instants[index] as number) - (instants[index - 1] as number)).toBeLessThanOrEqual(
          7.5 * 86_400_000,
        );
      for (const step of waiting) {
        expect(result.blocked.map((each) => each.milestone)).toContain(step);
        expect(result.reminders.filter((each) => each.milestone === step)).toEqual([]);
      }
    });

    it("keeps its ids from one plan to the next, and stops once the step is done", () => {
      const early = behind(planAt(visa, at, extra), late);
      const later = behind(planAt(visa, laterAt, extra), late);
      expect(later.length).toBeGreaterThan(0);
      const earlyIds = new Set(early.map((each) => each.id));
      for (const each of later) expect(earlyIds.has(each.id)).toBe(true);
      const finished = planAt(visa, laterAt, [
        ...extra,
        milestoneFactory(late as MilestoneEntry["key"], "done", at.slice(0, 10)),
      ]);
      expect(behind(finished, late)).toEqual([]);
    });
  },
);

describe("a step not behind is not chased on the visa-behind ladder", () => {
  it("before the contract's date, the contract has its own ladder only", () => {
    const result = planAt("J-1", "2027-03-25T05:00:00Z");
    expect(result.reminders.filter((each) => each.rung === "visa-behind")).toEqual([]);
  });
});
