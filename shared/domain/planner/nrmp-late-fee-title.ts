import { seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, localDate } from "../time.ts";

/** NRMP_LATE_FEE's title once NRMP's early registration deadline has passed: the late fee applies. */
export const NRMP_LATE_FEE_PASSED_TITLE =
  "Not registered with NRMP after the early deadline: a late fee, and no ranking without it";
/** Before the deadline, on its own ET day (NRMP's deadlines are 11:59 PM ET). */
export const NRMP_LATE_FEE_TONIGHT_TITLE =
  "Not registered with NRMP before tonight's early deadline: register today to avoid a late fee";
/** Before the deadline's ET day, while the risk warns ahead of it. */
export const NRMP_LATE_FEE_AHEAD_TITLE =
  "Not registered with NRMP and the early deadline is close: register to avoid a late fee";

/**
 * NRMP_LATE_FEE's title for registration planned for a day after it closes, or for its closing day
 * (nrmpLateFeeKind): the Match is at stake, not the fee, whatever the early deadline.
 */
export const NRMP_PLANNED_AT_CLOSE_TITLES = {
  "after-close":
    "Plans to register with NRMP after registration closes: no Match unless they register before",
  "on-close": "Plans to register with NRMP on the day registration closes: register now or miss the Match",
} as const;

/**
 * NRMP_LATE_FEE's title for the advisor at `now` (epoch ms, the plan's instant). The risk warns
 * before NRMP's early registration deadline (the season's data) that registering before it avoids
 * the late fee, and tells once it has passed that the fee applies (late-step-risks.ts, the same
 * `now > deadline` test): a title saying "after the deadline" while it is still ahead tells the
 * advisor the fee is lost when the applicant can still avoid it.
 */
export function nrmpLateFeeTitle(matchYear: number, now: number): string {
  const deadline = seasonCalendar(matchYear).dates.nrmp_early_registration_deadline_late_fee_after.at;
  if (now > deadline) return NRMP_LATE_FEE_PASSED_TITLE;
  return localDate(ET_ZONE, now) === localDate(ET_ZONE, deadline)
    ? NRMP_LATE_FEE_TONIGHT_TITLE
    : NRMP_LATE_FEE_AHEAD_TITLE;
}
