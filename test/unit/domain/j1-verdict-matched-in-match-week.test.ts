import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant in Auckland told us in Match Week that she matched (Match Week done), and never
// marked Match Day: she matched, only where is untold. The J-1 file's last day (about Mon 3 May 2027)
// and, after it, the start out of reach were said only to one who marked Match Day done, so she heard
// neither while the plan kept her DS-2019 and visa dated as if the start could be met.

const calendar = seasonCalendar(2027);
const matchedMonday = matched2027("Pacific/Auckland", {
  matchDay: false,
  extra: [milestoneFactory("ecfmg_certification", "done", "2026-12-01")],
});
// SOAP left unanswered, as a matched applicant leaves it; Monday's answer on her Tue 16 Mar.
const input = {
  ...matchedMonday,
  milestones: [
    ...matchedMonday.milestones.filter((entry) => entry.key !== "soap" && entry.key !== "match_week"),
    milestoneFactory("match_week", "done", "2027-03-16"),
  ],
};
const verdict = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical")
    ?.message ?? "";

describe("matched told in Match Week, Match Day untold, J-1", () => {
  it("is given the J-1 file's last day on 20 Apr", () => {
    const result = plan(input, calendar, new Date("2027-04-19T22:00:00Z"));
    expect(verdict(result)).toContain("your J-1 sponsorship file must be complete by about Mon 3 May 2027");
  });

  it("is told on 10 May that a J-1 start on the program's date is out of reach", () => {
    const result = plan(input, calendar, new Date("2027-05-09T22:00:00Z"));
    expect(verdict(result)).toContain("on a J-1 is out of reach");
    const notice = result.reminders.find((reminder) => reminder.rung === "critical-risk");
    // It rides on Match Day's card, the one step she can act on (the contract waits for where).
    expect(notice?.milestone).toBe("match_day");
    expect(result.blocked.map((step) => step.milestone)).not.toContain(notice?.milestone);
  });

  it("with Match Week's answer untold, no verdict speaks (guard: whether she matched is unknown)", () => {
    const untold = { ...input, milestones: input.milestones.filter((entry) => entry.key !== "match_week") };
    expect(verdict(plan(untold, calendar, new Date("2027-05-09T22:00:00Z")))).toBe("");
  });
});
