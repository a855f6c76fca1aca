import { catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import { DAY_MS, ET_ZONE, localDate, startOfLocalDate } from "../time.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";

/**
 * The time the J-1 chain after the Match gives each step, in one place, so every text and threshold
 * that names one reads the chain's own figure (they read the steps' lead times before, 60 days each,
 * which the chain cannot hold between Match Day and the start date).
 */

const DS2019_DUE = catalogEntry("j1_ds2019").due;

/**
 * The days this plan allows for the J-1 consular interview: the gap the DS-2019's due rule leaves
 * before the visa date (advice; its source says why it is not the visitor visa's 60 days). The visa
 * step's lead time in the catalog is the same figure (a test holds them equal).
 */
export const J1_CONSULAR_ALLOWANCE_DAYS: number = consularAllowance();

/** Why the consular allowance is what it is: the DS-2019 due rule's own source (advice). */
export const J1_CONSULAR_ALLOWANCE_SOURCE: string = DS2019_DUE.source;

function consularAllowance(): number {
  if (DS2019_DUE.from !== "milestone" || DS2019_DUE.key !== "visa_j1" || DS2019_DUE.offsetDays >= 0)
    throw new Error("j1_ds2019 must be due a number of days before visa_j1");
  return -DS2019_DUE.offsetDays;
}

const SPONSORSHIP_DUE = catalogEntry("j1_ecfmg_sponsorship").due;

/**
 * The days this plan allows ECFMG's review of the J-1 sponsorship application: the gap the
 * sponsorship's due rule leaves before the DS-2019's date, the upper end of the 4–6 weeks ECFMG
 * gives once every document is in (the figure official, choosing its upper end advice: the rule's
 * source says both).
 */
export const J1_ECFMG_REVIEW_DAYS: number = ecfmgReview();

function ecfmgReview(): number {
  if (
    SPONSORSHIP_DUE.from !== "milestone" ||
    SPONSORSHIP_DUE.key !== "j1_ds2019" ||
    SPONSORSHIP_DUE.offsetDays >= 0
  )
    throw new Error("j1_ecfmg_sponsorship must be due a number of days before j1_ds2019");
  return -SPONSORSHIP_DUE.offsetDays;
}

/**
 * The days this plan leaves the Statement of Need after the Match: from Match Day (its day in ET,
 * NRMP's) to the J-1 sponsorship's date, the day the statement is due with the sponsorship
 * application (17 days for the 2027 Match). Counted from the season's dates, never a fixed figure.
 * Null when either date is not known.
 */
export function statementOfNeedDaysAfterMatch(dates: PlanDates): number | null {
  const match = dates.due("match_day");
  const sponsorship = dates.due("j1_ecfmg_sponsorship");
  if (match === null || sponsorship === null) return null;
  // A whole-day due date's instant is the end of its day (dueDay reads the day before `at`).
  const sponsorshipDay = localDate(
    sponsorship.zone,
    sponsorship.asDay === true ? sponsorship.at - 1 : sponsorship.at,
  );
  return Math.round((Date.parse(sponsorshipDay) - Date.parse(localDate(ET_ZONE, match.at))) / DAY_MS);
}

/** The shorter end of ECFMG's 4–6 weeks (facts.md §5), in days: a J-1 verdict counts the fastest review. */
export const J1_ECFMG_REVIEW_SHORTEST_DAYS = 28;
/** From the day every document is in to the J-1 visa, at the earliest: the shorter review, then the consulate. */
export const J1_FILE_TO_VISA_DAYS = J1_ECFMG_REVIEW_SHORTEST_DAYS + J1_CONSULAR_ALLOWANCE_DAYS;

/** A whole-day due date's day in the applicant's calendar (its instant is the end of that day). */
export function dueDayOf(due: DueDate): string {
  return localDate(due.zone, due.asDay === true ? due.at - 1 : due.at);
}

/** The J-1 visa's earliest day (ISO, the applicant's) for ECFMG's review starting on `day`. */
export function visaDayFrom(day: string): string {
  return shiftIsoDay(day, J1_FILE_TO_VISA_DAYS);
}

/**
 * The first instant (the applicant's midnight) from which a J-1 sponsorship file still open can no
 * longer bring the visa by its own date (`visaDue`, ISO) on the fastest road left: the day after the
 * visa's day less ECFMG's shorter review and the consular month (visaDatePastReach's verdict begins then).
 */
export function fileLineAt(zone: string, visaDue: string): number {
  return startOfLocalDate(zone, shiftIsoDay(visaDue, 1 - J1_FILE_TO_VISA_DAYS));
}
