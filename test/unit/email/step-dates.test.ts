import { describe, expect, it } from "vitest";
import { DATE_TAGS, dateTag } from "#domain/date-basis.ts";
import { deadlineWords } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";

// For an early starter the email's "Your next steps" printed only the hard
// deadline of Step 1 (Jan 2028), never the target that drives it (Apr 2027); the timeline and the
// CLI showed both. Both parts of the email now print the target, then the deadline, in the
// timeline's words.
const now = new Date("2026-11-30T20:00:00Z");
const early = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2028, graduation: "2027-06-30", timezone: "Asia/Manila" }),
    milestones: doneMilestones(["wdoms_listing"], "2026-11-20"),
  }),
  seasonCalendar(2028),
  now,
);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});

describe("an early step's dates in the email", () => {
  // The email's item is the first reminder's step, with its target and deadline: the bullets are the others'.
  const [reminder] = early.reminders;
  const shown = early.nextSteps.filter((step) => step.milestone !== reminder?.milestone).slice(0, 3);
  const withTarget = shown.flatMap((step) =>
    step.target !== undefined && step.deadline !== undefined && Date.parse(step.target.at) > now.getTime()
      ? [{ target: step.target, deadline: step.deadline }]
      : [],
  );
  const email = renderReminderEmail({
    recipientName: "Maria Santos",
    reminders: reminder ? [reminder] : [],
    plan: early,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });

  it("the scenario has next steps driven by a target ahead of their deadline", () => {
    expect(withTarget.length).toBeGreaterThan(0);
  });

  it.each(["text", "html"] as const)("the %s part names the target first, then the deadline", (part) => {
    for (const step of withTarget) {
      const target = deadlineWords(step.target).local;
      const deadline = deadlineWords(step.deadline).local;
      // Tagged by who sets the deadline: projected, or our advice (dateTag).
      const tag = dateTag(step.deadline);
      const line = `(aim to finish by ${target}, ${DATE_TAGS.target}; due ${deadline}${tag === undefined ? "" : `, ${tag}`})`;
      expect(part === "html" ? email.html.replaceAll("&#39;", "'") : email.text).toContain(line);
    }
  });

  it("the timeline shows the same two dates with the same words", () => {
    const page = timelinePage({
      firstName: "Maria",
      timezone: "Asia/Manila",
      plan: early,
      links,
      comingReminders: early.reminders,
    }).body;
    for (const step of withTarget) {
      expect(page).toContain(`Aim to finish by <strong>${deadlineWords(step.target).local}</strong>`);
      expect(page).toContain(`Due <strong>${deadlineWords(step.deadline).local}</strong>`);
      expect(page).toContain(DATE_TAGS.target);
    }
  });
});
