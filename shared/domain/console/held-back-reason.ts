/**
 * Why due reminders are not sent, most specific first, as the sender decides it
 * (send-due-reminders.ts): an advisor paused them, the applicant unsubscribed, or the address is
 * suppressed (a bounce or complaint).
 */
export type HeldBackReason = "paused" | "unsubscribed" | "suppressed";

/** The sender's rule, for the console and the digest: paused, then unsubscribed, then suppressed. Pure. */
export function heldBackReason(
  profile: { remindersPausedAt?: string | undefined; unsubscribedAt?: string | undefined },
  suppressed: boolean,
): HeldBackReason | undefined {
  if (profile.remindersPausedAt !== undefined) return "paused";
  if (profile.unsubscribedAt !== undefined) return "unsubscribed";
  return suppressed ? "suppressed" : undefined;
}

/** Why the applicant was not told, in the advisor's words (riskForAdvisor's opening). */
export const NOT_TOLD_BECAUSE: Record<HeldBackReason, (fullName: string) => string> = {
  paused: (fullName) => `reminders to ${fullName} are paused in the console`,
  unsubscribed: (fullName) => `${fullName} unsubscribed from reminders`,
  suppressed: (fullName) => `${fullName}'s address is suppressed (an email bounced or drew a complaint)`,
};
