import { describe, expect, it } from "vitest";
import { longestSilenceDays, planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/** The road an advisor would plan: what an advisor would expect, checked on the plan. */
describe("an early starter (2028 Match) after the first targets have passed", () => {
  // Nairobi, school listed, nothing else begun. 1 May 2027: the ECFMG application's target (27 Jan
  // 2027) and Step 1's (27 Apr 2027) have passed; their hard deadlines (Oct 2027, Jan 2028) are ahead.
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2028, graduation: "2027-06-30" }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20")],
  });
  const now = "2027-05-01T10:00:00Z";
  const result = planFor(input, now);

  it("lists the steps in the order they should be done: the ECFMG application, Step 1, then Step 2 CK", () => {
    const order = result.nextSteps.map((step) => step.milestone);
    expect(order.indexOf("ecfmg_application")).toBeLessThan(order.indexOf("usmle_step1"));
    expect(order.indexOf("usmle_step1")).toBeLessThan(order.indexOf("usmle_step2ck"));
  });

  it.each(["ecfmg_application", "usmle_step1"] as const)(
    "tells them about %s at the next delivery slot",
    (key) => {
      expect(sendsOf(result, key)[0]?.sendAtLocal).toBe("2027-05-02T09:00:00.000+03:00");
    },
  );

  it.each(["ecfmg_application", "usmle_step1"] as const)(
    "keeps reminding about %s while its hard deadline is ahead (no month without a reminder)",
    (key) => {
      const sends = sendsOf(result, key);
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(sends.at(-1)?.deadline).toBe(step?.dueBy);
      expect(longestSilenceDays(result, key)).toBeLessThanOrEqual(31);
    },
  );

  it("keeps each reminder's id from one day to the next, so re-planning replaces and never duplicates", () => {
    const nextDay = planFor(input, "2027-05-02T10:00:00Z");
    const later = new Map(nextDay.reminders.map((reminder) => [reminder.id, reminder.sendAt]));
    const ahead = result.reminders.filter(
      (reminder) => Date.parse(reminder.sendAt) > Date.parse(nextDay.now),
    );
    expect(ahead.length).toBeGreaterThan(0);
    for (const reminder of ahead) expect(later.get(reminder.id)).toBe(reminder.sendAt);
    expect(new Set(nextDay.reminders.map((reminder) => reminder.id)).size).toBe(nextDay.reminders.length);
  });
});
