import { describe, expect, it } from "vitest";
import { ACTION_LABELS, actionsFor } from "#domain/applicant-choices.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

// A weekly summary led with "The 2027 Match is out of reach…" and under it a bare
// Done / Scheduled for… / Snooze that acted on Step 2 CK. A button belongs to the step it acts on
// and says which one, and so does the next step printed above it.
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
  milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-05-01"),
});
const replanned = plan(input, seasonCalendar(2027), new Date("2026-06-10T12:00:00Z"));
const notice = replanned.reminders.find((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now: new Date("2026-06-10T12:00:00Z"),
});

describe("a critical risk's notice in an email", () => {
  if (notice === undefined) throw new Error("the scenario has no out-of-reach notice");
  const step = replanned.nextSteps.find((each) => each.milestone === notice.milestone);
  const email = renderReminderEmail({
    recipientName: "Asha Rao",
    reminders: [notice],
    plan: replanned,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    weeklySummaryDay: "Sunday",
  });
  const labels = actionsFor(
    { milestone: notice.milestone },
    replanned,
    input.applicant.timezone,
    input.milestones,
  ).map((action) => `${ACTION_LABELS[action]} (${step?.title})`);

  it("is titled by the risk and names the step its next step and buttons act on", () => {
    expect(step).toBeDefined();
    expect(notice.title).not.toBe(step?.title);
    expect(labels.length).toBeGreaterThan(0);
    expect(email.text).toContain(`1. ${notice.title}`);
    expect(email.text).toContain(`Next step, for ${step?.title}: ${step?.action}`);
    for (const label of labels) expect(email.text).toContain(`   ${label}: https://api.example.org/actions?`);
  });

  it("never shows a bare Done under the risk in the HTML part", () => {
    const notice = email.html.slice(0, email.html.indexOf("Your next steps"));
    expect(notice.length).toBeLessThan(email.html.length - 1);
    expect(notice).toContain(`Next, for ${step?.title}:`);
    for (const label of labels) expect(notice).toContain(`>${label}</a>`);
    expect(notice).not.toMatch(/>Done<\/a>/);
  });
});

// A school with no sponsor note now gets one notice. With the WDOMS look-up
// already done, it rides on no next step in the email (the plan files it under the budget, which is
// never a next step): the email says what resolves it, with no date, action or button.
describe("the no-sponsor-note notice in an email, WDOMS look-up done", () => {
  const ineligible = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      graduation: "2025-07-15",
      medicalSchool: { name: "Unlisted Example University", country: "MX", wdomsSponsorNote: false },
    }),
    milestones: doneMilestones(["wdoms_listing"], "2026-10-01"),
  });
  const result = plan(ineligible, seasonCalendar(2027), new Date("2026-12-01T16:00:00Z"));
  const [only, ...others] = result.reminders;

  it("says what resolves it and names the step its next step acts on", () => {
    expect(others).toEqual([]);
    if (only === undefined) throw new Error("no notice for the school with no sponsor note");
    const email = renderReminderEmail({
      recipientName: "Sofia Ruiz",
      reminders: [only],
      plan: result,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      weeklySummaryDay: "Sunday",
    });
    expect(email.text).toContain(`1. ${only.title}`);
    expect(email.text).toContain("What resolves it: an ECFMG sponsor note for your school");
    // The notice is about eligibility, not the budget (never a next
    // step since 11b5e5e), and the rank-list deadline is no deadline for this applicant: a notice,
    // with no date, no "deadline" count, no budget action or Done button, no budget section named.
    expect(email.subject).not.toMatch(/due|Thu 25 Feb 2027/i);
    const single = renderReminderEmail({
      recipientName: "Sofia Ruiz",
      reminders: [only],
      plan: result,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(single.subject).toBe(only.title);
    expect(single.text).toContain("One reminder needs your attention");
    // The notice's own item: the season out of reach, told under "Risks to watch", names its deadline.
    const itemOf = (text: string, end: string) => text.slice(0, text.indexOf(end));
    expect(itemOf(single.text, "Your whole timeline")).not.toMatch(
      /deadline needs|Due|Plan your budget|budget section/,
    );
    expect(itemOf(email.text, "Your whole timeline")).not.toMatch(
      /deadline needs|Due|Plan your budget|budget section/,
    );
    expect(itemOf(email.html, "See my whole timeline")).not.toMatch(
      /deadline needs|Due |Plan your budget|budget section|Thu 25 Feb 2027/,
    );
    const item = email.text.slice(
      email.text.indexOf(`1. ${only.title}`),
      email.text.indexOf("Your next steps"),
    );
    expect(item).toContain("What resolves it");
    expect(item).not.toContain("https://api.example.org/actions?");
  });

  it("is a notice on no step in the CLI's reminders, not the budget's Due", () => {
    if (only === undefined) throw new Error("no notice for the school with no sponsor note");
    const text = renderPlan(result, "Sofia");
    const reminders = text.slice(text.indexOf("REMINDERS"), text.indexOf("BUDGET"));
    const row = reminders.split("\n").find((line) => line.includes(only.id));
    expect(row).toMatch(/critical-risk/);
    expect(row).toMatch(/notice/);
    expect(row).not.toMatch(/budget|Due/);
  });
});
