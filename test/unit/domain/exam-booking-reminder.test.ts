import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK "in progress" (studying, no test date) with its target on Wed 25 Aug
 * 2027 read "later", its first reminder 14 days before the target: too late to register with FSMB,
 * get the scheduling permit and book a Prometric seat. An exam still to book gets a booking
 * reminder 90 days before its target (catalog `bookingLeadDays`, advice), and its standing follows
 * that day.
 */
function manila(step2ck: MilestoneStatus) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2028, graduation: "2025-06-01" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-06-20"),
      milestoneFactory("usmle_step2ck", step2ck),
    ],
  });
}
const planAt = (status: MilestoneStatus, now: string): Plan =>
  plan(manila(status), seasonCalendar(2028), new Date(now));
const step2ck = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
const bookBy = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "usmle_step2ck" && each.rung === "book-by");

describe("an exam still to book gets a booking reminder", () => {
  it("studying for Step 2 CK (target Wed 25 Aug 2027): told to book 90 days ahead, on Thu 27 May 2027", () => {
    const result = planAt("in_progress", "2027-03-25T03:00:00Z");
    expect(step2ck(result)?.target?.local).toContain("25 Aug 2027");
    const [booking, ...more] = bookBy(result);
    expect(more).toEqual([]);
    expect(booking?.sendAtLocal).toBe("2027-05-27T09:00:00.000+08:00");
    expect(booking?.countsDownTo).toBe("target");
    expect(reminderDateLabel(booking ?? {}).label).toBe("Book your test date now, to sit by");
    // It is the step's first reminder: nothing about Step 2 CK is sent before it.
    const first = result.reminders
      .filter((each) => each.milestone === "usmle_step2ck")
      .sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt))[0];
    expect(first?.rung).toBe("book-by");
  });

  it.each([
    ["2027-03-25T03:00:00Z", "later"],
    ["2027-05-01T03:00:00Z", "soon"],
    ["2027-05-24T03:00:00Z", "urgent"],
    ["2027-06-10T03:00:00Z", "urgent"],
  ])("its standing follows the booking day: at %s, %s", (now, standing) => {
    expect(step2ck(planAt("in_progress", now))?.urgency).toBe(standing);
  });

  it("past the booking day, the booking reminder goes out at the next delivery slot", () => {
    const [booking] = bookBy(planAt("in_progress", "2027-06-10T03:00:00Z"));
    expect(booking?.sendAtLocal).toBe("2027-06-11T09:00:00.000+08:00");
  });

  it.each<MilestoneStatus>(["not_started", "scheduled"])(
    "a %s exam gets none (its start-by or its date speaks)",
    (status) => {
      expect(bookBy(planAt(status, "2027-03-25T03:00:00Z"))).toEqual([]);
    },
  );
});
