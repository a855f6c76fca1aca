import type { SeasonCalendar } from "../seasons/index.ts";

/** Each later-candidate calendar (laterCandidateCalendar) to the projected calendar it was made from. */
const projectedCalendars = new WeakMap<SeasonCalendar, SeasonCalendar>();

/** Records that `moved` is `projected` with its rank order list deadline on the later candidate. */
export function keepProjectedCalendar(moved: SeasonCalendar, projected: SeasonCalendar): void {
  projectedCalendars.set(moved, projected);
}

/**
 * The projected calendar a later-candidate calendar (laterCandidateCalendar) was made from, so a step
 * laid on the later candidate can still name the projection's day first; `calendar`
 * itself for any other.
 */
export function projectedCalendarOf(calendar: SeasonCalendar): SeasonCalendar {
  return projectedCalendars.get(calendar) ?? calendar;
}
