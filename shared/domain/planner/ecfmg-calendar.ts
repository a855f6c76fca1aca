import type { SeasonCalendar } from "../seasons/index.ts";

/**
 * ECFMG's Pathway deadlines (the application's, its documents', and the OET's last sitting day that
 * follows) are projected from the rank order list deadline's earlier candidate and stay there on a
 * calendar whose rank order list deadline is moved to its later candidate (laterCandidateCalendar,
 * tester t9r F1): that candidate is NRMP's history (16 days before Match Day, 2022–2025), not
 * ECFMG's, and the Pathway's own refusals already name what would bring a season back. The moved
 * calendar is kept here with the calendar it came from; every other calendar is its own.
 */
export function ecfmgCalendar(calendar: SeasonCalendar): SeasonCalendar {
  return bases.get(calendar) ?? calendar;
}

/** Records that `moved`'s ECFMG deadlines are `base`'s (laterCandidateCalendar). */
export function keepEcfmgDeadlines(moved: SeasonCalendar, base: SeasonCalendar): void {
  bases.set(moved, base);
}

const bases = new WeakMap<SeasonCalendar, SeasonCalendar>();
