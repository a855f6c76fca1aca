import { describe, expect, it } from "vitest";
import { isUndatedNotice, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { applicantFactory, inputFactory } from "#test/unit/domain/factories.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * The out-of-reach notice asks for one thing, now: change the Match year. It has no date of its
 * own, so it borrows none from the step it rides on (the ECFMG application's target and deadline,
 * or the WDOMS check's while the school's note is unknown), in the subject, the item or the CLI.
 */
const now = new Date("2027-01-06T10:00:00Z");
const planFor = (wdomsSponsorNote: boolean | null) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Hassan Farouk",
        timezone: "Africa/Cairo",
        matchYear: 2027,
        graduation: "2025-06-30",
        medicalSchool: { name: "Example Faculty of Medicine", country: "EG", wdomsSponsorNote },
      }),
      milestones: [],
    }),
    seasonCalendar(2027),
    now,
  );
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "a_hassan",
  feedGeneration: 0,
  now,
});

describe.each([
  ["a school with a sponsor note", true, "ecfmg_application"],
  ["a school whose note is unknown", null, "wdoms_listing"],
] as const)("the out-of-reach notice, %s", (_, note, carrier) => {
  const result = planFor(note);
  const notice = result.reminders.find((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
  const step = result.nextSteps.find((each) => each.milestone === carrier);

  it("rides on the first step and is undated", () => {
    expect(notice?.milestone).toBe(carrier);
    expect(notice && isUndatedNotice(notice)).toBe(true);
  });

  it("names no date of the step it rides on, in the subject or its item", () => {
    if (notice === undefined || step === undefined) throw new Error("no notice or step");
    const email = renderReminderEmail({
      recipientName: "Hassan",
      reminders: [notice],
      plan: result,
      links,
      unsubscribeUrl: "https://api.example.org/u",
    });
    expect(email.subject).toMatch(/^The 2027 Match is out of reach: update your Match year to 2028/);
    const item = email.text.slice(email.text.indexOf("1. "), email.text.indexOf("Why it matters"));
    for (const text of [email.subject, item]) {
      expect(text).not.toMatch(/aim to finish|\bdue\b|deadline/i);
      for (const date of [step.target?.local, step.deadline?.local])
        if (date !== undefined) expect(text).not.toContain(date.slice(0, 15));
    }
  });

  // While the note is unknown the check's own start-by leads its row, the notice carried beside it.
  it(note === null ? "rides the check's start-by row in the CLI" : "reads as a notice in the CLI", () => {
    const row = renderPlan(result, "Hassan")
      .split("\n")
      .find((line) => line.includes(OUT_OF_REACH_RUNG));
    if (note === null) expect(row).toContain(`start-by (+${OUT_OF_REACH_RUNG})`);
    else expect(row).toContain("notice (no date)");
  });
});
