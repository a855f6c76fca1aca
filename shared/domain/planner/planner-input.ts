import type { Applicant, Interview, MilestoneEntry } from "../snapshot.ts";

/** What the planner reads: a parsed applicant snapshot fits it. */
export interface PlannerInput {
  applicant: Applicant;
  milestones: readonly MilestoneEntry[];
  interviews: readonly Interview[];
  /**
   * The applicant's quiet hours ("HH:MM" local, start inclusive, end exclusive) from their
   * preferences; default 21:00–08:00. The delivery time is kept out of them, and a late arrival's
   * notice waits for their end only while that leaves 12 hours before the deadline (reminders.ts).
   */
  quietHours?: { start: string; end: string };
  /**
   * The reminders already sent (their stable ids to the ISO instant the ledger marked each sent),
   * when the caller keeps a ledger (the reminder function does; the CLI, the golden plans and the
   * console's what-ifs do not). A critical notice sent is laid at that instant instead of now, and
   * the NRMP question's spacing counts from when a question really went out (sent-reminders.ts):
   * laid at each re-plan's now, a notice or a missed rung re-timed to the next slot swallowed the
   * rung a wake-up, planned at its own instant, woke for. Absent: as before.
   */
  remindersSent?: Readonly<Record<string, string>>;
  /**
   * The weekday (1 Monday … 7 Sunday) of the applicant's weekly summary, when their preferences
   * chose one (applicant-plan.ts): a follow-up whose instant passed since the last summary is kept,
   * for the summary gathers it there (apply-preferences.ts); planned at the summary's own instant,
   * a follow-up due on Monday was gone by Wednesday's summary and never sent. Absent: as before.
   */
  summaryDay?: number;
  /**
   * When the applicant signed up (ISO instant: the stored profile's createdAt; the CLI's
   * --signed-up). While the sponsor note is unknown the WDOMS check's target counts from it, so the
   * target and its reminder ids stay the same at every plan (first-gate.ts). Absent: the week grid.
   */
  signedUpAt?: string;
}
