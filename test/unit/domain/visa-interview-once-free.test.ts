import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A visa whose consular interview waits on nothing more is to be booked at once: the wait for an
 * appointment is out of the applicant's hands and differs by post (the catalog's `startsOnceFree`),
 * so the weeks before the latest safe start are kept for it. Arjun (J-1, Lagos) has his DS-2019
 * from 20 Apr 2027; Hemi (J-1, Auckland) from 1 Apr. Before, each heard nothing until the visa's
 * latest safe start (the row's last day to start, Mon 17 May), up to six weeks of the slack gone.
 */
const calendar = seasonCalendar(2027);

function j1(timezone: string, ds2019: string | null): PlannerInput {
  return matched2027(timezone, {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      ...(ds2019 === null ? [] : [milestoneFactory("j1_ds2019", "done", ds2019)]),
    ],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const step = (result: Plan, key: string) => result.nextSteps.find((next) => next.milestone === key);
const startBy = (result: Plan, key: string) =>
  result.reminders.filter((reminder) => reminder.milestone === key && reminder.rung === "start-by");

describe("a consular interview free to book is booked at once", () => {
  it("J-1 in Lagos, the DS-2019 in hand since 20 Apr: urgent, told at the next delivery slot, the same notice on re-plan", () => {
    const first = planAt(j1("Africa/Lagos", "2027-04-20"), "2027-04-21T09:00:00+01:00");
    expect(step(first, "visa_j1")?.urgency).toBe("urgent");
    const notice = startBy(first, "visa_j1");
    expect(notice).toHaveLength(1);
    expect(notice[0]?.sendAt).toBe("2027-04-21T08:00:00.000Z");
    // Re-planned the next morning (an answer changed elsewhere): the same notice, not a second one.
    const again = planAt(j1("Africa/Lagos", "2027-04-20"), "2027-04-22T10:00:00+01:00");
    expect(startBy(again, "visa_j1").map((reminder) => reminder.id)).toEqual(notice.map((r) => r.id));
  });

  it("J-1 in Auckland, the DS-2019 in hand since 1 Apr: urgent on 2 Apr, not 'later' until 18 May", () => {
    const result = planAt(j1("Pacific/Auckland", "2027-04-01"), "2027-04-02T09:00:00+13:00");
    expect(step(result, "visa_j1")?.urgency).toBe("urgent");
    const notice = startBy(result, "visa_j1");
    expect(notice).toHaveLength(1);
    expect(Date.parse(notice[0]?.sendAt ?? "")).toBeLessThan(Date.parse("2027-04-03T00:00:00+13:00"));
  });

  it("without the DS-2019 the J-1 visa still waits on it: no visa step to book, no visa notice", () => {
    const result = planAt(j1("Africa/Lagos", null), "2027-04-21T09:00:00+01:00");
    expect(step(result, "visa_j1")).toBeUndefined();
    expect(result.blocked.some((blocked) => blocked.milestone === "visa_j1")).toBe(true);
    expect(startBy(result, "visa_j1")).toEqual([]);
  });

  it("a DS-2019 marked Not for me is not in hand: the visa keeps its latest safe start, as before", () => {
    const input = j1("Africa/Lagos", null);
    const waived = { ...input, milestones: [...input.milestones, milestoneFactory("j1_ds2019", "waived")] };
    const result = planAt(waived, "2027-04-21T09:00:00+01:00");
    expect(step(result, "visa_j1")?.urgency).not.toBe("urgent");
    // Its latest start is Tue 18 May at midnight in Lagos, which the row reads "start by Mon 17 May":
    // the 'Start now' email goes that day (09:00 in Lagos), not the day after.
    expect(startBy(result, "visa_j1")[0]?.sendAt).toBe("2027-05-17T08:00:00.000Z");
  });
});
