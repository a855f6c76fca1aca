import type { Risk } from "#domain/plan.ts";
import type { AboutApplicant } from "./advisor-voice.ts";

/**
 * VISA_NOT_READY_FOR_START worded before the applicant told us they matched (Risk.matchOutcome):
 * "matched" would tell the advisor something the applicant has not said.
 */
export const UNMATCHED_VISA_VOICE: Record<
  NonNullable<Risk["matchOutcome"]>,
  (about: AboutApplicant) => string
> = {
  matchedAhead: ({ fullName }) =>
    `${fullName} said they matched and Match Day, which names the program, is still ahead: if that program files an H-1B petition, the H-1B for their start date is likely out of reach by the plan's allowances.`,
  matchedUntold: ({ fullName }) =>
    `${fullName} said they matched but not where: if their program files an H-1B petition, the H-1B for their start date is likely out of reach by the plan's allowances.`,
  ahead: ({ fullName }) =>
    `${fullName} ranked on H-1B and Match Day is still ahead: if they match with a program that files an H-1B petition, the H-1B for their start date is likely out of reach by the plan's allowances.`,
  unreported: ({ fullName }) =>
    `${fullName} has not said where they matched: if it was a program that files an H-1B petition, the H-1B for their start date is likely out of reach by the plan's allowances.`,
  ranking: ({ fullName }) =>
    `${fullName} lives abroad without a visitor visa we know of and has not started Step 3, and its visitor visa's day has passed: if they match with a program that files an H-1B petition, the H-1B for their start date is likely out of reach by the plan's allowances.`,
};
