import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { milestoneFactory } from "./factories.ts";
import { oetAndPathwayLeft } from "./oet-pathway-left.ts";

// A 2027 applicant with Steps 1 and 2 CK, ERAS and NRMP done, the OET and the Pathway not started,
// past the projected Pathway deadline (Sat 26 Dec 2026, 6:00 PM ET): the plan keeps the Match only on
// NRMP's later candidate, and its critical says to sit the OET by Tue 12 Jan 2027 at the latest. The
// OET's row, reminders and passed-target words read Tue 5 Jan (the earlier projection's last sitting
// day, on which the Match is already lost), "overdue" from the 6th, and the passed target said "the
// 2027 Match is out of reach: change your target Match year to 2028" beside the critical.

function applicant(timezone: string) {
  return oetAndPathwayLeft(timezone, milestoneFactory("ecfmg_pathway", "not_started"));
}

const oetStep = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "oet_medicine");
const risk = (plan: Plan, code: string) => plan.risks.find((each) => each.code === code);

// An hour past the deadline in each zone, and a week later.
const ZONES: [string, string, string][] = [
  ["Asia/Manila", "2026-12-27T08:00:00+08:00", "2027-01-06T10:00:00+08:00"],
  ["Pacific/Honolulu", "2026-12-26T14:00:00-10:00", "2027-01-05T10:00:00-10:00"],
];

describe.each(ZONES)("%s, the OET not started past the projected Pathway deadline", (timezone, now, week) => {
  it("its row, reminders and the critical name one last sitting day, Tue 12 Jan 2027", () => {
    const plan = planFor(applicant(timezone), now);
    expect(oetStep(plan)?.deadline?.local).toBe("Tue 12 Jan 2027");
    expect(risk(plan, "MATCH_YEAR_LAST_DAY")?.message).toContain("sit it by Tue 12 Jan 2027 at the latest");
    const oet = plan.reminders.filter((each) => each.milestone === "oet_medicine");
    expect(oet.length).toBeGreaterThan(0);
    for (const each of oet) expect(each.deadlineDetail?.local).toBe("Tue 12 Jan 2027");
  });

  it("its passed target is never told the Match is out of reach beside the critical", () => {
    const plan = planFor(applicant(timezone), now);
    const passed = risk(plan, "TARGET_PASSED")?.message ?? "";
    expect(passed).toContain("The latest day that still works is Tue 12 Jan 2027");
    const notice = plan.reminders.find(
      (each) => each.milestone === "oet_medicine" && each.rung === "target-passed",
    );
    for (const words of [passed, notice?.why ?? ""]) {
      expect(words).not.toContain("out of reach");
      expect(words).not.toContain("change your target Match year");
      expect(words).not.toContain("Tue 5 Jan 2027");
    }
  });

  it("a week later, past Tue 5 Jan, it is not overdue and is reminded before Tue 12 Jan", () => {
    const plan = planFor(applicant(timezone), week);
    const step = oetStep(plan);
    expect(step?.urgency).toBe("urgent");
    expect(plan.overdue.some((each) => each.milestone === "oet_medicine")).toBe(false);
    const lastDay = Date.parse("2027-01-12T23:59:00Z");
    expect(
      plan.reminders.some(
        (each) =>
          each.milestone === "oet_medicine" &&
          Date.parse(each.sendAt) > Date.parse(week) &&
          Date.parse(each.sendAt) < lastDay,
      ),
    ).toBe(true);
  });
});

describe("before the projected Pathway deadline, the OET not started", () => {
  it("keeps the projection's last sitting day, Tue 5 Jan 2027", () => {
    const plan = planFor(applicant("Asia/Manila"), "2026-12-17T09:00:00+08:00");
    expect(oetStep(plan)?.deadline?.local).toBe("Tue 5 Jan 2027");
  });
});
