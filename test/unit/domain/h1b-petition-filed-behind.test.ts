import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant in Lagos whose program filed the petition on Thu 22 Apr 2027, six days
// after this plan's filing day: this plan expects USCIS's approval (premium processing, 15 business
// days) by Thu 13 May, our reading of USCIS's clock, and the filing already brings the visa around
// Tue 22 Jun, after its own date (Wed 16 Jun) but before the start's last week. Past 13 May the
// approval is USCIS's to give, and an approval still keeps that week clear through Fri 14 May (the
// line a DS-2019 received late is judged on): that day every surface says "behind our plan since Thu
// 13 May", one wording per email, and never that the visa's own date still holds; from then on the
// petition is overdue since Fri 14 May, not since our approval allowance.

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

function weeklyEmail(result: Plan, rung = "visa-behind") {
  const reminder = result.reminders.find(
    (each) => each.milestone === "visa_h1b" && each.rung === rung && each.sendAt >= result.now,
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
  it("the day after it (Fri 14 May): behind our plan since Thu 13 May on the card and the email, the visa's day named", () => {
    const result = at("2027-05-14T07:00:00Z");
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBe(true);
    expect(step?.deadline?.local).toBe("Thu 13 May 2027");
    expect(result.overdue.map((row) => row.milestone)).not.toContain("visa_h1b");
    const weekly = weeklyEmail(result, "warning-notice");
    expect(weekly && reminderDateLabel(weekly.reminder).label).toBe("Behind our plan since");
    expect(weekly?.email.subject).toContain("behind our plan since Thu 13 May 2027 (our advice)");
    expect(weekly?.email.subject).not.toMatch(/overdue/i);
    expect(weekly?.email.text).not.toMatch(/overdue since/i);
    const late = result.risks.find((risk) => risk.code === "VISA_STEP_LATE");
    expect(late?.message).toContain("it brings your visa around Tue 22 Jun 2027 at the earliest");
    expect(late?.message).toContain(
      "approved by about Fri 14 May 2027, your visa still comes before the start's last week",
    );
    expect(late?.message).not.toContain("still holds");
  });

  it("once an approval would bring the visa into the start's last week (Thu 20 May): overdue since Fri 14 May, not since our 13 May allowance", () => {
    const result = at("2027-05-20T07:00:00Z");
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
      "critical VISA_NOT_READY_FOR_START",
    );
    const step = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    expect(step?.behindPlan).toBeUndefined();
    expect(step?.deadline?.local).toBe("Fri 14 May 2027");
    expect(result.overdue.find((row) => row.milestone === "visa_h1b")?.deadline.local).toBe(
      "Fri 14 May 2027",
    );
    const weekly = weeklyEmail(result);
    expect(weekly?.email.subject).toContain("overdue since Fri 14 May 2027 (our advice)");
    expect(weekly?.email.subject).not.toContain("13 May");
    // The critical names the visa an approval today would bring, in the start's last week.
    const critical = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
    expect(critical?.message).toContain(
      "expected by Thu 13 May 2027 (our advice) with premium processing, is not reported: approved today",
    );
    expect(critical?.message).toContain(
      "your visa would come around Tue 29 Jun 2027, in the last week before residency starts",
    );
    // The next steps' line: nothing was due on 14 May, so it is overdue since then, not "it was due".
    const line = step && stepDatesInline(step, Date.parse(result.now), result.risks);
    expect(line).toBe("overdue since Fri 14 May 2027");
  });
});
