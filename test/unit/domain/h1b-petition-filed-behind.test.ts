import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Lagos whose program filed the petition on Thu 22 Apr 2027: this plan
// expects USCIS's approval (premium processing, 15 business days) by Thu 13 May, our reading of
// USCIS's clock, and the stamping by Wed 16 Jun. Past 13 May the approval is USCIS's to give, and the
// visa's date holds until half the time between them is gone (Sun 30 May): until then every surface
// says "behind our plan since Thu 13 May", one wording per email; from then on the petition is
// overdue since that day, not since our approval allowance.

const calendar = seasonCalendar(2027);
const input = matched2027("Africa/Lagos", {
  visa: "H-1B",
  extra: [
    milestoneFactory("usmle_step3", "done", "2027-01-20"),
    milestoneFactory("contract", "done", "2027-04-06"),
    milestoneFactory("visa_h1b", "in_progress", "2027-04-22"),
  ],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));

function weeklyEmail(result: Plan) {
  const reminder = result.reminders.find(
    (each) => each.milestone === "visa_h1b" && each.rung === "visa-behind" && each.sendAt >= result.now,
  );
  expect(reminder).toBeDefined();
  return reminder === undefined
    ? undefined
    : {
        reminder,
        email: renderReminderEmail({
          recipientName: "Chidi Okafor",
          reminders: [reminder],
          plan: result,
          unsubscribeUrl: "https://example.org/unsubscribe",
          weeklySummaryDay: "Monday",
        }),
      };
}

describe("an H-1B petition filed and awaiting USCIS past this plan's approval day", () => {
  it("a week after that day (Thu 20 May): behind our plan since Thu 13 May on the card and the weekly email", () => {
    const result = at("2027-05-20T07:00:00Z");
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBe(true);
    expect(step?.deadline?.local).toBe("Thu 13 May 2027");
    expect(result.overdue.map((row) => row.milestone)).not.toContain("visa_h1b");
    const weekly = weeklyEmail(result);
    expect(weekly && reminderDateLabel(weekly.reminder).label).toBe("Behind our plan since");
    expect(weekly?.email.subject).toContain("behind our plan since Thu 13 May 2027 (our advice)");
    expect(weekly?.email.subject).not.toMatch(/overdue/i);
    expect(weekly?.email.text).not.toMatch(/overdue since/i);
  });

  it("once the visa's date is at risk (Thu 3 Jun): overdue since Sun 30 May, not since our 13 May allowance", () => {
    const result = at("2027-06-03T07:00:00Z");
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
      "critical VISA_NOT_READY_FOR_START",
    );
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBeUndefined();
    expect(step?.deadline?.local).toBe("Sun 30 May 2027");
    expect(result.overdue.find((row) => row.milestone === "visa_h1b")?.deadline.local).toBe(
      "Sun 30 May 2027",
    );
    const weekly = weeklyEmail(result);
    expect(weekly?.email.subject).toContain("overdue since Sun 30 May 2027 (our advice)");
    expect(weekly?.email.subject).not.toContain("13 May");
    // The next steps' line: nothing was due on 30 May, so it is overdue since then, not "it was due".
    const line = step && stepDatesInline(step, Date.parse(result.now), result.risks);
    expect(line).toBe("overdue since Sun 30 May 2027");
  });
});
