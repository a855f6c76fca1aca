import { describe, expect, it } from "vitest";
import { WARNING_NOTICE_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * t9v F10's leftover (session 27 C2): the earlier-season Pathway certificate's warning is emailed.
 * The email names the check and the rank order list deadline, and, as a critical notice does, the
 * step its next step acts on (the rank order list), so "Next step" never reads as the warning's.
 */
const input = inputFactory({
  applicant: applicantFactory({
    fullName: "Chiamaka Obi",
    matchYear: 2027,
    timezone: "Africa/Lagos",
    graduation: "2024-06-30",
  }),
  milestones: [
    ...doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "eras_token",
      "eras_application",
      "nrmp_registration",
    ]),
    { key: "ecfmg_pathway", status: "done", date: "2025-04-10" },
    { key: "ecfmg_certification", status: "done", date: "2025-08-20" },
  ],
});
const result = plan(input, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z"));
const notice = result.reminders.find((reminder) => reminder.rung === WARNING_NOTICE_RUNG);

describe("the earlier-season Pathway certificate's notice in an email", () => {
  it("names the check, the rank order list deadline and the step it acts on", () => {
    if (notice === undefined) throw new Error("no warning notice");
    const step = result.nextSteps.find((each) => each.milestone === notice.milestone);
    const email = renderReminderEmail({
      recipientName: "Chiamaka Obi",
      reminders: [notice],
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
      weeklySummaryDay: "Sunday",
    });
    expect(step?.milestone).toBe("rank_order_list");
    expect(email.text).toContain(`1. ${notice.title}`);
    expect(notice.title).toContain("validity date");
    expect(notice.title).toContain("rank order list deadline, Wed 24 Feb 2027 (ET, projected)");
    expect(email.text).toContain("Pathways Revalidation");
    expect(email.text).toContain(`Next step, for ${step?.title}:`);
  });
});
