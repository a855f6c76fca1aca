import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Chicago whose program filed the petition on Thu 22 Apr 2027 as a change
// of status (the stamping waived: no visa to stamp). This plan expects USCIS's approval (premium
// processing, 15 business days) by Thu 13 May, our reading of USCIS's clock. What counts is the
// approval before residency starts on Thu 1 Jul: a pending petition can still be upgraded to premium
// processing, so the start holds while 15 business days from a day's end still end by 30 Jun, through
// Tue 8 Jun (Juneteenth, observed Fri 18 Jun, not counted). Until then the petition is behind our plan,
// in words of the approval and the start, never of a visa; from Wed 9 Jun one critical, overdue since 8 Jun.

const calendar = seasonCalendar(2027);
const input = matched2027("America/Chicago", {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-20"),
    milestoneFactory("contract", "done", "2027-04-06"),
    milestoneFactory("visa_h1b", "in_progress", "2027-04-22"),
    milestoneFactory("visa_h1b_stamping", "waived"),
  ],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));

function emailOf(result: Plan, rung: string) {
  const reminder = result.reminders.find(
    (each) => each.milestone === "visa_h1b" && each.rung === rung && each.sendAt >= result.now,
  );
  expect(reminder).toBeDefined();
  return reminder === undefined
    ? undefined
    : renderReminderEmail({
        recipientName: "Ana Reyes",
        reminders: [reminder],
        plan: result,
        unsubscribeUrl: "https://example.org/unsubscribe",
        weeklySummaryDay: "Monday",
      });
}

describe("an H-1B petition filed as a change of status, past this plan's approval day", () => {
  it("a week past it (Wed 19 May): behind our plan since Thu 13 May, the start holding until Tue 8 Jun, no visa named", () => {
    const result = at("2027-05-19T13:00:00Z");
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBe(true);
    expect(step?.deadline?.local).toBe("Thu 13 May 2027");
    expect(result.overdue.map((row) => row.milestone)).not.toContain("visa_h1b");
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).not.toContain(
      "critical VISA_NOT_READY_FOR_START",
    );
    const late = result.risks.find((risk) => risk.code === "VISA_STEP_LATE");
    expect(late?.message).toContain("USCIS's approval before residency starts on Thu 1 Jul 2027");
    expect(late?.message).toContain("still holds until Tue 8 Jun 2027 (our advice)");
    expect(late?.message).not.toContain("visa's own date");
    const email = emailOf(result, "visa-behind");
    expect(email?.subject).toContain("behind our plan since Thu 13 May 2027 (our advice)");
    expect(email?.subject).not.toMatch(/overdue/i);
    expect(email?.text).not.toContain("visa's own date");
  });

  it("still behind our plan on its last day (Tue 8 Jun, evening)", () => {
    const result = at("2027-06-09T02:00:00Z");
    expect(result.nextSteps.find((each) => each.milestone === "visa_h1b")?.behindPlan).toBe(true);
    expect(result.overdue.map((row) => row.milestone)).not.toContain("visa_h1b");
  });

  it("from Wed 9 Jun: critical, overdue since Tue 8 Jun, the day the start came at risk", () => {
    const result = at("2027-06-09T13:00:00Z");
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
      "critical VISA_NOT_READY_FOR_START",
    );
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBeUndefined();
    expect(step?.deadline?.local).toBe("Tue 8 Jun 2027");
    expect(result.overdue.find((row) => row.milestone === "visa_h1b")?.deadline.local).toBe("Tue 8 Jun 2027");
    // The critical notice says what that day is: nothing was due on it.
    const notice = result.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
    expect(notice?.overdueSince?.local).toBe("Tue 8 Jun 2027");
    expect(notice?.why).toContain(
      "Overdue since Tue 8 Jun 2027 (our advice): the last day on which premium processing's 15 business days, asked for then, still brought USCIS's approval of your change of status before residency starts",
    );
    expect(notice?.why).not.toMatch(/\bvisa\b/);
  });
});
