import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { REMINDER_WORDS } from "#email/reminder-sections.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";

/**
 * "Register with NRMP (R3) and pay the registration fee" came with no
 * amount: the budget block rode only on the budget step's own reminder, which no email of the demo
 * season carried. An email that asks the applicant to pay a fee shows the budget, the fee's row
 * with its status and note among it, in both parts.
 */
const ZONE = "Asia/Karachi";
const now = new Date("2027-12-25T04:00:00Z");
const thePlan = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: ZONE, fullName: "Fatima Malik" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"], "2026-10-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2028-02-10"),
      // ERAS submitted: with it still open this late the plan would weigh the next Match and hold
      // NRMP's fee on that condition (nrmp-while-weighing-next-match.test.ts), not count it.
      milestoneFactory("eras_application", "done", "2027-09-28"),
    ],
  }),
  seasonCalendar(2028),
  now,
);
const reminders = dueReminders(thePlan, now, new Set()).filter(
  (reminder) => reminder.milestone === "nrmp_registration",
);
const email = renderReminderEmail({
  recipientName: "Fatima Malik",
  reminders,
  plan: thePlan,
  timezone: ZONE,
  unsubscribeUrl: "https://api.example.org/u",
});

describe("an email asking to pay a fee shows the budget", () => {
  it("the NRMP reminder asks to pay the registration fee", () => {
    expect(reminders.length).toBeGreaterThan(0);
    expect(email.text).toMatch(/pay the registration fee/);
  });

  it("carries the budget with the NRMP fee's row, its status and note, in HTML and plain text", () => {
    // Counted and flagged to verify while still to pay, as once paid.
    const nrmp = thePlan.budget.items.find((item) => item.label.startsWith("NRMP registration"));
    expect(nrmp?.verify).toMatch(/^flagged, verify/);
    expect(email.html).toContain(`>${REMINDER_WORDS.budget}<`);
    expect(email.text).toContain(`${REMINDER_WORDS.budget}:`);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("NRMP registration");
      expect(part).toMatch(/verify on NRMP(&#39;|&#x27;|')s Match Fees page/);
    }
    expect(email.text).toMatch(/- NRMP registration[^\n]*\(coming\)\n {2}Counted in the totals[^\n]*verify/);
  });
});
