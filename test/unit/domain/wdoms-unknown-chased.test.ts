import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { oneReminderPerStep } from "#domain/planner/one-reminder-per-step.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";

/**
 * An applicant entered for 2027 whose school's sponsor note is unknown, Step 1 in progress, signed
 * up on 30 Nov 2026 with the 2027 Match out of reach: the plan moves to 2028 and waits on the WDOMS
 * check, its target a week after the sign-up. In Honolulu, Lagos and Auckland (the same instant,
 * three local days): the first email leads with the check (the out-of-reach news after it, in the
 * same item), the check gets rungs three days and a day before its target, and once the target
 * passes it is said the next morning and followed up weekly, not four weeks later.
 */
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL(
          "../../fixtures/wdoms-signed-up/2027-out-of-reach-note-unknown-mombasa.json",
          import.meta.url,
        ),
      ),
      "utf8",
    ),
  ),
);
const SIGNED_UP = "2026-11-30T20:00:00.000Z";
const ZONES = ["Pacific/Honolulu", "Africa/Lagos", "Pacific/Auckland"] as const;

const planIn = (zone: string, now: string, remindersSent?: Record<string, string>): Plan =>
  plan(
    { ...base, applicant: { ...base.applicant, timezone: zone }, signedUpAt: SIGNED_UP, remindersSent },
    seasonCalendar(2027),
    new Date(now),
  );
const onCheck = (planned: Plan): Reminder[] =>
  planned.reminders.filter((reminder) => reminder.milestone === "wdoms_listing");

describe("an unknown WDOMS listing is asked first and chased", () => {
  for (const zone of ZONES) {
    it(`leads the first email with the check, the out-of-reach news after it (${zone})`, () => {
      const planned = planIn(zone, SIGNED_UP);
      expect(planned.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      const first = Math.min(...planned.reminders.map((reminder) => Date.parse(reminder.sendAt)));
      const email = planned.reminders.filter((reminder) => Date.parse(reminder.sendAt) === first);
      const [lead] = oneReminderPerStep(email);
      expect(lead?.reminder.rung).toBe("start-by");
      expect(lead?.reminder.title).toContain("Confirm your school's ECFMG sponsor note in WDOMS");
      expect(lead?.reminder.why).toContain("Also: The 2027 Match is out of reach");
      expect(lead?.reminder.folded?.map((each) => each.risk)).toEqual(["MATCH_YEAR_NOT_FEASIBLE"]);
      expect(lead?.alsoFor.map((each) => each.risk)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    });

    it(`counts down to the check's target three days and a day before it (${zone})`, () => {
      const planned = planIn(zone, SIGNED_UP);
      const target = Date.parse(
        planned.nextSteps.find((step) => step.milestone === "wdoms_listing")?.target?.at ?? "",
      );
      const rungs = onCheck(planned).filter((reminder) => reminder.risk === undefined);
      expect(rungs.map((reminder) => reminder.rung)).toEqual(["start-by", "due-in-3d", "due-in-1d"]);
      for (const reminder of rungs) expect(Date.parse(reminder.sendAt)).toBeLessThan(target);
    });

    it(`says the passed target the next morning and follows it up within a week (${zone})`, () => {
      const atSignUp = planIn(zone, SIGNED_UP);
      const notice = onCheck(atSignUp).find((reminder) => reminder.risk === "MATCH_YEAR_NOT_FEASIBLE");
      const target = Date.parse(
        atSignUp.nextSteps.find((step) => step.milestone === "wdoms_listing")?.target?.at ?? "",
      );
      // The plan made as the target passes, the out-of-reach notice sent with the start-by.
      const sent = { [notice?.id ?? ""]: notice?.sendAt ?? "" };
      const planned = planIn(zone, new Date(target + 1_000).toISOString(), sent);
      const after = onCheck(planned).filter((reminder) => reminder.risk === undefined);
      expect(after[0]?.rung).toBe("target-passed");
      expect(Date.parse(after[0]?.sendAt ?? "")).toBeLessThanOrEqual(target + DAY_MS);
      expect(after[1]?.rung).toBe("after-target");
      const gap = Date.parse(after[1]?.sendAt ?? "") - Date.parse(after[0]?.sendAt ?? "");
      expect(gap).toBeLessThanOrEqual(7 * DAY_MS);
    });
  }
});
