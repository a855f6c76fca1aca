import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant whose Step 3 is dated for the petition after the Match (Fri 19 Mar 2027):
 * abroad, the visitor visa's 60-day wait runs beside FSMB's processing, so the day to apply for the
 * visa by (Mon 11 Jan 2027: a seat's 7 days and the visa's 60 before 19 Mar) is the one counted
 * down, titled as that act, whether or not FSMB is applied to; in the US there is no visa and FSMB's
 * day keeps its rungs. Tunde: Lagos, certified, registered.
 */
function tunde(timezone: string, step3: "not_started" | "in_progress"): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "visitor-visa-apply-by",
      timezone,
      matchYear: 2027,
      graduation: "2023-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-15"),
      milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
      milestoneFactory("usmle_step3", step3),
    ],
  });
}
const at = (input: PlannerInput, iso: string): Plan => plan(input, seasonCalendar(2027), new Date(iso));
const step3Reminders = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
const VISA_TITLE = "Pass USMLE Step 3: apply for your B-1/B-2 visitor visa by Mon 11 Jan 2027";

describe("Step 3 for the H-1B petition abroad: the visitor visa's day is counted down", () => {
  it("not started, on Sat 5 Dec 2026: its rungs lead to Mon 11 Jan, none to FSMB's day", () => {
    const reminders = step3Reminders(at(tunde("Africa/Lagos", "not_started"), "2026-12-05T10:00:00Z"));
    const visa = reminders.filter((reminder) => reminder.rung.startsWith("visa-by"));
    expect(visa.map((reminder) => reminder.rung)).toEqual([
      "visa-by-in-14d",
      "visa-by-in-7d",
      "visa-by-in-3d",
      "visa-by-in-1d",
    ]);
    expect(visa.every((reminder) => reminder.title.startsWith(VISA_TITLE))).toBe(true);
    expect(visa.every((reminder) => reminder.deadline.startsWith("2027-01-1"))).toBe(true);
    expect(reminders.some((reminder) => reminder.rung.startsWith("apply-by"))).toBe(false);
    // The critical notice's first date is the visa's day, the first thing that binds.
    const notice = reminders.find((reminder) => reminder.rung === "critical-risk");
    expect(notice?.deadlineDetail.day).toBe("2027-01-11");
  });

  it("applied to FSMB, on Wed 30 Dec 2026: the visa's rungs still go out", () => {
    const reminders = step3Reminders(at(tunde("Africa/Lagos", "in_progress"), "2026-12-30T10:00:00Z"));
    const visa = reminders.filter((reminder) => reminder.rung.startsWith("visa-by"));
    expect(visa.map((reminder) => reminder.rung)).toEqual(
      expect.arrayContaining(["visa-by-in-7d", "visa-by-in-3d", "visa-by-in-1d"]),
    );
    expect(reminders.some((reminder) => reminder.rung.startsWith("apply-by"))).toBe(false);
  });

  it("in the US: no visa rungs, FSMB's day keeps its own", () => {
    const reminders = step3Reminders(at(tunde("America/Chicago", "not_started"), "2027-02-26T16:00:00Z"));
    expect(reminders.some((reminder) => reminder.rung.startsWith("visa-by"))).toBe(false);
  });
});
