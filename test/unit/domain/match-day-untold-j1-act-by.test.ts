import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant who told us in Match Week she matched and never told us where (Match Day not
// marked): the J-1 verdict judges her file and names one day to act by (Mon 3 May), so Match Day's
// answer, which the contract and the file wait on, reads as the contract's row does: behind our plan
// since the contract's date (Fri 2 Apr, our advice), "act by Mon 3 May" once the critical names it,
// overdue since Mon 3 May after it, never "overdue since Fri 2 Apr" beside "act by Mon 3 May"; and
// once the start is out of reach its card says so, not "each week lost can push back your start".

const calendar = seasonCalendar(2027);
const input = matched2027("Asia/Manila", {
  matchDay: false,
  extra: [milestoneFactory("ecfmg_certification", "done", "2026-06-01")],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));
const matchDay = (result: Plan) => result.nextSteps.find((each) => each.milestone === "match_day");
const inline = (result: Plan) => {
  const step = matchDay(result);
  return step && stepDatesInline(step, Date.parse(result.now), result.risks);
};

describe("Manila, J-1, matched in Match Week, Match Day untold", () => {
  it("past the contract's date: behind our plan since Fri 2 Apr, not in the overdue list", () => {
    const result = at("2027-04-05T01:00:00Z");
    expect(matchDay(result)?.behindPlan).toBe(true);
    expect(inline(result)).toBe("behind our plan since Fri 2 Apr 2027");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("match_day");
  });

  it("the verdict's day: the critical's act-by day on Match Day's row too, and on the blocked steps", () => {
    const result = at("2027-04-20T01:00:00Z");
    const critical = result.risks.find((risk) => risk.visaVerdict === "j1-last-day");
    expect(critical?.message).toContain("by about Mon 3 May 2027");
    expect(inline(result)).toBe("behind our plan since Fri 2 Apr 2027; act by Mon 3 May 2027 (our advice)");
    const statement = result.blocked.find((each) => each.milestone === "j1_statement_of_need");
    expect(statement?.behindPlan).toBe(true);
    expect(statement?.actBy?.local).toBe("Mon 3 May 2027");
  });

  it("the weekly question between the two last-day notices says the same day", () => {
    const result = at("2027-04-23T01:00:00Z");
    const weekly = result.reminders.find(
      (each) =>
        each.milestone === "match_day" && each.rung === "match-day-weekly" && each.sendAt >= result.now,
    );
    expect(weekly?.sendAt).toBe("2027-04-24T01:00:00.000Z");
    expect(weekly?.behindPlan).toBe(true);
    expect(weekly?.actBy?.local).toBe("Mon 3 May 2027");
  });

  it("from Tue 4 May: overdue since Mon 3 May, the card saying the start is out of reach", () => {
    const result = at("2027-05-04T01:00:00Z");
    const step = matchDay(result);
    expect(step?.urgency).toBe("overdue");
    expect(step?.deadline?.local).toBe("Mon 3 May 2027");
    expect(step?.action).toContain("a J-1 start on your program's date is already out of reach");
    expect(step?.action).not.toContain("each week lost");
  });

  it("on H-1B nothing changes: overdue since the contract's date", () => {
    const h1b = matched2027("Asia/Manila", {
      visa: "H-1B",
      matchDay: false,
      extra: [milestoneFactory("ecfmg_certification", "done", "2026-06-01")],
    });
    const result = plan(h1b, calendar, new Date("2027-04-20T01:00:00Z"));
    expect(matchDay(result)?.behindPlan).toBeUndefined();
    expect(matchDay(result)?.deadline?.local).toBe("Fri 2 Apr 2027");
  });
});
