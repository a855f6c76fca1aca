import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import {
  InMemoryApplicantStore,
  InMemoryMailer,
  planFactory,
  profileFactory,
  reminderFactory,
} from "#test/unit/usecases/fakes.ts";
import { sendReminderMessage } from "#usecases/send-due-reminders/reminder-message.ts";

/** Which emails say they are the weekly summary: only the one the preferences gathered. */
describe("the weekly summary email", () => {
  // Thu 17 Sep 2026, 09:00 in Lagos; the deadline is a week later.
  const gathered = reminderFactory();
  const dueSoon = reminderFactory({
    id: "eras_application:due-in-1d",
    sendAt: "2026-09-23T08:00:00.000Z",
    sendAtLocal: "2026-09-23T09:00:00.000+01:00",
  });
  // A critical risk's notice raised on the summary's weekday, a week before its date: the summary
  // never gathers it, so alone it is an ordinary email, not a summary of the days ahead.
  const criticalNotice = reminderFactory({
    id: "r-critical",
    rung: "critical-risk",
    risk: "ERAS_LATE_SUBMISSION",
  });

  async function subjectFor(digest: "as-due" | "weekly", digestDay: number, reminder = gathered) {
    const mailer = new InMemoryMailer();
    const state = {
      profile: profileFactory({ preferences: { ...DEFAULT_PREFERENCES, digest, digestDay } }),
      milestones: [],
      interviews: [],
      ledger: [],
    };
    const result = await sendReminderMessage("a_ada", state, planFactory(), [reminder], {
      ledger: new InMemoryApplicantStore(),
      mailer,
      unsubscribeUrl: async () => "https://api.example.org/unsubscribe?token=t",
    });
    expect(result).toHaveProperty("messageId");
    return mailer.sent[0]?.subject ?? "";
  }

  it.each([
    ["weekly, on its day (Thursday)", "weekly", 4, gathered, true],
    ["weekly, but another weekday", "weekly", 3, gathered, false],
    ["weekly, but due within 72 hours (sent on its own day)", "weekly", 3, dueSoon, false],
    [
      "weekly, on its day, but a critical notice alone (sent the day it is raised)",
      "weekly",
      4,
      criticalNotice,
      false,
    ],
    ["as due", "as-due", 4, gathered, false],
  ] as const)("%s", async (_case, digest, day, reminder, summary) => {
    const subject = await subjectFor(digest, day, reminder);
    expect(subject.startsWith("Your weekly summary: ")).toBe(summary);
  });
});
