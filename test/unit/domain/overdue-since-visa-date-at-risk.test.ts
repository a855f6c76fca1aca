import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant who never reports the contract or the Statement of Need: both are planned
// by Mon 5 Apr 2027 (our allowance counted back from the J-1 visa's date, Wed 16 Jun 2027). They are
// behind our plan past that day, and overdue from the day ECFMG's shorter review (4 weeks) and the
// consular month from today no longer bring the visa by 16 Jun: the missed day is Mon 19 Apr, the last
// day those allowances still did. From then on every surface says "overdue since Mon 19 Apr 2027",
// never our earlier 5 Apr allowance, to July. Two zones: Lagos (UTC+1) and Honolulu (UTC-10).

const calendar = seasonCalendar(2027);
const STEPS = ["contract", "j1_statement_of_need"];
const ZONES = [
  {
    zone: "Africa/Lagos",
    eve: "2027-04-19T22:30:00Z",
    turned: "2027-04-19T23:30:00Z",
    may: "2027-05-17T09:00:00Z",
  },
  {
    zone: "Pacific/Honolulu",
    eve: "2027-04-20T09:30:00Z",
    turned: "2027-04-20T10:30:00Z",
    may: "2027-05-17T20:00:00Z",
  },
];

function weeklyEmail(result: Plan, milestone: string) {
  const reminder = result.reminders.find(
    (each) => each.milestone === milestone && each.rung === "visa-behind" && each.sendAt >= result.now,
  );
  expect(reminder, milestone).toBeDefined();
  return reminder === undefined
    ? undefined
    : renderReminderEmail({
        recipientName: "Chidi Okafor",
        reminders: [reminder],
        plan: result,
        unsubscribeUrl: "https://example.org/unsubscribe",
        weeklySummaryDay: "Monday",
      });
}

describe.each(ZONES)(
  "a J-1 visa step once the visa's date is at risk, in $zone",
  ({ zone, eve, turned, may }) => {
    const input = matched2027(zone);
    const at = (iso: string): Plan => plan(input, calendar, new Date(iso));

    it("the day before the phase turns (23:30 on Mon 19 Apr): behind our plan since Mon 5 Apr", () => {
      const result = at(eve);
      for (const key of STEPS) {
        const step = result.nextSteps.find((each) => each.milestone === key);
        expect(step?.behindPlan, key).toBe(true);
        expect(step?.deadline?.local, key).toContain("Mon 5 Apr 2027");
      }
    });

    it("the day it turns (00:30 on Tue 20 Apr): overdue since Mon 19 Apr on the card, the list and the chase", () => {
      const result = at(turned);
      expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
        "critical VISA_NOT_READY_FOR_START",
      );
      for (const key of STEPS) {
        const step = result.nextSteps.find((each) => each.milestone === key);
        expect(step?.behindPlan, key).toBeUndefined();
        expect(step && stepBadge(step, result.now, result.risks), key).toBe("overdue");
        expect(step?.deadline?.local, key).toBe("Mon 19 Apr 2027");
        expect(step?.deadline?.basis, key).toBe("advice");
      }
      for (const row of result.overdue) expect(row.deadline.local, row.milestone).toBe("Mon 19 Apr 2027");
      expect(result.overdue.map((row) => row.milestone).sort()).toEqual([...STEPS].sort());
      const sponsorship = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
      expect(sponsorship?.overdueSince?.local).toBe("Mon 19 Apr 2027");
      const chase = result.reminders.filter(
        (each) => each.rung === "visa-behind" && STEPS.includes(each.milestone),
      );
      expect(chase.length).toBeGreaterThan(0);
      for (const each of chase) {
        expect(reminderDateLabel(each).label).toBe("Overdue since");
        expect(each.overdueSince?.local, each.sendAt).toBe("Mon 19 Apr 2027");
      }
    });

    it("a weekly email in May: its subject and body name Mon 19 Apr, never overdue since our 5 Apr allowance", () => {
      const email = weeklyEmail(at(may), "contract");
      expect(email?.subject).toContain("overdue since Mon 19 Apr 2027 (our advice)");
      expect(email?.text).toContain("Overdue since: Mon 19 Apr 2027 (our advice, not set by any authority)");
      // The why may still tell what the plan had counted on (Mon 5 Apr); nothing is overdue since it.
      expect(email?.text).not.toMatch(/overdue since:? Mon 5 Apr|overdue: it was due Mon 5 Apr/i);
      expect(email?.subject).not.toContain("5 Apr");
    });

    it('the next steps\' line in May: overdue since Mon 19 Apr, a day nothing was due, never "it was due" it', () => {
      const result = at(may);
      for (const key of STEPS) {
        const step = result.nextSteps.find((each) => each.milestone === key);
        const line = step && stepDatesInline(step, Date.parse(result.now), result.risks);
        expect(line, key).toBe("overdue since Mon 19 Apr 2027");
      }
    });
  },
);

// On the H-1B track the contract is needed by the petition's planned filing day, Fri 16 Apr 2027,
// which is itself the last day a petition filed (premium processing, then the stamping's wait) still
// brings the visa by its date: no room before it, so the contract is overdue since that day, the
// chain's own, from the day after, with no "behind our plan" phase.
describe("the H-1B contract past the petition's last day for the visa's date", () => {
  const input = matched2027("Africa/Lagos", {
    visa: "H-1B",
    extra: [milestoneFactory("usmle_step3", "done", "2027-01-20")],
  });

  it("a weekly email in May names Fri 16 Apr and says it was the petition's last filing day", () => {
    const result = plan(input, calendar, new Date("2027-05-17T09:00:00Z"));
    const step = result.nextSteps.find((each) => each.milestone === "contract");
    expect(step?.behindPlan).toBeUndefined();
    expect(step?.deadline?.local).toContain("Fri 16 Apr 2027");
    const email = weeklyEmail(result, "contract");
    expect(email?.subject).toContain("overdue since Fri 16 Apr 2027");
    // Which day it was: the petition's last filing day for the visa's date, not only "our advice".
    expect(email?.text).toContain(
      "Fri 16 Apr 2027 (our advice, not set by any authority), the last day your program could file your H-1B petition",
    );
  });
});
