import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A step whose reminders count down to a day before its own deadline (the OET's last booking day,
 * the day to apply to FSMB for Step 3) must name that day for what it is: "Due" on both dates read
 * as two deadlines for one step, while the step's card shows only the later one.
 */

/** Rafiq, in Dhaka, starting early for the 2028 Match: only the WDOMS check done, OET not booked. */
const rafiq = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "one-due-oet",
      timezone: "Asia/Dhaka",
      matchYear: 2028,
      graduation: "2026-06-30",
      visa: "J-1",
    }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20")],
  }),
  seasonCalendar(2028),
  new Date("2026-12-05T03:00:00Z"),
);

/** Nadia, in Cairo, on the H-1B track for 2027: certificate issued, Step 3 not started before ranking. */
const nadia = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "one-due-step3",
      timezone: "Africa/Cairo",
      matchYear: 2027,
      graduation: "2024-07-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2025-10-01"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-12-02T08:00:00Z"),
);

/** The step's reminders labelled "Due" (risk notices aside: they carry the risk's own date). */
const dueRungs = (result: Plan, step: string) =>
  result.reminders.filter(
    (reminder) =>
      reminder.milestone === step &&
      reminder.risk === undefined &&
      reminderDateLabel(reminder).label === "Due",
  );
const deadlineOf = (result: Plan, step: string) =>
  result.nextSteps.find((next) => next.milestone === step)?.deadline?.at;

describe.each([
  { who: "OET not booked (2028, Dhaka)", result: rafiq, step: "oet_medicine", label: "Book a session by" },
  {
    who: "Step 3 not booked on H-1B (2027, Cairo)",
    result: nadia,
    step: "usmle_step3",
    label: "Apply for your B-1/B-2 visitor visa by",
  },
])("$who: one due date per step", ({ result, step, label }) => {
  it("every rung labelled Due counts down to the deadline the step's card shows", () => {
    const deadline = deadlineOf(result, step);
    expect(deadline).toBeDefined();
    const due = dueRungs(result, step);
    expect(due.length).toBeGreaterThan(0);
    for (const reminder of due) expect(reminder.deadline, reminder.rung).toBe(deadline);
  });

  it(`the earlier day's rungs say "${label}"`, () => {
    const deadline = deadlineOf(result, step);
    const earlier = result.reminders.filter(
      (reminder) =>
        reminder.milestone === step &&
        reminder.risk === undefined &&
        reminder.countsDownTo === undefined &&
        reminder.deadline !== deadline,
    );
    expect(earlier.length).toBeGreaterThanOrEqual(3);
    for (const reminder of earlier) expect(reminderDateLabel(reminder).label, reminder.rung).toBe(label);
  });
});
