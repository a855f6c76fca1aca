import { describe, expect, it } from "vitest";
import type { Deadline } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { startOfLocalDate } from "#domain/time.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory, PRE_ERAS_KEYS } from "./factories.ts";

/**
 * Post-Match steps counted back from residency start (midnight ET) read
 * "Sat 17 Apr 2027, 12:00 AM EDT". Their dates are advice meaning a day (the catalog's `due.asDay`),
 * shown as the rule's day (in ET, the same for every applicant); the
 * instants, and so the reminders, do not move.
 * Our applicant: Maya, matched on J-1, in New York, planned the Monday after Match Day 2027.
 */
const AS_DAY: readonly MilestoneKey[] = [
  "ecfmg_certification",
  "contract",
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
];
const matched = (timezone: string) =>
  plan(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2027, visa: "J-1", graduation: "2025-06-30" }),
      milestones: doneMilestones(
        [...PRE_ERAS_KEYS, "nrmp_registration", "rank_order_list", "match_week", "match_day"],
        "2027-03-19",
      ),
    }),
    seasonCalendar(2027),
    new Date("2027-03-22T14:00:00Z"),
  );
function deadlinesOf(result: ReturnType<typeof matched>): Map<string, Deadline> {
  const found = new Map<string, Deadline>();
  for (const step of [...result.nextSteps, ...result.blocked, ...result.overdue])
    if (step.deadline !== undefined) found.set(step.milestone, step.deadline);
  return found;
}

describe("a post-Match advice date is a day, the rule's day in every zone", () => {
  const newYork = matched("America/New_York");
  const deadlines = deadlinesOf(newYork);

  it("shows each as the day alone, never '12:00 AM'", () => {
    for (const key of AS_DAY) {
      const deadline = deadlines.get(key);
      expect(deadline?.precision, key).toBe("day");
      expect(deadline?.local, key).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}$/);
    }
    // Due at Tue 6 Apr 2027, 12:00 AM EDT (the DS-2019's date less 6 weeks): the last whole day before it.
    expect(deadlines.get("j1_ecfmg_sponsorship")?.local).toBe("Mon 5 Apr 2027");
    expect(deadlines.get("ecfmg_certification")?.day).toBe("2027-06-16");
  });

  it("keeps the instant the plan counts down to: residency start (midnight ET) less the advice's days", () => {
    const start = seasonCalendar(2027).dates.residency_start.at;
    expect(Date.parse(deadlines.get("visa_j1")?.at ?? "")).toBe(start - 14 * 86_400_000);
    const toVisa = newYork.reminders.filter((r) => r.milestone === "visa_j1");
    for (const reminder of toVisa) expect(reminder.deadline).toBe(deadlines.get("visa_j1")?.at);
  });

  // The day was the applicant's last whole day before the instant, so it
  // changed with the zone (Thu 15 Apr in Los Angeles, Fri 16 Apr in Lagos, for one rule). It is the
  // rule's day, in ET, for everyone, and the instant is the end of that day where the applicant
  // is (west of ET it was ET's midnight: overdue on the evening of the day shown).
  it("names the rule's day in every zone, due until that day ends where the applicant is", () => {
    for (const zone of ["Africa/Lagos", "Asia/Manila", "America/Los_Angeles", "Pacific/Honolulu"]) {
      const deadline = deadlinesOf(matched(zone)).get("j1_ecfmg_sponsorship");
      expect(deadline?.local, zone).toBe("Mon 5 Apr 2027");
      expect(deadline?.et, zone).toBe("Mon 5 Apr 2027");
      expect(deadline?.day, zone).toBe("2027-04-05");
      expect(Date.parse(deadline?.at ?? ""), zone).toBe(startOfLocalDate(zone, "2027-04-06"));
    }
  });

  it("keeps official season deadlines exact, with their time", () => {
    const pre = plan(
      inputFactory({
        applicant: applicantFactory({
          timezone: "America/New_York",
          matchYear: 2027,
          graduation: "2025-06-30",
        }),
        milestones: doneMilestones(PRE_ERAS_KEYS, "2026-09-20"),
      }),
      seasonCalendar(2027),
      new Date("2026-11-20T14:00:00Z"),
    );
    const rol = deadlinesOf(pre).get("rank_order_list");
    expect(rol?.precision).toBeUndefined();
    expect(rol?.local).toMatch(/\d{1,2}:\d{2} (AM|PM) E[SD]T$/);
  });

  it("reads as a day in the reminder email: no time, no '(your time)', no ET copy", () => {
    // The Statement of Need is due with the sponsorship application (offset 0): the same day.
    const reminder = newYork.reminders.find((r) => r.milestone === "j1_statement_of_need");
    if (reminder === undefined) throw new Error("no Statement of Need reminder");
    const email = renderReminderEmail({
      recipientName: "Maya",
      reminders: [reminder],
      plan: newYork,
      unsubscribeUrl: "https://api.example.org/u",
    });
    // Advice counted from a projected date: labelled our advice, not projected.
    // Its first reminder is the 14-day rung: the statement is due 14 days after this Monday.
    expect(email.text).toContain("   Due: Mon 5 Apr 2027 (our advice, not set by any authority)\n");
    expect(email.text).not.toContain("12:00 AM");
  });
});
