import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { escalationsSince } from "#usecases/escalation.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Matched on an H-1B for a 1 Jul 2027 start, Step 3 passed, the contract signed on 6 Apr; the plan
// counts on the program filing the petition by Fri 16 Apr and on the stamping by Wed 16 Jun (both our
// advice). The program has not reported filing. Filed on Sat 17 Apr (counted from Mon 19 Apr, USCIS's
// next business day), premium processing's 15 business days and the stamping's allowance bring the
// visa around Sat 19 Jun: after our date, still 12 days before the start. That was a critical
// "can no longer be met", emailed and escalated to the advisor the morning after our own filing day,
// where a J-1 sponsorship finished as late is a warning. Now a warning naming the visa's day and
// asking the program to file today with premium processing, until a filing would bring the visa into
// the start's last week (filed after Fri 23 Apr, in every zone); from the next day, the critical
// last-day verdict ("must file by about Fri 30 Apr").

const calendar = seasonCalendar(2027);
const signed: MilestoneEntry[] = [
  milestoneFactory("usmle_step3", "done", "2026-12-10"),
  milestoneFactory("contract", "done", "2027-04-06"),
];
const unfiled = (zone: string) => matched2027(zone, { visa: "H-1B", extra: signed });
const LAGOS = "Africa/Lagos";
const HONOLULU = "Pacific/Honolulu";
const CODE = "H1B_PETITION_PAST_VISA_DATE";

const warningOf = (result: Plan) => result.risks.find((risk) => risk.code === CODE);
const criticals = (result: Plan) => result.risks.filter((risk) => risk.severity === "critical");

describe("an H-1B petition unfiled a few days past the plan's filing day, contract signed: a warning, not the critical verdict", () => {
  // Lagos 08:00 on Sat 17 Apr; Honolulu 09:00 on Sat 17 Apr (ET's 17 Apr too).
  for (const [zone, now] of [
    [LAGOS, "2027-04-17T07:00:00Z"],
    [HONOLULU, "2027-04-17T19:00:00Z"],
  ] as const)
    it(`in ${zone} on 17 Apr: a warning naming the visa's day and "file today with premium processing", nothing critical, no escalation`, () => {
      const result = plan(unfiled(zone), calendar, new Date(now));
      const warning = warningOf(result);
      expect(warning?.severity).toBe("warning");
      expect(warning?.message).toContain("this plan's day for it, Fri 16 Apr 2027 (our advice), has passed");
      expect(warning?.message).toContain("your visa would come around Sat 19 Jun 2027");
      expect(warning?.message).toContain("after this plan's visa date, Wed 16 Jun 2027 (our advice)");
      expect(warning?.message).toContain(
        "still holds if your program files by about Fri 23 Apr 2027: filed by then, your visa would still come before the start's last week; filed later, it would come in that week, and your start would be at risk",
      );
      expect(warning?.message).toContain("file today with premium processing");
      // "Your visa's own date still holds" would be false: the step-late warning gives way.
      for (const risk of result.risks)
        expect(risk.message).not.toContain("own date, Wed 16 Jun 2027 (our advice), still holds");
      expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
      expect(criticals(result)).toEqual([]);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("visa_h1b");
      expect(escalationsSince({ criticalCodes: [], overdue: [] }, result)).toEqual([]);
      const card = result.nextSteps.find((step) => step.milestone === "visa_h1b");
      expect(card?.action).toContain("your visa would come around Sat 19 Jun 2027");
      expect(card?.action).toContain("file today with premium processing");
      // The weekly chase says the same, never "still holds".
      const chase = result.reminders.filter((each) => each.rung === "visa-behind");
      expect(chase.length).toBeGreaterThan(0);
      expect(chase[0]?.why).toContain("your visa would come around Sat 19 Jun 2027");
      for (const each of chase) expect(each.why).not.toContain("still holds:");
      // One notice, due by the band's last day.
      const notice = result.reminders.find(
        (each) => each.milestone === "visa_h1b" && each.rung === "warning-notice",
      );
      expect(notice?.title).toContain("ask your program to file today with premium processing");
      expect(notice?.deadlineDetail.local).toContain("Fri 23 Apr 2027");
    });

  // The last minutes of Fri 23 Apr, then the first of Sat 24 Apr, each in the applicant's own day.
  for (const [zone, lastMinute, firstMinute] of [
    [LAGOS, "2027-04-23T22:59:00Z", "2027-04-23T23:00:00Z"],
    [HONOLULU, "2027-04-24T09:59:00Z", "2027-04-24T10:00:00Z"],
  ] as const)
    it(`in ${zone}: the warning through Fri 23 Apr, the critical last-day verdict from Sat 24 Apr`, () => {
      const before = plan(unfiled(zone), calendar, new Date(lastMinute));
      expect(warningOf(before)?.severity).toBe("warning");
      expect(criticals(before)).toEqual([]);
      const after = plan(unfiled(zone), calendar, new Date(firstMinute));
      expect(warningOf(after)).toBeUndefined();
      const verdict = after.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
      expect(verdict?.severity).toBe("critical");
      expect(verdict?.message).toContain("can no longer be met");
      expect(verdict?.message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
      // A filing on Sat 24 Apr counts from Mon 26 Apr: the visa in the start's last week.
      expect(verdict?.message).toContain("your visa would come around Sat 26 Jun 2027");
      // Behind our plan still, not overdue: the last filing day the verdict names is ahead (start-last-day.ts).
      expect(after.overdue.map((step) => step.milestone)).not.toContain("visa_h1b");
    });

  it("a petition reported filed is judged as before: filed on Tue 20 Apr, no band warning", () => {
    const filed = matched2027(LAGOS, {
      visa: "H-1B",
      extra: [...signed, milestoneFactory("visa_h1b", "in_progress", "2027-04-20")],
    });
    const result = plan(filed, calendar, new Date("2027-04-21T07:00:00Z"));
    expect(warningOf(result)).toBeUndefined();
    expect(criticals(result)).toEqual([]);
  });

  it("the contract unsigned keeps the critical verdict from the day after the filing day: the program cannot file today", () => {
    const unsigned = matched2027(LAGOS, {
      visa: "H-1B",
      extra: [milestoneFactory("usmle_step3", "done", "2026-12-10")],
    });
    const result = plan(unsigned, calendar, new Date("2027-04-17T07:00:00Z"));
    expect(warningOf(result)).toBeUndefined();
    const verdict = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
    expect(verdict?.severity).toBe("critical");
    expect(verdict?.message).toContain("Sign your program's contract now");
  });
});
