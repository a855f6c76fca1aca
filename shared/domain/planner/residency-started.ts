import type { SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, startOfLocalDate } from "../time.ts";

/** When residency has started for an applicant, and the zone whose midnight that is. */
export interface ResidencyStarted {
  at: number;
  /** The zone whose midnight `at` is: the applicant's west of ET, ET elsewhere. */
  zone: string;
}

/**
 * The instant residency has started for an applicant in `zone`: the start's date (July 1, NRMP's)
 * begun both at the program (midnight ET) and where the applicant is (her own midnight), so "residency
 * started on Thu 1 Jul" is never read on 30 Jun in either place. West of ET her day begins later: at
 * ET's midnight Honolulu was told at 6 PM on Wed 30 Jun that residency had started, a day early in her
 * calendar. East of ET her 1 Jul begins while the program's is still 30 Jun, so ET's midnight stands.
 * The one instant the notices that say the start has passed turn at (the delayed start, the visa's
 * result after it, the Match result never told).
 */
export function residencyStarted(calendar: SeasonCalendar, zone: string): ResidencyStarted {
  const et = calendar.dates.residency_start.at;
  const own = startOfLocalDate(zone, calendar.dates.residency_start.date);
  return own > et ? { at: own, zone } : { at: et, zone: ET_ZONE };
}

/** residencyStarted's instant alone. */
export function residencyStartedAt(context: { calendar: SeasonCalendar; zone: string }): number {
  return residencyStarted(context.calendar, context.zone).at;
}

/**
 * Whether residency has yet to start for the applicant at `now` (residencyStartedAt): the one guard
 * of the visa verdicts that speak before the start, so they hand over to each other and to the
 * delayed start at one instant. Read at ET's midnight, Honolulu's J-1 verdict ("a start … is out of
 * reach") gave way at 6:00 PM on 30 Jun, her time, to the generic "your visa steps are behind".
 */
export function residencyAhead(context: { calendar: SeasonCalendar; zone: string; now: number }): boolean {
  return context.now < residencyStartedAt(context);
}
