import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { DateBasis, Plan } from "#domain/plan.ts";
import { buildContext } from "#domain/planner/context.ts";
import { planDates } from "#domain/planner/plan-dates.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { matchedPlan, rankingPlan, ZONE } from "./date-basis-plans.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * The plan marked with `*` ("projected date") both NRMP's projected dates and dates
 * no authority sets (the contract's window after Match Day), so an applicant could not tell "NRMP
 * will publish this; we projected it" from "this is our advice". A date's `basis` says who sets
 * it, from the catalog rule's basis; the CLI marks advice `†`, projected `*`, a confirmed date not.
 */

const THE_THREE: readonly DateBasis[] = ["confirmed", "projected", "advice"];

describe("every catalog date rule gives its date one of the three bases", () => {
  it.each([2026, 2027])("due dates and targets in the %i season", (year) => {
    const calendar = seasonCalendar(year);
    const input = inputFactory({ applicant: applicantFactory({ matchYear: year }) });
    const dates = planDates(
      buildContext(input, calendar, new Date(calendar.dates.residency_start.at - 900 * 86_400_000)),
    );
    let checked = 0;
    for (const entry of MILESTONE_CATALOG) {
      const due = dates.due(entry.key);
      const rule = entry.due;
      if (rule.from === "none") {
        expect(due, entry.key).toBeNull();
        continue;
      }
      if (due === null) continue;
      checked++;
      expect(THE_THREE, entry.key).toContain(due.basis);
      if ("projects" in rule && rule.projects === true) expect(due.basis, entry.key).toBe("projected");
      else if (rule.basis === "advice") expect(due.basis, entry.key).toBe("advice");
      else if (rule.from === "season" && due.at === calendar.dates[rule.dateKey].at)
        // The authority's own date: confirmed or projected as the season has it.
        expect(due.basis, entry.key).toBe(calendar.dates[rule.dateKey].status);
      // A date no authority sets is advice in a confirmed season too, never "confirmed".
      if (rule.basis === "advice") expect(due.basis, entry.key).not.toBe("confirmed");
      const target = dates.target(entry.key);
      if (target !== null) expect(target.basis, `${entry.key} target`).toBe("advice");
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("the catalog has rules of each kind, so the table above covers all three", () => {
    const bases = new Set(
      MILESTONE_CATALOG.filter((entry) => entry.due.from !== "none").map((entry) =>
        "projects" in entry.due && entry.due.projects === true ? "projects" : entry.due.basis,
      ),
    );
    expect([...bases].sort()).toEqual(["advice", "official", "projects"]);
  });
});

/** The CLI's NEXT STEPS row of `key`. */
function row(result: Plan, key: string): string {
  return rowWithStart(result, key).replace(/start by [^†]*† /, "");
}

/** The row as printed, its latest safe start ("start by … †", our advice) included. */
function rowWithStart(result: Plan, key: string): string {
  const text = renderPlan(result, "Asha", ZONE);
  const line = text.split("\n").find((each) => each.trim().split(/\s{2,}/)[1] === key);
  if (line === undefined) throw new Error(`no row for ${key}`);
  return line;
}

describe("a date is marked by who sets it, in the plan and `npm run plan`", () => {
  it("the contract, our advice counted from a projected Match Day: basis advice, marked †", () => {
    const result = matchedPlan();
    const contract = result.nextSteps.find((step) => step.milestone === "contract");
    // `status` keeps its meaning (the instant rests on a projected date); `basis` is new beside it.
    // Our date is its target; its deadline, the J-1 sponsorship's (Mon 5 Apr), is advice too.
    expect(contract?.target).toMatchObject({
      local: "Fri 2 Apr 2027",
      status: "projected",
      basis: "advice",
    });
    expect(row(result, "contract")).toContain("Fri 2 Apr 2027 †");
    expect(row(result, "contract")).not.toContain("*");
    expect(renderPlan(result, "Asha")).toContain("† our advice: no authority sets this date");
  });

  it("NRMP's rank order list deadline in a projected season: basis projected, marked *", () => {
    const result = rankingPlan(2027);
    const list = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(list?.deadline?.basis).toBe("projected");
    expect(row(result, "rank_order_list")).toMatch(/ \* /);
    // The deadline is NRMP's (projected); only the latest safe start beside it is our advice.
    expect(row(result, "rank_order_list")).not.toContain("†");
    // Its latest safe start, 9:00 PM ET on Wed 3 Feb (7:00 AM on Thu 4 Feb in Karachi), is started by Wed 3 Feb.
    expect(rowWithStart(result, "rank_order_list")).toContain("start by Wed 3 Feb 2027 †");
  });

  it("the same deadline in a confirmed season: basis confirmed, no mark", () => {
    const result = rankingPlan(2026);
    const list = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(list?.deadline?.basis).toBe("confirmed");
    expect(row(result, "rank_order_list")).not.toMatch(/[*†]/);
  });
});
