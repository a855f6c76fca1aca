import type { ResendOutcome } from "#usecases/resend-notice.ts";

/**
 * The line an advisor reads after Pause or Resume reminders: what happened, the first time as much
 * as a repeated one (a first pause or resume returned the page silently).
 */
export function pauseNotice(paused: boolean, outcome: "changed" | "unchanged"): string {
  if (outcome === "unchanged")
    return `Reminders were ${paused ? "already paused" : "not paused"}: nothing changed or recorded.`;
  return paused
    ? "Paused reminders, recorded as yours: none is sent to the applicant until they are resumed."
    : "Resumed reminders, recorded as yours: those due from now on are sent as planned.";
}

/** The line after Resend the latest notice, counting its reminders in words (never "reminder(s)"). */
export function resendNotice(result: ResendOutcome): string {
  if (result.outcome === "resent") {
    const count = result.reminderIds.length;
    return `Resent the latest notice (${count} ${count === 1 ? "reminder" : "reminders"}).`;
  }
  return result.outcome === "already-resent"
    ? "That notice was resent already; it is not sent twice."
    : `Not resent: ${result.reason}.`;
}
