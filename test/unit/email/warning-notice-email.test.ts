import { describe, expect, it } from "vitest";
import { WARNING_NOTICE_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * The earlier-season Pathway certificate's warning is emailed.
 * It is on the certificate's card, done, and dated by the
 * projected Pathways close it names: the email names the check and that day, and, the certificate
 * being no next step, no "Next step" and no button that would act on a step already done.
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
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now: new Date("2026-11-30T12:00:00Z"),
});
const notice = result.reminders.find((reminder) => reminder.rung === WARNING_NOTICE_RUNG);

describe("the earlier-season Pathway certificate's notice in an email", () => {
  it("names the check and the Pathways close, on the certificate's card, with no button on that done step", () => {
    if (notice === undefined) throw new Error("no warning notice");
    const email = renderReminderEmail({
      recipientName: "Chiamaka Obi",
      reminders: [notice],
      plan: result,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      weeklySummaryDay: "Sunday",
      milestones: input.milestones,
    });
    expect(notice.milestone).toBe("ecfmg_certification");
    expect(result.nextSteps.some((each) => each.milestone === "ecfmg_certification")).toBe(false);
    expect(email.text).toContain(`1. ${notice.title}`);
    expect(notice.title).toContain("validity date");
    expect(notice.title).toContain(
      "before Pathways closes, Sat 26 Dec 2026, end of the day (midnight GMT+1) (Sat 26 Dec 2026, 6:00 PM ET) (projected)",
    );
    expect(email.text).toContain("Pathways Revalidation");
    const item = email.text.slice(
      email.text.indexOf("1. "),
      email.text.indexOf("\n\n", email.text.indexOf("1. ")),
    );
    expect(item).not.toContain("Next step");
    expect(item).not.toContain("/actions?");
  });
});
