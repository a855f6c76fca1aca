import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Tunde (Lagos) signed up on 30 Nov, the day NRMP's early registration
 * deadline passed (Mon 30 Nov 2026, 11:59 PM ET = Tue 1 Dec 05:59 Lagos). The plan made before the
 * deadline had no rung after it, so the wake-up was armed for the next morning's slot the day after
 * and "the early deadline has passed, register late" reached him on Wed 2 Dec, 27 hours late.
 * README ("ERAS and NRMP"; `lateDeadline` in "Adding a milestone"): it is told at the next delivery
 * slot, Tue 1 Dec in the morning.
 */
const lagos = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(new URL("../../fixtures/scenarios/late-arrival-lagos-2027.json", import.meta.url), "utf8"),
  ),
);
const calendar = seasonCalendar(2027);
const early = calendar.dates.nrmp_early_registration_deadline_late_fee_after.at;
const late = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

/** Wakes the applicant as the reminder function does (the planner's own nextWakeUp), from `start`. */
function walk(start: string, until: number): { at: string; reminder: Reminder }[] {
  const sent = new Set<string>();
  const out: { at: string; reminder: Reminder }[] = [];
  let now: Date | undefined = new Date(start);
  while (now !== undefined && now.getTime() < until) {
    const result = plan(lagos, calendar, now);
    for (const reminder of dueReminders(result, now, sent)) {
      sent.add(reminder.id);
      out.push({ at: now.toISOString(), reminder });
    }
    now = nextWakeUp(result, now, sent);
  }
  return out;
}

describe("a step whose early deadline passes with a later one still open (NRMP late registration)", () => {
  it("the plan made before the early deadline wakes just after it", () => {
    const before = plan(lagos, calendar, new Date("2026-11-30T12:00:00Z"));
    expect(before.riskChangesAt).toContain(new Date(early).toISOString());
  });

  it("tells the applicant at the next delivery slot after the early deadline, not a day later", () => {
    const sentAfter = walk("2026-11-30T12:00:00Z", Date.parse("2026-12-03T00:00:00Z")).filter(
      ({ reminder }) => reminder.milestone === "nrmp_registration" && Date.parse(reminder.deadline) === late,
    );
    // The deadline passes at 05:59 Lagos, in quiet hours: told at the next delivery slot, 09:00
    // Lagos (08:00Z) on Tue 1 Dec, as the plan made just after the deadline says (the late deadline
    // is months away; a missed start-by catches up).
    expect(sentAfter[0]?.at).toBe("2026-12-01T08:00:00.000Z");
    expect(sentAfter[0]?.reminder.sendAtLocal).toBe("2026-12-01T09:00:00.000+01:00");
  });
});

describe("the late fee, in the step and in the risk (C note)", () => {
  it("says the same: the $50 late fee (NRMP's 2023 figure), which R3 shows when you register", () => {
    // Reported not started: never reported, an interviewing applicant is asked instead.
    const told = {
      ...lagos,
      milestones: [
        ...lagos.milestones,
        { key: "nrmp_registration" as const, status: "not_started" as const },
      ],
    };
    const after = plan(told, calendar, new Date("2026-12-01T07:00:00Z"));
    const step = after.nextSteps.find((s) => s.milestone === "nrmp_registration");
    const risk = after.risks.find((r) => r.code === "NRMP_LATE_FEE");
    // The deadline is projected, so the risk says "may apply" and that R3 shows it; the step must
    // not state the fee as certain beside it. Tunde has an interview for the 2027 Match, so the
    // risk is the interviewing one.
    expect(risk?.message).toContain("the $50 late fee (NRMP's figure as of 2023) may apply");
    expect(risk?.message).toContain("R3 shows whether the fee is charged");
    expect(step?.action).toContain("if R3 charges it, the $50 late registration fee");
    expect(step?.action).not.toContain("plus the $50");
  });
});
