import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { milestoneFactory } from "./factories.ts";
import { oetAndPathwayLeft } from "./oet-pathway-left.ts";

// A 2027 applicant with Steps 1 and 2 CK, ERAS and NRMP done, the OET not started, and the Pathway
// application planned (scheduled) for Tue 5 Jan 2027, after its projected deadline (Sat 26 Dec 2026,
// 6:00 PM ET). Before that day the OET's one last sitting day is Tue 12 Jan, the later candidate's,
// the one the critical names. Once the planned day had gone by (the application taken as sent, late),
// the OET's row, the overdue list and every email's next steps read "overdue: it was due Tue 5 Jan"
// beside the critical's "sit it by Tue 12 Jan 2027 at the latest", and, dated 12 Jan, its passed
// target said "the Match hinges on an earlier day" (the critical's last minute, 11:59 PM that day).

function applicant(timezone: string) {
  return oetAndPathwayLeft(timezone, milestoneFactory("ecfmg_pathway", "scheduled", "2027-01-05"));
}

const oetStep = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "oet_medicine");

// The morning after the planned day, in each zone.
const ZONES: [string, string][] = [
  ["Asia/Manila", "2027-01-06T08:00:00+08:00"],
  ["Pacific/Honolulu", "2027-01-06T08:00:00-10:00"],
  ["Pacific/Auckland", "2027-01-06T08:00:00+13:00"],
];

describe.each(ZONES)(
  "%s, the Pathway's planned day gone by, after its projected deadline",
  (timezone, now) => {
    it("the OET not started keeps one last sitting day, Tue 12 Jan 2027, the one the critical names", () => {
      const plan = planFor(applicant(timezone), now);
      const step = oetStep(plan);
      expect(step?.deadline?.local).toBe("Tue 12 Jan 2027");
      expect(step?.urgency).toBe("urgent");
      expect(plan.overdue.some((each) => each.milestone === "oet_medicine")).toBe(false);
      const critical = plan.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
      expect(critical?.message).toContain("Tue 12 Jan 2027");
      const oet = plan.reminders.filter((each) => each.milestone === "oet_medicine");
      expect(oet.length).toBeGreaterThan(0);
      for (const each of oet) {
        expect(each.deadlineDetail?.local).toBe("Tue 12 Jan 2027");
        expect(JSON.stringify(each)).not.toContain("Tue 5 Jan 2027");
      }
    });

    it("its passed target names that day as the latest that still works, not an earlier one", () => {
      const plan = planFor(applicant(timezone), now);
      const passed = plan.risks.find((each) => each.code === "TARGET_PASSED")?.message ?? "";
      expect(passed).toContain("The latest day that still works is Tue 12 Jan 2027");
      expect(passed).not.toContain("hinges on an earlier day");
    });
  },
);
