import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-notice-id.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applySnoozes } from "#domain/snoozes.ts";
import { applicantFactory, milestoneFactory } from "./factories.ts";

/**
 * A snooze recorded on a step does not quiet a critical notice that arises on it later: every
 * critical notice is always sent (README, "Reminders"). Its other reminders before the snooze's end
 * are still dropped. Amara, Accra, Step 2 CK booked for 20 Aug 2026, snoozed to 15 Aug.
 */
const zone = "Africa/Accra";
const base: Plan = plan(
  {
    applicant: applicantFactory({ matchYear: 2027, timezone: zone }),
    milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
    interviews: [],
  },
  seasonCalendar(2027),
  new Date("2026-06-01T00:00:00Z"),
);
const step2 = base.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
const first = step2[0];
if (first === undefined) throw new Error("the fixture plans no Step 2 CK reminder");
// A critical risk's notice on the step, sent before the snooze ends (as planned after it was recorded).
const notice = { ...first, id: "r-critical", rung: CRITICAL_RISK_RUNG, sendAt: "2026-06-10T09:00:00.000Z" };
const withNotice: Plan = { ...base, reminders: [...base.reminders, notice] };
const snoozed = applySnoozes(
  withNotice,
  [{ key: "usmle_step2ck", status: "scheduled", date: "2026-08-20", snoozedUntil: "2026-08-15" }],
  zone,
);

describe("a snooze and a critical notice on the same step", () => {
  it("keeps the critical notice sent before the snooze ends", () => {
    expect(snoozed.reminders.map((reminder) => reminder.id)).toContain("r-critical");
  });

  it("still drops the step's ordinary reminders before the snooze ends", () => {
    const early = step2.filter((reminder) => reminder.sendAt < "2026-08-15");
    expect(early.length).toBeGreaterThan(0);
    for (const reminder of early) expect(snoozed.reminders.map((kept) => kept.id)).not.toContain(reminder.id);
  });
});
