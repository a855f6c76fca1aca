import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * The email as Chromium shows it: a Step 2 CK reported done with 209 (218 in
 * force) drew the critical notice "… plan your retake now" due on the rank order list deadline,
 * Thu 25 Feb, while its words and the step's reminders say "sit it again by Wed 27 Jan 2027": the
 * one item then read "Due Thu 25 Feb 2027 …" and "Due: Wed 27 Jan 2027.". The notice is due on the
 * retake's last sitting day, the step's own due date, so the item gives one date.
 */
const NOW = new Date("2026-12-04T10:00:00+06:00");
const input = inputFactory({
  applicant: applicantFactory({
    timezone: "Asia/Dhaka",
    matchYear: 2027,
    visa: "J-1",
    graduation: "2024-07-15",
  }),
  milestones: [
    ...(
      [
        ["wdoms_listing", "2025-01-10"],
        ["ecfmg_application", "2025-02-01"],
        ["usmle_step1", "2025-09-20"],
        ["oet_medicine", "2026-06-10"],
        ["ecfmg_pathway", "2026-08-01"],
        ["eras_token", "2026-06-20"],
        ["eras_application", "2026-09-10"],
        ["nrmp_registration", "2026-10-01"],
      ] as const
    ).map(([key, date]) => milestoneFactory(key, "done", date)),
    { ...milestoneFactory("usmle_step2ck", "done", "2025-10-20"), score: 209 },
  ],
});

describe("a failed score's critical notice is due when the retake must be sat", () => {
  const planned = plan(input, seasonCalendar(2027), NOW);
  const notice = planned.reminders.find((reminder) => reminder.risk === "SCORE_BELOW_PASSING");
  const step = planned.nextSteps.find((next) => next.milestone === "usmle_step2ck");

  it("counts down to the step's own due date, Wed 27 Jan 2027, not the rank order list deadline", () => {
    expect(step?.dueBy).toBeDefined();
    expect(notice?.deadline).toBe(step?.dueBy);
    expect(notice?.deadlineDetail.local).toContain("Wed 27 Jan 2027");
  });

  it("gives one due date in the email's item", () => {
    const due = planned.reminders.filter(
      (reminder) => Date.parse(reminder.sendAt) < NOW.getTime() + 7 * 86_400_000,
    );
    const email = renderReminderEmail({
      recipientName: "Farhana",
      reminders: due,
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    const item = email.text.split("\n\n").find((block) => block.includes("below the passing score")) ?? "";
    expect(item).toContain("Wed 27 Jan 2027");
    expect(item).not.toContain("25 Feb 2027");
    // The day to sit the retake by, said as that: never a second "Due" beside the day to act by.
    expect(item.match(/Sit it by/g)?.length).toBe(1);
    expect(item).not.toMatch(/\bDue\b/);
  });
});
