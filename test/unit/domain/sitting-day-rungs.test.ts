import { describe, expect, it } from "vitest";
import { sentReminderLabel } from "#domain/date-words.ts";
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
 * Rosa: Manila, J-1, 2027 Match, everything done
 * but Step 2 CK, booked for 20 Dec 2026 with no result. Her last sitting day is Wed 27 Jan 2027, a
 * day, not an instant: its 1-day rung goes the day before, never on the day; no "Due in N hours";
 * arriving on that day after its delivery slot, no countdown at all.
 * Booked for 20 Dec 2026: a sitting on 5 Jan
 * has its score expected around 2 Feb, and no re-sit rungs are laid while it may still come.
 */
const calendar = seasonCalendar(2027);
const ZONE = "Asia/Manila";

function rosa(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: ZONE, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-14",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2026-12-20"),
    ],
  });
}

const stepRungs = (result: Plan) =>
  result.reminders
    .filter((r) => r.milestone === "usmle_step2ck" && /^(deadline|sit-by)-in/.test(r.rung))
    .map((r) => `${r.rung} ${r.sendAtLocal.slice(0, 10)}`);

describe("a last sitting day is a day: its rungs count in days", () => {
  it("the 1-day rung goes the day before the last sitting day, the 3-day rung three days before", () => {
    const result = plan(rosa(), calendar, new Date("2027-01-19T01:00:00Z"));
    expect(stepRungs(result)).toContain("sit-by-in-1d 2027-01-26");
    expect(stepRungs(result)).toContain("sit-by-in-3d 2027-01-24");
    expect(stepRungs(result).some((rung) => rung.endsWith("2027-01-27"))).toBe(false);
  });

  it("no 'Due in N hours' for a sitting day", () => {
    const result = plan(rosa(), calendar, new Date("2027-01-19T01:00:00Z"));
    const oneDay = result.reminders.find((r) => r.milestone === "usmle_step2ck" && r.rung === "sit-by-in-1d");
    expect(oneDay).toBeDefined();
    const { label } = sentReminderLabel(oneDay as NonNullable<typeof oneDay>, oneDay?.sendAt as string);
    expect(label).not.toMatch(/hour|minute/);
    // Even sent late on the day itself.
    const late = sentReminderLabel(oneDay as NonNullable<typeof oneDay>, "2027-01-27T10:00:00Z");
    expect(late.label).not.toMatch(/hour|minute/);
  });

  it("arriving on the last sitting day after its delivery slot: no countdown for that day", () => {
    // Wed 27 Jan 2027, 10:30 PM in Manila.
    const result = plan(rosa(), calendar, new Date("2027-01-27T14:30:00Z"));
    expect(stepRungs(result).filter((rung) => rung.endsWith("2027-01-27"))).toEqual([]);
  });
});
