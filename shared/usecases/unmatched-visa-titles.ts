import type { Risk } from "#domain/plan.ts";

/**
 * VISA_NOT_READY_FOR_START's title for the advisor before the applicant told us where they matched
 * (Risk.matchOutcome), conditional as the risk's advisor-voiced opening is (advisor-voice.ts
 * UNMATCHED_VISA_VOICE) and as the applicant's notice title is: "A matched applicant's visa steps
 * are behind" would tell the advisor of a Match that has not happened, or of a program not yet named.
 */
export const UNMATCHED_VISA_TITLES: Readonly<Record<NonNullable<Risk["matchOutcome"]>, string>> = {
  matchedAhead:
    "Matched, program not yet known: if it files an H-1B petition, the H-1B likely cannot be ready by residency start",
  matchedUntold:
    "Matched, program not told to us: if it files an H-1B petition, the H-1B likely cannot be ready by residency start",
  ahead:
    "Match Day ahead: if the applicant matches on H-1B, the H-1B likely cannot be ready by residency start",
  unreported:
    "Match result not told to us: if the applicant matched on H-1B, the H-1B likely cannot be ready by residency start",
  ranking:
    "Not yet ranked: if the applicant matches on H-1B, the H-1B likely cannot be ready by residency start",
};
