import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

// Season simulation finding: an applicant signed up on 1 June 2026 for the 2027 Match, with the
// ECFMG application done; by 9 June time alone puts the 2027 Match out of reach, the OET rung of
// 13 June disappears with the season's steps, and the next email came on 28 December.
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
  milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-05-01"),
});
const calendar = seasonCalendar(2027);
const notices = (result: Plan) => result.reminders.filter((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
const risk = (result: Plan) => result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");

describe("the out-of-reach notice (MATCH_YEAR_NOT_FEASIBLE re-plan)", () => {
  const intake = plan(input, calendar, new Date("2026-06-01T06:00:00Z"));
  // 17:30 in Kolkata on 10 June: the critical notice goes at the next delivery slot, 09:00 on the 11th.
  const replanned = plan(input, calendar, new Date("2026-06-10T12:00:00Z"));

  it("is absent while the season is feasible", () => {
    expect(risk(intake)).toBeUndefined();
    expect(notices(intake)).toEqual([]);
  });

  it("is sent once, at the next delivery slot (09:00 Kolkata), before the rung that disappeared", () => {
    expect(risk(replanned)?.earliestFeasibleMatchYear).toBe(2028);
    const [notice, ...more] = notices(replanned);
    expect(more).toEqual([]);
    expect(notice?.sendAt).toBe("2026-06-11T03:30:00.000Z");
    expect(notice?.sendAtLocal).toBe("2026-06-11T09:00:00.000+05:30");
    const lostRung = intake.reminders.find(
      (reminder) => reminder.milestone === "oet_medicine" && reminder.sendAt > intake.now,
    );
    expect(lostRung?.sendAt).toBe("2026-06-13T03:30:00.000Z");
    expect(replanned.reminders.some((reminder) => reminder.id === lostRung?.id)).toBe(false);
    expect(Date.parse(notice?.sendAt ?? "")).toBeLessThan(Date.parse(lostRung?.sendAt ?? ""));
    // About the step that decides the earliest Match (Step 2 CK, prepared after Step 1),
    // a next step, never a blocked one, and before its own deadline.
    expect(risk(replanned)?.decidedBy).toBe("usmle_step2ck");
    expect(notice?.milestone).toBe(risk(replanned)?.decidedBy);
    expect(replanned.nextSteps.map((step) => step.milestone)).toContain(notice?.milestone);
    expect(replanned.blocked.map((step) => step.milestone)).not.toContain(notice?.milestone);
    expect(Date.parse(notice?.sendAt ?? "")).toBeLessThanOrEqual(Date.parse(notice?.deadline ?? ""));
    // Dated by its step's own date, the one the step's ladder counts to; the next Match's rank
    // order list deadline is in its words.
    const step = replanned.nextSteps.find((each) => each.milestone === notice?.milestone);
    expect(notice?.deadlineDetail).toEqual(step?.ownDate ?? step?.target ?? step?.deadline);
    expect(notice?.why).toBe(risk(replanned)?.message);
    expect(notice?.why).toContain("The earliest feasible Match is 2028");
  });

  it("is deterministic, and later re-plans keep its one id (the ledger sends it once)", () => {
    expect(plan(input, calendar, new Date("2026-06-10T12:00:00Z"))).toEqual(replanned);
    const id = notices(replanned)[0]?.id;
    for (const later of ["2026-06-13T03:30:00Z", "2026-09-01T10:00:00Z"]) {
      const third = plan(input, calendar, new Date(later));
      expect(notices(third).map((notice) => notice.id)).toEqual([id]);
    }
  });

  it("shows the risk's text and the deciding step in the email", () => {
    const notice = notices(replanned)[0];
    if (notice === undefined) throw new Error("no notice");
    const email = renderReminderEmail({
      recipientName: "Asha Rao",
      reminders: [notice],
      plan: replanned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toContain("The 2027 Match is out of reach");
    expect(email.text).toContain(risk(replanned)?.message ?? "missing");
    const deciding = replanned.nextSteps.find((step) => step.milestone === notice.milestone);
    expect(email.text).toContain(`Next step, for ${deciding?.title}: ${deciding?.action}`);
  });
});
