import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";
import { sentRemindersOf } from "#usecases/sent-reminders.ts";

/**
 * A sent mark written before the ledger stored subjects has none,
 * and its id (`r-` and a hash of the step, rung and deadline) does not say its step. Such a mark is
 * passed to the planner anyway: the planner reads only the ids it lays (a notice's, an NRMP
 * rung's), and these old rows never change, so the look-ahead memo's key stays put. The reminder
 * function's own emails (a resend, an escalation, fresh links) are never the planner's.
 */
const mark = (reminderId: string, sentAt: string, subject?: LedgerEntry["subject"]): LedgerEntry => ({
  reminderId,
  status: "sent",
  claimedAt: sentAt,
  sentAt,
  messageId: `m-${reminderId}`,
  ...(subject ? { subject } : {}),
});

describe("sent marks without a subject (older ledger rows)", () => {
  it("gives the planner an old planner reminder's mark, never a resend's, an escalation's or fresh links'", () => {
    const sent = sentRemindersOf([
      mark("r-0a1b2c3d4e5f6071", "2026-11-02T04:00:00.000Z"),
      mark("resend:m-1", "2026-11-03T04:00:00.000Z"),
      mark("escalation:2027:nrmp_registration", "2026-11-04T04:00:00.000Z"),
      mark("fresh-links:2026-11-05", "2026-11-05T04:00:00.000Z"),
      mark("r-9f8e7d6c5b4a3921", "2026-11-06T04:00:00.000Z", {
        milestone: "eras_application",
        rung: "due-in-7d",
        title: "Submit your ERAS application",
      }),
    ]);
    expect(sent).toEqual({ "r-0a1b2c3d4e5f6071": "2026-11-02T04:00:00.000Z" });
  });

  it("keeps the first instant a subject-less mark went out", () => {
    const sent = sentRemindersOf([
      mark("r-0a1b2c3d4e5f6071", "2026-11-09T04:00:00.000Z"),
      mark("r-0a1b2c3d4e5f6071", "2026-11-02T04:00:00.000Z"),
    ]);
    expect(sent).toEqual({ "r-0a1b2c3d4e5f6071": "2026-11-02T04:00:00.000Z" });
  });
});
