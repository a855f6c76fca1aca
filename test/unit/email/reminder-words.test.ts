import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { REMINDER_WORDS } from "#email/reminder-sections.ts";
import { REMINDER_HTML } from "#email/templates/reminder.compiled.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { planFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";

// The reminder email's words live in one place, reminder-sections.ts (README, "Architecture": its
// layout table): the
// HTML template lays them out and holds none itself (its headings were
// written in reminder.mjml and again in reminder-email.ts, so rewording one left the other).
const words = Object.values(REMINDER_WORDS).flatMap((value) =>
  typeof value === "string" ? [value] : Object.values(value),
);
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const template = readFileSync(
  new URL("../../../shared/email/templates/reminder.mjml", import.meta.url),
  "utf8",
);

describe("the reminder email's words", () => {
  it.each(words)("%s is not written in reminder.mjml nor in its compiled HTML", (word) => {
    expect(template).not.toContain(`>${word}`);
    expect(REMINDER_HTML).not.toContain(`>${word}`);
  });

  it("reach both parts from REMINDER_WORDS", () => {
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring,
      applicantId: "app-1",
      feedGeneration: 0,
      now: new Date("2026-08-01T09:00:00Z"),
    });
    const email = renderReminderEmail({
      recipientName: "Ada",
      reminders: [reminderFactory()],
      plan: planFactory({
        nextSteps: [stepFactory()],
        risks: [
          { code: "STEP3_NEEDED_FOR_H1B", severity: "critical", message: "Needs Step 3.", milestones: [] },
        ],
      }),
      links,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=a.b",
    });
    for (const word of [
      REMINDER_WORDS.greeting,
      REMINDER_WORDS.nextSteps,
      REMINDER_WORDS.risks,
      REMINDER_WORDS.whatToDo,
      REMINDER_WORDS.preferences,
      REMINDER_WORDS.unsubscribe,
    ]) {
      expect(email.html).toContain(word);
      expect(email.text).toContain(word);
    }
    expect(email.html).toContain(REMINDER_WORDS.timelineButton);
    expect(email.html).toContain(REMINDER_WORDS.calendarLink);
  });
});
