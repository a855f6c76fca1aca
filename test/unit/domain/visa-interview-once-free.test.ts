import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A visa whose consular interview waits on nothing more is to be booked at once: the wait for an
 * appointment is out of the applicant's hands and differs by post (the catalog's `startsOnceFree`),
 * so the weeks before the latest safe start are kept for it. Arjun (J-1, Lagos) has his DS-2019
 * from 20 Apr 2027; Hemi (J-1, Auckland) from 1 Apr; Maria (H-1B, Manila) has the petition approved
 * on 15 Apr. Before, each heard nothing until the visa's latest safe start (Tue 18 May for the J-1
 * visa, a month before its date), six weeks of the slack gone before anyone booked.
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

function h1b(petition: string | null): PlannerInput {
  return matched2027("Asia/Manila", {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("usmle_step3", "done", "2026-12-10"),
      milestoneFactory("contract", "done", "2027-03-25"),
      ...(petition === null ? [] : [milestoneFactory("visa_h1b", "done", petition)]),
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

  it("H-1B abroad (Manila), the petition approved on 15 Apr: the stamping interview is urgent at once", () => {
    const approved = planAt(h1b("2027-04-15"), "2027-04-16T09:00:00+08:00");
    expect(step(approved, "visa_h1b_stamping")?.urgency).toBe("urgent");
    expect(startBy(approved, "visa_h1b_stamping")[0]?.sendAt).toBe("2027-04-16T01:00:00.000Z");
    const waiting = planAt(h1b(null), "2027-04-16T09:00:00+08:00");
    expect(step(waiting, "visa_h1b_stamping")).toBeUndefined();
  });
});
