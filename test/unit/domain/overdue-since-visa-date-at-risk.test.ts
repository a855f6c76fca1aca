import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant who never reports the contract or the Statement of Need: both are planned
// by Mon 5 Apr 2027 (our allowance counted back from the J-1 visa's date, Wed 16 Jun 2027). From Tue
// 20 Apr ECFMG's shorter review (4 weeks) and the consular month from today no longer bring the visa by
// 16 Jun, and the critical notice says to act by Mon 3 May, the last day that keeps the program's start.
// While that day is ahead, every surface says "behind our plan since Mon 5 Apr" and names "act by Mon 3
// May" (never "overdue since" Mon 19 Apr, the day the visa's own date was lost, which nobody was told to
// act by); once it is over, "overdue since Mon 3 May 2027" to July. Two zones: Lagos (UTC+1) and
// Honolulu (UTC-10).

const calendar = seasonCalendar(2027);
const STEPS = ["contract", "j1_statement_of_need"];
const ZONES = [
  {
    zone: "Africa/Lagos",
    eve: "2027-04-19T22:30:00Z",
    turned: "2027-04-19T23:30:00Z",
    lastEve: "2027-05-03T22:30:00Z",
    lastTurned: "2027-05-03T23:30:00Z",
    may: "2027-05-17T09:00:00Z",
  },
  {
    zone: "Pacific/Honolulu",
    eve: "2027-04-20T09:30:00Z",
    turned: "2027-04-20T10:30:00Z",
    lastEve: "2027-05-04T09:30:00Z",
    lastTurned: "2027-05-04T10:30:00Z",
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
  ({ zone, eve, turned, lastEve, lastTurned, may }) => {
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

    it("the verdict's day (00:30 on Tue 20 Apr): critical, yet behind our plan since Mon 5 Apr on the card and the chase, act by Mon 3 May", () => {
      const result = at(turned);
      expect(result.risks.map((risk) => `${risk.severity} ${risk.code}`)).toContain(
        "critical VISA_NOT_READY_FOR_START",
      );
      for (const key of STEPS) {
        const step = result.nextSteps.find((each) => each.milestone === key);
        expect(step?.behindPlan, key).toBe(true);
        expect(step && stepBadge(step, result.now, result.risks), key).toBe("behind-plan");
        expect(step?.deadline?.local, key).toBe("Mon 5 Apr 2027");
        expect(step?.actBy?.local, key).toBe("Mon 3 May 2027");
        const line = step && stepDatesInline(step, Date.parse(result.now), result.risks);
        expect(line, key).toBe("behind our plan since Mon 5 Apr 2027; act by Mon 3 May 2027 (our advice)");
      }
      expect(result.overdue.filter((row) => STEPS.includes(row.milestone))).toEqual([]);
      const sponsorship = result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
      expect(sponsorship?.behindPlan).toBe(true);
      expect(sponsorship?.overdueSince?.local).toBe("Mon 5 Apr 2027");
      const chase = result.reminders.filter(
        (each) => each.rung === "visa-behind" && STEPS.includes(each.milestone),
      );
      expect(chase.length).toBeGreaterThan(0);
      // Each chase sent while the last day is ahead says so; one sent after it, overdue since that day.
      for (const each of chase) {
        const ahead = Date.parse(each.sendAt) < Date.parse(lastTurned);
        expect(reminderDateLabel(each).label, each.sendAt).toBe(
          ahead ? "Behind our plan since" : "Overdue since",
        );
        expect(each.overdueSince?.local, each.sendAt).toBe(ahead ? "Mon 5 Apr 2027" : "Mon 3 May 2027");
        expect(each.actBy?.local, each.sendAt).toBe(ahead ? "Mon 3 May 2027" : undefined);
      }
      // Never the day the visa's own date was lost, which no notice asked to act by.
      expect(JSON.stringify(result.nextSteps)).not.toContain("Mon 19 Apr 2027");
    });

    it("the last day's evening (23:30 on Mon 3 May) is still behind our plan; the next morning overdue since Mon 3 May", () => {
      const eveOf = at(lastEve);
      const turnedOn = at(lastTurned);
      for (const key of STEPS) {
        const before = eveOf.nextSteps.find((each) => each.milestone === key);
        expect(before?.behindPlan, key).toBe(true);
        expect(before?.actBy?.local, key).toBe("Mon 3 May 2027");
        const after = turnedOn.nextSteps.find((each) => each.milestone === key);
        expect(after?.behindPlan, key).toBeUndefined();
        expect(after?.actBy, key).toBeUndefined();
        expect(after && stepBadge(after, turnedOn.now, turnedOn.risks), key).toBe("overdue");
        expect(after?.deadline?.local, key).toBe("Mon 3 May 2027");
      }
      for (const row of turnedOn.overdue.filter((each) => STEPS.includes(each.milestone)))
        expect(row.deadline.local, row.milestone).toBe("Mon 3 May 2027");
      expect(turnedOn.overdue.map((row) => row.milestone)).toEqual(expect.arrayContaining(STEPS));
      const sponsorship = turnedOn.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
      expect(sponsorship?.overdueSince?.local).toBe("Mon 3 May 2027");
    });

    it("a weekly email in May: its subject and body name Mon 3 May, the last day it was told to act by, never our 5 Apr allowance", () => {
      const email = weeklyEmail(at(may), "contract");
      expect(email?.subject).toContain("overdue since Mon 3 May 2027 (our advice)");
      expect(email?.text).toContain("Overdue since: Mon 3 May 2027 (our advice, not set by any authority)");
      expect(email?.text).not.toContain("19 Apr");
      // The why may still tell what the plan had counted on (Mon 5 Apr); nothing is overdue since it.
      expect(email?.text).not.toMatch(/overdue since:? Mon 5 Apr|overdue: it was due Mon 5 Apr/i);
      expect(email?.subject).not.toContain("5 Apr");
    });

    it('the next steps\' line in May: overdue since Mon 3 May, never "it was due" it', () => {
      const result = at(may);
      for (const key of STEPS) {
        const step = result.nextSteps.find((each) => each.milestone === key);
        const line = step && stepDatesInline(step, Date.parse(result.now), result.risks);
        expect(line, key).toBe("overdue since Mon 3 May 2027");
      }
    });
  },
);

// On the H-1B track the contract is needed by the petition's planned filing day, Fri 16 Apr 2027; the
// last day a petition filed still keeps the start is Fri 30 Apr 2027, which the critical notice names.
// Past it the contract is overdue since that day, as its chase says.
describe("the H-1B contract past the petition's last day for the start", () => {
  const input = matched2027("Africa/Lagos", {
    visa: "H-1B",
    extra: [milestoneFactory("usmle_step3", "done", "2027-01-20")],
  });

  it("a weekly email in May names Fri 30 Apr; its why still says the day the plan needed it signed", () => {
    const result = plan(input, calendar, new Date("2027-05-17T09:00:00Z"));
    const step = result.nextSteps.find((each) => each.milestone === "contract");
    expect(step?.behindPlan).toBeUndefined();
    expect(step?.deadline?.local).toContain("Fri 30 Apr 2027");
    const email = weeklyEmail(result, "contract");
    expect(email?.subject).toContain("overdue since Fri 30 Apr 2027");
    // Which day the plan needed it: the petition's last filing day for the visa's date, not only "our advice".
    expect(email?.text).toContain(
      "Fri 16 Apr 2027 (our advice, not set by any authority), the last day your program could file your H-1B petition",
    );
  });
});
