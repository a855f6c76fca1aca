import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { stepLine } from "#email/reminder-sections.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// After the Match, the contract and the Statement of Need are dated by our own allowances counted
// back from the J-1 visa's date (Mon 5 Apr 2027, our advice; the visa Wed 16 Jun 2027). Past that day
// while the visa's own date holds (VISA_STEP_LATE, a warning), the steps are behind our plan, not
// overdue, on every display and out of the overdue list, its weekly chase in those words; once the visa's date
// can no longer be met (VISA_NOT_READY_FOR_START, critical: ECFMG's shortest review and the
// consulate's month from today come after 16 Jun), they stay behind our plan and name the last day
// that keeps the start (Mon 3 May) to act by, until that day is over; then they are overdue, chased weekly.
// Here: Chidi, Lagos, J-1, matched on Fri 19 Mar 2027, nothing after Match Day reported.

const calendar = seasonCalendar(2027);
const input = matched2027("Africa/Lagos");
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));
const BEHIND = ["contract", "j1_statement_of_need"];

describe("a visa step past our own allowance while the visa's date holds", () => {
  const result = at("2027-04-10T09:00:00Z"); // Sat 10 Apr, 10:00 in Lagos

  it("reads 'behind our plan' on its card and on the console, never 'overdue'", () => {
    for (const key of BEHIND) {
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(step?.behindPlan, key).toBe(true);
      const badge = step === undefined ? undefined : stepBadge(step, result.now, result.risks);
      expect(badge, key).toBe("behind-plan");
      if (step !== undefined && badge !== undefined) {
        expect(badgeWords(badge, step)).toBe("behind our plan");
        expect(stepStanding(result, step)).toEqual({ label: "behind our plan", critical: false });
      }
    }
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain("warning VISA_STEP_LATE");
  });

  it("leaves the overdue list, which the advisor's escalations and counts read", () => {
    expect(result.overdue.map((step) => step.milestone)).toEqual([]);
    const sponsorship = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
    expect(sponsorship?.overdueSince?.local).toContain("Mon 5 Apr 2027");
    expect(sponsorship?.behindPlan).toBe(true);
  });

  it("says 'Behind our plan since' in its emails, subject included, and in its weekly chase", () => {
    const chase = result.reminders.filter(
      (each) =>
        each.overdueSince !== undefined && BEHIND.includes(each.milestone) && each.behindPlan === true,
    );
    expect(chase.length).toBeGreaterThan(0);
    for (const each of chase) expect(reminderDateLabel(each).label).toBe("Behind our plan since");
    // The chase of Thu 15 Apr, before the visa's date comes at risk, says it too.
    const chased = result.reminders.filter((each) => each.rung === "visa-behind" && each.behindPlan === true);
    expect(chased.map((each) => each.sendAt.slice(0, 10))).toContain("2027-04-15");
    const first = chase[0];
    if (first === undefined) return;
    const email = renderReminderEmail({
      recipientName: "Chidi Okafor",
      reminders: [first],
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toContain("behind our plan since Mon 5 Apr 2027");
    expect(email.subject).not.toMatch(/overdue/i);
    expect(email.text).not.toContain("Overdue since");
  });

  it("says it the same way on every line of one email: the next-steps list too, weekly or not", () => {
    const chase = result.reminders.filter((each) => each.behindPlan === true && each.rung === "visa-behind");
    for (const weeklySummaryDay of [undefined, "Monday"] as const)
      for (const reminder of chase.slice(0, 2)) {
        const email = renderReminderEmail({
          recipientName: "Chidi Okafor",
          reminders: [reminder],
          plan: result,
          unsubscribeUrl: "https://example.org/unsubscribe",
          ...(weeklySummaryDay === undefined ? {} : { weeklySummaryDay }),
        });
        expect(email.text, reminder.milestone).toContain("behind our plan since Mon 5 Apr 2027");
        expect(email.text, reminder.milestone).not.toMatch(/overdue/i);
      }
    for (const key of BEHIND) {
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(step && stepLine(step, Date.parse(result.now), result.risks, ""), key).toMatch(
        /: its next step is above \(behind our plan since Mon 5 Apr 2027\)$/,
      );
    }
  });
});

describe("the same steps once the visa's date can no longer be met", () => {
  const result = at("2027-04-21T09:00:00Z"); // Wed 21 Apr, 10:00 in Lagos

  it("stay behind our plan, naming the day to act by, while that last day for the start is ahead; chased weekly", () => {
    expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
      "critical VISA_NOT_READY_FOR_START",
    );
    for (const key of BEHIND) {
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(step?.behindPlan, key).toBe(true);
      expect(step?.actBy?.local, key).toBe("Mon 3 May 2027");
      expect(step === undefined ? undefined : stepBadge(step, result.now, result.risks), key).toBe(
        "behind-plan",
      );
    }
    expect(result.overdue.filter((step) => BEHIND.includes(step.milestone))).toEqual([]);
    const chase = result.reminders.filter(
      (each) => each.rung === "visa-behind" && each.milestone === "contract",
    );
    for (const each of chase)
      expect(reminderDateLabel(each).label, each.sendAt).toBe(
        each.sendAt < "2027-05-03T23:00:00.000Z" ? "Behind our plan since" : "Overdue since",
      );
    const days = chase.map((each) => Date.parse(each.sendAt));
    for (let index = 1; index < days.length; index++)
      expect((days[index] ?? 0) - (days[index - 1] ?? 0)).toBe(7 * 24 * 3_600_000);
  });

  it("are overdue on every display and in the overdue list once that last day is over", () => {
    const past = at("2027-05-04T09:00:00Z"); // Tue 4 May, 10:00 in Lagos
    for (const key of BEHIND) {
      const step = past.nextSteps.find((each) => each.milestone === key);
      expect(step?.behindPlan, key).toBeUndefined();
      expect(step === undefined ? undefined : stepBadge(step, past.now, past.risks), key).toBe("overdue");
    }
    expect(past.overdue.map((step) => step.milestone)).toEqual(expect.arrayContaining([...BEHIND]));
  });
});

// On the H-1B track the contract is needed by the petition's date (Fri 16 Apr 2027, 60 days before the
// stamping), and those 60 days are no cushion: premium processing's 15 business days and the stamping's
// wait fill them. Past that date the critical verdict names the last filing day that keeps the start
// (Fri 30 Apr 2027): until it is over the contract is behind our plan and names it to act by; then overdue.
describe("the H-1B contract past the petition's date", () => {
  const h1b = matched2027("Africa/Lagos", {
    visa: "H-1B",
    extra: [milestoneFactory("usmle_step3", "done", "2027-01-20")],
  });
  const contractAt = (iso: string) => {
    const result = plan(h1b, calendar, new Date(iso));
    const step = result.nextSteps.find((each) => each.milestone === "contract");
    return { result, step, badge: step && stepBadge(step, result.now, result.risks) };
  };

  it("is behind our plan, act by the last filing day, from the moment that date passes; overdue past the last day", () => {
    expect(contractAt("2027-04-16T22:30:00Z").badge).toBe("urgent"); // Fri 16 Apr, 23:30 in Lagos
    for (const iso of ["2027-04-16T23:30:00Z", "2027-04-25T09:00:00Z"]) {
      const { result, step, badge } = contractAt(iso);
      expect(step?.deadline?.local, iso).toContain("Fri 16 Apr 2027");
      expect(badge, iso).toBe("behind-plan");
      expect(step?.actBy?.local, iso).toBe("Fri 30 Apr 2027");
      const critical = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
      expect(critical?.severity, iso).toBeDefined();
      expect(critical?.milestones, iso).toContain("contract");
    }
    const { step, badge } = contractAt("2027-05-01T09:00:00Z");
    expect(badge).toBe("overdue");
    expect(step?.deadline?.local).toContain("Fri 30 Apr 2027");
  });
});
