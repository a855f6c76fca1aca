import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A 2028 starter in Mombasa (Nairobi time, 9:00 AM delivery) whose school's sponsor note is unknown,
 * Step 1 in progress, signed up on Mon 30 Nov 2026 at 8:00 PM. The WDOMS check's
 * target counts from the sign-up: a week later at the delivery time, Mon 7 Dec 2026, 9:00 AM (06:00
 * UTC), the same at every plan; once passed it says so and is followed up toward the last day the
 * 2028 Match can be reached (MATCH_YEAR_LAST_DAY's, Mon 27 Sep 2027, 2:00 AM in Nairobi), never after it.
 */
const snapshotOf = (name: string) =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../fixtures/wdoms-signed-up/${name}`, import.meta.url)), "utf8"),
    ),
  );
const snapshot = snapshotOf("early-2028-note-unknown-mombasa.json");
/** The same applicant entered for 2027, out of reach at the sign-up: the plan moves to 2028. */
const entered2027 = snapshotOf("2027-out-of-reach-note-unknown-mombasa.json");
const SIGNED_UP = "2026-11-30T17:00:00.000Z";
const TARGET = "2026-12-07T06:00:00.000Z";
const LAST_DAY = "2027-09-26T23:00:00.000Z";
const planAt = (now: string, signedUpAt: string | null = SIGNED_UP): Plan =>
  plan(signedUpAt === null ? snapshot : { ...snapshot, signedUpAt }, seasonCalendar(2028), new Date(now));
const check = (planned: Plan) => planned.nextSteps.find((step) => step.milestone === "wdoms_listing");
const checkReminders = (planned: Plan) =>
  planned.reminders.filter((reminder) => reminder.milestone === "wdoms_listing");

describe("the WDOMS check's target counted from the sign-up", () => {
  it("keeps one target and the same ladder ids from the sign-up to the target (30 Nov, 3 Dec)", () => {
    const first = planAt("2026-11-30T17:00:00.000Z");
    const later = planAt("2026-12-03T10:00:30.000Z");
    for (const planned of [first, later]) expect(check(planned)?.target?.at).toBe(TARGET);
    // The start-by, then three days and a day before the fixed target, as any target's ladder;
    // on 3 Dec the start-by has gone, the two rungs left keep their ids.
    const rungs = (planned: Plan) => checkReminders(planned).map((reminder) => reminder.rung);
    expect(rungs(first)).toEqual(["start-by", "due-in-3d", "due-in-1d"]);
    expect(rungs(later)).toEqual(["due-in-3d", "due-in-1d"]);
    expect(checkReminders(later).map((reminder) => reminder.id)).toEqual(
      checkReminders(first)
        .slice(1)
        .map((reminder) => reminder.id),
    );
  });

  it("says the target passed, holds the season, and follows up to the last day (8 Dec, 20 Jan, 10 Jun)", () => {
    const plans = ["2026-12-08T06:00:30.000Z", "2027-01-20T06:00:30.000Z", "2027-06-10T06:00:00.000Z"].map(
      (now) => planAt(now),
    );
    for (const planned of plans) {
      const step = check(planned);
      expect(step?.target?.at).toBe(TARGET);
      expect(step?.urgency).toBe("urgent");
      expect(step?.action).toContain("is holding up your whole 2028 season");
      const reminders = checkReminders(planned);
      expect(reminders.map((reminder) => reminder.rung)).toEqual([
        "target-passed",
        ...reminders.slice(1).map(() => "after-target"),
      ]);
      expect(reminders.length).toBeGreaterThan(1);
      for (const reminder of reminders) {
        expect(reminder.deadline).toBe(LAST_DAY);
        expect(Date.parse(reminder.sendAt)).toBeLessThan(Date.parse(LAST_DAY));
      }
    }
    // One notice id for the passed target, and each follow-up keeps its id from plan to plan.
    const ids = plans.map((planned) => new Set(checkReminders(planned).map((reminder) => reminder.id)));
    const [december, january, june] = ids as [Set<string>, Set<string>, Set<string>];
    for (const id of june) expect(january.has(id) && december.has(id)).toBe(true);
    for (const id of january) expect(december.has(id)).toBe(true);
  });

  it("names the same last day as MATCH_YEAR_LAST_DAY once that risk is raised (20 Aug)", () => {
    const planned = planAt("2027-08-20T06:00:00.000Z");
    const risk = planned.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.lastWorkingAt).toBe(LAST_DAY);
    for (const reminder of checkReminders(planned))
      expect(Date.parse(reminder.sendAt)).toBeLessThan(Date.parse(LAST_DAY));
  });

  it("keeps the week grid without a sign-up: the next Monday's slot, never passed", () => {
    const planned = planAt("2027-01-20T06:00:30.000Z", null);
    expect(check(planned)?.target?.at).toBe("2027-01-25T06:00:00.000Z");
    expect(check(planned)?.action).not.toContain("holding up");
    expect(checkReminders(planned).map((reminder) => reminder.rung)).toEqual(["start-by"]);
  });

  it("on a plan moved to 2028, follows up toward 2028's last day and names 2028 (20 Jan)", () => {
    const planned = plan(
      { ...entered2027, signedUpAt: SIGNED_UP },
      seasonCalendar(2027),
      new Date("2027-01-20T06:00:30.000Z"),
    );
    expect(planned.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(check(planned)?.target?.at).toBe(TARGET);
    expect(check(planned)?.action).toContain("your whole 2028 season");
    // The out-of-reach notice rides on the check at the next delivery slot, where it stands for the
    // passed target's notice (placeNotice: one notice per step a slot); the follow-ups are the step's own.
    const notice = checkReminders(planned).find((reminder) => reminder.risk === "MATCH_YEAR_NOT_FEASIBLE");
    expect(notice?.sendAt).toBe("2027-01-21T06:00:00.000Z");
    const reminders = checkReminders(planned).filter((reminder) => reminder.risk === undefined);
    expect(reminders.map((reminder) => reminder.rung).slice(0, 2)).toEqual(["after-target", "after-target"]);
    for (const reminder of reminders) {
      expect(reminder.deadline).toBe(LAST_DAY);
      expect(reminder.why).toContain("the 2028 Match can still be reached only if you act by");
    }
  });
});
