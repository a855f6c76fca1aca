import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Lea: Manila, J-1, 2027 Match, every step done but the ECFMG Pathway, not interviewing yet. Past
 * the Pathway's projected deadline (Sat 26 Dec 2026, 6:00 PM ET), the plan keeps the Match until
 * ECFMG's deadline on NRMP's later candidate, Tue 2 Feb 2027, 9:00 PM ET (projected): the risk, the
 * card, the notice and its countdown name that day. The Pathway's row and the overdue list named
 * 26 Dec, "overdue" beside a card saying the Match is kept until 2 Feb: one date on every surface now.
 */
const calendar = seasonCalendar(2027);
const LAST_DAY_ET = "Tue 2 Feb 2027, 9:00 PM ET";

function lea(pathway = milestoneFactory("ecfmg_pathway", "not_started")): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Asia/Manila",
      matchYear: 2027,
      visa: "J-1",
      graduation: "2024-06-30",
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "ecfmg_pathway" && key !== "rank_order_list"),
        "2026-09-20",
      ),
      pathway,
    ],
  });
}

const pathwayRow = (result: Plan) => result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
const pathwayReminders = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "ecfmg_pathway");

describe.each([
  ["not started", milestoneFactory("ecfmg_pathway", "not_started")],
  ["in progress with no date", milestoneFactory("ecfmg_pathway", "in_progress")],
])("Manila, J-1, the Pathway %s past its projected deadline", (_, pathway) => {
  const result = plan(lea(pathway), calendar, new Date("2027-01-21T02:00:00Z"));

  it("its row is due by the day the risk names, not overdue since Sat 26 Dec", () => {
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    const row = pathwayRow(result);
    expect(row?.deadline?.et).toBe(LAST_DAY_ET);
    expect(row?.deadline?.basis).toBe("projected");
    expect(risk?.lastWorkingAt).toBeDefined();
    expect(Date.parse(row?.deadline?.at ?? "")).toBe(Date.parse(risk?.lastWorkingAt ?? ""));
    expect(row?.urgency).not.toBe("overdue");
    expect(row?.action).toContain(`(${LAST_DAY_ET}) (projected`);
  });

  it("the overdue list does not name it", () => {
    expect(result.overdue.filter((each) => each.milestone === "ecfmg_pathway")).toEqual([]);
  });

  it("its notice and countdown give the row's date, and no second 'Due' countdown is laid", () => {
    const reminders = pathwayReminders(result);
    const notice = reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.deadlineDetail?.et).toBe(LAST_DAY_ET);
    expect(reminders.filter((each) => each.rung.startsWith("last-day-in-")).length).toBeGreaterThan(0);
    for (const each of reminders) expect(each.deadlineDetail?.et).toBe(LAST_DAY_ET);
    expect(reminders.filter((each) => each.rung.startsWith("due-in-"))).toEqual([]);
  });
});

describe("Manila, J-1, the Pathway not started before its projected deadline", () => {
  it("its row is due by that deadline, Sat 26 Dec 2026", () => {
    const result = plan(lea(), calendar, new Date("2026-12-20T02:00:00Z"));
    expect(pathwayRow(result)?.deadline?.et).toBe("Sat 26 Dec 2026, 6:00 PM ET");
  });
});
