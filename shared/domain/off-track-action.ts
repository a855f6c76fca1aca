import { appliesToVisa, catalogEntry } from "./catalog/index.ts";
import type { MilestoneKey, Visa } from "./snapshot.ts";

const TRACK_WORDS: Record<Exclude<Visa, "undecided">, string> = {
  "J-1": "on the J-1 visa track",
  "H-1B": "on the H-1B visa track",
  none: "with no visa to get",
};

/**
 * Why a one-tap action on a step the applicant's visa track does not have (catalog
 * `applies.visas`) records nothing, in the applicant's words: an email sent before the advisor
 * switched the track (H-1B to J-1) still carries Step 3's "Scheduled for…", and recording it would
 * promise reminders for a step the plan no longer lists. E.g. "“Pass USMLE Step 3” is not part of
 * your plan on the J-1 visa track"; undefined when the step applies. Pure.
 */
export function offTrackActionText(milestone: MilestoneKey, visa: Visa, title: string): string | undefined {
  // Undecided, the plan still weighs both routes (VISA_UNDECIDED reads Step 3): every answer counts.
  if (visa === "undecided" || appliesToVisa(catalogEntry(milestone), visa)) return undefined;
  return `“${title}” is not part of your plan ${TRACK_WORDS[visa]}`;
}
