import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { milestoneFactory } from "./factories.ts";
import { oetAndPathwayLeft } from "./oet-pathway-left.ts";

// A 2027 applicant with Steps 1 and 2 CK, ERAS and NRMP done, the OET not started, and the Pathway
// application planned (scheduled) for Tue 5 Jan 2027, a day still ahead, an hour after its projected
// deadline (Sat 26 Dec 2026, 6:00 PM ET). A planned day is a plan, not a submission: the plan keeps the
// Match for it as for one not started, until the day its risk names. Its row and every email's next
// steps read "overdue: it was due Sun 27 Dec" beside the notice's "act by Wed 3 Feb".

function applicant(timezone: string) {
  return oetAndPathwayLeft(timezone, milestoneFactory("ecfmg_pathway", "scheduled", "2027-01-05"));
}

// An hour past the deadline in each zone, and the day the plan keeps the Match until.
const ZONES: [string, string, string][] = [
  ["Asia/Manila", "2026-12-27T08:00:00+08:00", "Wed 3 Feb 2027, 10:00 AM GMT+8"],
  ["Pacific/Honolulu", "2026-12-26T14:00:00-10:00", "Tue 2 Feb 2027, 4:00 PM HST"],
];

const pathwayStep = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
const lastDay = (plan: Plan) => plan.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");

describe.each(ZONES)(
  "%s, the Pathway planned for Tue 5 Jan 2027, an hour after its projected deadline",
  (timezone, now, kept) => {
    it("its row is due by the day the risk names, urgent, and not in the overdue list", () => {
      const plan = planFor(applicant(timezone), now);
      const step = pathwayStep(plan);
      expect(step?.urgency).toBe("urgent");
      expect(step?.deadline?.local).toBe(kept);
      expect(plan.overdue.some((each) => each.milestone === "ecfmg_pathway")).toBe(false);
      expect(lastDay(plan)?.message).toContain(`Your plan keeps the 2027 Match only until ${kept}`);
    });

    it("its card says its day is too late and to submit today, never only 'you plan to submit'", () => {
      const action = pathwayStep(planFor(applicant(timezone), now))?.action ?? "";
      expect(action).toContain(
        "You plan to submit your Pathway application on Tue 5 Jan 2027, too late for its deadline",
      );
      expect(action).toContain("Submit it today instead");
      expect(action).toContain(`only until ${kept}`);
      expect(action).toContain("do not wait for that day");
    });

    it("no reminder counts down to the planned day: the risk's countdown is the Pathway's only one", () => {
      const reminders = planFor(applicant(timezone), now).reminders.filter(
        (each) => each.milestone === "ecfmg_pathway",
      );
      expect(reminders.some((each) => each.rung === "critical-risk")).toBe(true);
      expect(
        reminders.every((each) => each.rung === "critical-risk" || each.rung.startsWith("last-day")),
      ).toBe(true);
    });
  },
);

describe("the Pathway planned for Tue 5 Jan 2027, before its projected deadline", () => {
  it("its row stays dated by that deadline, its day named as after it", () => {
    const plan = planFor(applicant("Asia/Manila"), "2026-12-20T10:00:00+08:00");
    const step = pathwayStep(plan);
    expect(step?.deadline?.local).toBe("Sun 27 Dec 2026, 7:00 AM GMT+8");
    expect(step?.action).toContain("after its deadline");
  });
});
