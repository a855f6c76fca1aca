import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Chicago, contract signed, on a change of status (the stamping waived),
// whose program has not filed the petition. This plan's filing day, Fri 16 Apr 2027, is an allowance
// counted back from a consular visa this route does not have. What counts is USCIS's approval before
// the 1 Jul start: a filing with premium processing still brings it through Tue 8 Jun (Juneteenth not
// counted). Until then the petition is behind our plan with that one day to act by, in words of the
// approval and the start; from Wed 9 Jun critical, overdue since Tue 8 Jun.

const calendar = seasonCalendar(2027);
const input = matched2027("America/Chicago", {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-20"),
    milestoneFactory("contract", "done", "2027-04-06"),
    milestoneFactory("visa_h1b_stamping", "waived"),
  ],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));
const critical = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical");

describe("an H-1B petition not filed on a change of status, past this plan's filing day", () => {
  it.each(["2027-04-18T15:00:00Z", "2027-05-20T15:00:00Z", "2027-06-08T20:00:00Z"])(
    "at %s: behind our plan, act by Tue 8 Jun 2027, no visa's date",
    (now) => {
      const result = at(now);
      expect(critical(result)).toBeUndefined();
      const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
      expect(step?.behindPlan).toBe(true);
      expect(result.overdue.map((row) => row.milestone)).not.toContain("visa_h1b");
      const late = result.risks.find((risk) => risk.code === "VISA_STEP_LATE");
      expect(late?.message).toContain("still holds until Tue 8 Jun 2027 (our advice)");
      expect(late?.message).toContain("if your program files with it now");
      expect(late?.message).not.toContain("visa's own date");
      expect(late?.message).not.toContain("counted back from the visa");
    },
  );

  it("from Wed 9 Jun: critical, overdue since Tue 8 Jun", () => {
    const result = at("2027-06-09T15:00:00Z");
    expect(critical(result)).toBeDefined();
    expect(result.overdue.find((row) => row.milestone === "visa_h1b")?.deadline.local).toBe("Tue 8 Jun 2027");
  });
});
