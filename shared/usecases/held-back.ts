import { type HeldBackReason, heldBackReason } from "#domain/console/advisor-voice.ts";
import type { ApplicantProfile } from "#ports/applicants.ts";
import type { SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";

/** Why the applicant is emailed nothing now, and, for a suppressed address, what put it on the list. */
export interface HeldBack {
  reason: HeldBackReason;
  /** Only with reason "suppressed": the suppression list's reason for the applicant's address. */
  suppressedBecause?: SuppressionReason;
}

/**
 * Whether the applicant's reminders are held back now, and why: the sender's rule (heldBackReason,
 * as send-due-reminders decides it), with the suppression list asked only when the profile does not
 * already say so. The one answer to "was the applicant told?" for the escalation email, the daily
 * digest and the console; undefined: reminders go out. Without the
 * list (`suppression` undefined) only the profile's pause or unsubscribe can say so.
 */
export async function applicantHeldBack(
  profile: Pick<ApplicantProfile, "email" | "remindersPausedAt" | "unsubscribedAt">,
  suppression: Pick<SuppressionList, "suppressionReason"> | undefined,
): Promise<HeldBack | undefined> {
  const reason = heldBackReason(profile, false);
  if (reason !== undefined) return { reason };
  const suppressedBecause = await suppression?.suppressionReason(profile.email);
  return suppressedBecause === undefined ? undefined : { reason: "suppressed", suppressedBecause };
}

/**
 * Why no Matchpath email can reach the applicant now, whatever else holds their reminders: they
 * unsubscribed (the profile says so), or their address is on the suppression list (a bounce, a
 * complaint or their unsubscribe); undefined when mail would reach them. A pause is the advisor's
 * own choice and is not this. Without the list only the profile's unsubscribe can say so.
 */
export async function applicantUnreachable(
  profile: Pick<ApplicantProfile, "email" | "unsubscribedAt">,
  suppression: Pick<SuppressionList, "suppressionReason"> | undefined,
): Promise<SuppressionReason | undefined> {
  if (profile.unsubscribedAt !== undefined) return "unsubscribe";
  return suppression?.suppressionReason(profile.email);
}
