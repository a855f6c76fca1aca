/**
 * The rung of a passed target's follow-ups (target-passed.ts). Its own module: the ledger's sent
 * marks are read by rung (sent-reminders.ts), which target-passed.ts itself reaches through follow-ups.ts.
 */
export const AFTER_TARGET_RUNG = "after-target";
