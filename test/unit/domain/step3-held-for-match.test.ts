import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant in Dhaka (UTC+6: Match Day's release is Fri 19 Mar, 10:00 PM there), list certified,
 * Step 3 not started: its day for the petition (Fri 19 Mar 2027) is out of reach abroad, and the
 * plan asks to pay for nothing for Step 3 until the program is known. The out-of-reach notice is
 * dated by what it asks: Match Day's release, then the day the Match Day question is answered by
 * (the contract's); Step 3 is never overdue while it waits, and reads "urgent" beside that critical
 * notice, which is about it (a step a critical risk is about reads urgent at least): matched in
 * Match Week with Match Day ahead, too (Tashkent, UTC+5), where it read "soon" beside a notice
 * emailed that day.
 */
const calendar = seasonCalendar(2027);
const nadia = () => {
  const input = matched2027("Asia/Dhaka", {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const matchedInMatchWeek = () =>
  matched2027("Asia/Tashkent", {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
const step3 = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const notice = (result: Plan) =>
  result.reminders.find((r) => r.risk === "VISA_NOT_READY_FOR_START" && r.rung === "critical-risk");

describe("Step 3 held for the Match's answer", () => {
  // Step 3's card has no date (the sit-by day is out of reach): its notice is a notice with no date,
  // never "Due" Match Day's release or the Match Day question's day, which are Match Day's own.
  it("before Match Day: the notice on Step 3's undated card has no date; Step 3 is urgent beside it", () => {
    const result = plan(nadia(), calendar, new Date("2027-03-10T03:00:00Z"));
    expect(step3(result)?.action).toContain("pay for nothing for Step 3");
    expect(step3(result)?.urgency).toBe("urgent");
    expect(step3(result)?.deadline).toBeUndefined();
    const held = notice(result);
    expect(held && isUndatedNotice(held)).toBe(true);
    expect(held?.stepDate).toBeUndefined();
    expect(held?.overdueSince).toBeUndefined();
  });

  it("past Match Day untold: no date on the notice, never overdue since Step 3's; Match Day's answer keeps its day", () => {
    const result = plan(nadia(), calendar, new Date("2027-03-22T03:00:00Z"));
    const answer = result.reminders.find((r) => r.milestone === "match_day" && r.rung === "match-day-result");
    expect(step3(result)?.urgency).toBe("urgent");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step3");
    const held = notice(result);
    expect(held && isUndatedNotice(held)).toBe(true);
    expect(held?.overdueSince).toBeUndefined();
    expect(answer?.deadlineDetail?.local).toBe("Fri 2 Apr 2027");
  });

  it("matched in Match Week, Match Day ahead: Step 3 reads urgent on the day the notice goes", () => {
    const result = plan(matchedInMatchWeek(), calendar, new Date("2027-03-16T01:00:00Z"));
    expect(step3(result)?.action).toContain("pay for nothing for Step 3");
    expect(notice(result)?.milestone).toBe("usmle_step3");
    const step = step3(result);
    expect(step && stepBadge(step, result.now, result.risks)).toBe("urgent");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step3");
  });
});
