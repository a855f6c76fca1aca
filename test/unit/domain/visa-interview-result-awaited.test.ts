import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate matched for a Thu 1 Jul 2027 start on a J-1 (or an H-1B), every step before the visa
// done, has been to the consular interview. This plan wants the visa in hand by Wed 16 Jun 2027 (two
// weeks before the start, our advice). A consular officer decides at the interview: a refusal under
// section 221(g), or the passport kept for the visa, is known that day (advice). So an advisor, the
// morning after an interview on (or before) 16 Jun, asks "was the visa issued?" and does not call
// the visa steps behind; and one booked late, on its own morning, is told so in that day's email.

const calendar = seasonCalendar(2027);

function afterInterview(zone: string, interview: string, visa: "J-1" | "H-1B" = "J-1") {
  const before =
    visa === "J-1"
      ? [
          milestoneFactory("contract", "done", "2027-03-26"),
          milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
          milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
          milestoneFactory("j1_ds2019", "done", "2027-05-10"),
          milestoneFactory("visa_j1", "scheduled", interview),
        ]
      : [
          milestoneFactory("usmle_step3", "done", "2027-01-20"),
          milestoneFactory("contract", "done", "2027-03-26"),
          milestoneFactory("visa_h1b", "done", "2027-04-20"),
          milestoneFactory("visa_h1b_stamping", "scheduled", interview),
        ];
  return matched2027(zone, {
    visa,
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-12-01"), ...before],
  });
}
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);

describe("the morning after a J-1 visa interview held on the plan's visa date", () => {
  // Manila: interview Wed 16 Jun 2027; 00:30 on Thu 17 Jun, then 09:00.
  const result = plan(
    afterInterview("Asia/Manila", "2027-06-16"),
    calendar,
    new Date("2027-06-16T16:30:00Z"),
  );

  it("is not behind: no critical, nothing overdue, the row awaits the result by residency's start", () => {
    expect(visaRisk(result)).toBeUndefined();
    expect(result.overdue).toEqual([]);
    const row = stepOf(result, "visa_j1");
    expect(row?.deadline?.local).toBe("by residency's start, Thu 1 Jul 2027");
    expect(row?.action).toContain("Was the visa issued?");
    expect(row?.startBy).toBeUndefined();
  });

  it("asks whether the visa was issued at that morning's delivery slot", () => {
    const first = result.reminders.filter((reminder) => reminder.milestone === "visa_j1")[0];
    expect(first?.sendAtLocal).toBe("2027-06-17T09:00:00.000+08:00");
    expect(first?.title).toBe("Your J-1 visa interview was on Wed 16 Jun 2027: was the visa issued? Tell us");
    expect(first?.why).toContain("221(g)");
    expect(first?.overdueSince).toBeUndefined();
  });
});

describe("a J-1 visa interview a month before the plan's visa date, its result not told", () => {
  it("asks at the next delivery slot, not four weeks after the interview", () => {
    // Honolulu: interview Sat 15 May 2027, reported on Thu 20 May at 10:00.
    const result = plan(
      afterInterview("Pacific/Honolulu", "2027-05-15"),
      calendar,
      new Date("2027-05-20T20:00:00Z"),
    );
    const asked = result.reminders.filter((reminder) => reminder.milestone === "visa_j1");
    expect(asked[0]?.sendAtLocal).toBe("2027-05-21T09:00:00.000-10:00");
    expect(asked[0]?.title).toContain("was the visa issued?");
    // No rung counts down to the visa's date of an interview already held.
    for (const reminder of asked) expect(reminder.title).not.toBe("Get your J-1 visa at the US consulate");
  });
});

describe("an H-1B visa interview held before the plan's visa date", () => {
  it("awaits its result the same way", () => {
    const result = plan(
      afterInterview("Asia/Karachi", "2027-06-10", "H-1B"),
      calendar,
      new Date("2027-06-18T05:00:00Z"),
    );
    expect(visaRisk(result)).toBeUndefined();
    expect(result.overdue).toEqual([]);
    expect(stepOf(result, "visa_h1b_stamping")?.action).toContain("Was the visa issued?");
  });
});

describe("a J-1 visa interview booked after the plan's visa date, on its own day", () => {
  // Lagos: interview Fri 25 Jun 2027, in the start's last week (the plan's visa date is Wed 16 Jun); re-planned at 00:30.
  const result = plan(
    afterInterview("Africa/Lagos", "2027-06-25"),
    calendar,
    new Date("2027-06-24T23:30:00Z"),
  );
  const notice = result.reminders.find(
    (reminder) => reminder.milestone === "visa_j1" && reminder.rung === "critical-risk",
  );

  it("sends the critical notice it lays for 08:00 that morning, first in the email", () => {
    expect(notice?.sendAtLocal).toBe("2027-06-25T08:00:00.000+01:00");
    const due = dueReminders(result, new Date("2027-06-25T07:00:00Z"), new Set());
    expect(due[0]?.id).toBe(notice?.id);
  });

  it("never calls the step overdue on the interview's own day", () => {
    const row = stepOf(result, "visa_j1");
    expect(row).toBeDefined();
    if (row === undefined) return;
    expect(stepDatesInline(row, Date.parse("2027-06-25T07:00:00Z"), result.risks)).not.toContain("overdue");
  });

  it("the next morning asks whether the visa was issued, never 'overdue since' the visa's date", () => {
    const next = plan(
      afterInterview("Africa/Lagos", "2027-06-25"),
      calendar,
      new Date("2027-06-26T06:00:00Z"),
    );
    expect(visaRisk(next)).toBeUndefined();
    const asked = next.reminders.filter((reminder) => reminder.milestone === "visa_j1");
    expect(asked[0]?.title).toContain("was the visa issued?");
    for (const reminder of asked) expect(reminder.overdueSince).toBeUndefined();
  });
});
