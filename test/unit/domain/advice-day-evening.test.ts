import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { startOfLocalDate } from "#domain/time.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched J-1 applicant has signed the contract; the Statement of Need and the ECFMG sponsorship
 * application are under way, both planned for Mon 5 Apr 2027 (our advice: the DS-2019's day less
 * ECFMG's six weeks). The README promises such a day is never overdue on the day shown: it is the
 * applicant's Monday, due until Monday ends where they are. In Honolulu it was overdue from 6:00 PM
 * on Monday (ET's midnight), half an hour after a "Due Mon 5 Apr" email. At 11:30 PM on Monday,
 * west and east of ET, nothing says it has passed; at 12:30 AM on Tuesday every channel says it has.
 */
const ZONES = ["Pacific/Honolulu", "Pacific/Auckland", "Africa/Lagos", "Asia/Manila"];
const HALF_HOUR = 30 * 60_000;
const STEPS = ["j1_statement_of_need", "j1_ecfmg_sponsorship"];

const input = (zone: string) =>
  matched2027(zone, {
    extra: [
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "in_progress"),
      milestoneFactory("j1_ecfmg_sponsorship", "in_progress"),
    ],
  });
/** The end of Mon 5 Apr 2027 where the applicant is. */
const mondayEnds = (zone: string) => startOfLocalDate(zone, "2027-04-06");
const planAt = (zone: string, at: number): Plan => plan(input(zone), seasonCalendar(2027), new Date(at));
const sponsorship = (planned: Plan) =>
  planned.nextSteps.find((step) => step.milestone === "j1_ecfmg_sponsorship");

describe("an advice day is the applicant's own day, due until it ends where they are", () => {
  for (const zone of ZONES) {
    it(`${zone}: at 11:30 PM on Mon 5 Apr the steps are due today, not overdue`, () => {
      const planned = planAt(zone, mondayEnds(zone) - HALF_HOUR);
      for (const key of STEPS) {
        const step = planned.nextSteps.find((each) => each.milestone === key);
        expect(step?.urgency, key).toBe("urgent");
        expect(step?.deadline?.local, key).toBe("Mon 5 Apr 2027");
        expect(Date.parse(step?.deadline?.at ?? ""), key).toBe(mondayEnds(zone));
      }
      expect(planned.overdue).toEqual([]);
      expect(sponsorship(planned)?.action).toContain("by Mon 5 Apr 2027 (our advice)");
      expect(planned.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
      const chain = planned.reminders.filter((reminder) => STEPS.includes(reminder.milestone));
      expect(chain.length).toBeGreaterThan(0);
      for (const reminder of chain) {
        expect(reminder.overdueSince, reminder.rung).toBeUndefined();
        expect(reminder.deadlineDetail.local, reminder.rung).toBe("Mon 5 Apr 2027");
      }
    });

    it(`${zone}: at 12:30 AM on Tue 6 Apr the row, card, risk, email and feed say Mon 5 Apr has passed, behind our plan`, () => {
      const now = mondayEnds(zone) + HALF_HOUR;
      const planned = planAt(zone, now);
      // Our allowance passed while the visa's own date holds: behind our plan, not in the overdue list.
      expect(planned.overdue.map((step) => step.milestone)).toEqual([]);
      for (const key of STEPS) {
        const row = planned.nextSteps.find((each) => each.milestone === key);
        expect(row?.urgency, key).toBe("overdue");
        expect(row?.behindPlan, key).toBe(true);
        expect(row?.deadline?.local, key).toBe("Mon 5 Apr 2027");
      }
      expect(sponsorship(planned)?.action).toContain(
        "as soon as you can (Mon 5 Apr 2027, our advice, has passed)",
      );
      expect(planned.risks.find((risk) => risk.code === "VISA_STEP_LATE")?.message).toContain(
        "Mon 5 Apr 2027 (our advice), has passed",
      );
      const chase = planned.reminders.filter(
        (reminder) => STEPS.includes(reminder.milestone) && reminder.overdueSince !== undefined,
      );
      expect(chase.length).toBeGreaterThan(0);
      // Sent after the last day that keeps the start (Mon 3 May), a chase is overdue since that day.
      for (const reminder of chase)
        expect(reminder.overdueSince?.local, reminder.rung).toBe(
          reminder.sendAt < "2027-05-03" ? "Mon 5 Apr 2027" : "Mon 3 May 2027",
        );
      const first = chase[0];
      const email = renderReminderEmail({
        recipientName: "Arjun",
        reminders: first === undefined ? [] : [first],
        plan: planned,
        unsubscribeUrl: "https://example.org/unsubscribe",
      });
      expect(email.text).toContain(
        "Behind our plan since: Mon 5 Apr 2027 (our advice, not set by any authority)",
      );
      const feed = renderApplicantFeed({
        applicantId: "a_test",
        timezone: zone,
        plan: planned,
        interviews: [],
        updatedAt: new Date(now).toISOString(),
      });
      const deadline = new ICAL.Component(ICAL.parse(feed))
        .getAllSubcomponents("vevent")
        .map((component) => new ICAL.Event(component))
        .find((event) => event.uid === "a_test.j1_ecfmg_sponsorship.deadline@matchpath");
      expect(deadline?.startDate.toString()).toBe("2027-04-05");
    });
  }

  it("the contract's start-by is one day in every zone (a week before its Fri 2 Apr)", () => {
    for (const zone of [...ZONES, "America/Chicago", "America/New_York"]) {
      const planned = plan(
        matched2027(zone),
        seasonCalendar(2027),
        new Date(startOfLocalDate(zone, "2027-03-22") + 9 * 3_600_000),
      );
      const contract = planned.nextSteps.find((step) => step.milestone === "contract");
      // Our Fri 2 Apr is its target; its deadline is the J-1 sponsorship's day (contractDueNow).
      expect(contract?.target?.local, zone).toBe("Fri 2 Apr 2027");
      expect(contract?.startBy, zone).toBe(new Date(startOfLocalDate(zone, "2027-03-27")).toISOString());
    }
  });
});
