import { milestoneEarliestCandidate, type SeasonCalendar, type SeasonDateKey } from "../seasons/index.ts";
import { ET_ZONE, etInstant, localDate } from "../time.ts";
import { shiftDays } from "./date-math.ts";

/**
 * The instant a milestone's due rule counted from a season date gives on `calendar`: that date moved
 * by the rule's days, in ET, and never after the milestone's earliest candidate on record
 * (projection-rules.json milestoneOffsets `earliestCandidate`, with its rule as `earliest` when it
 * decides). The ECFMG Pathway's deadline is ECFMG's, counted from NRMP's rank order list deadline:
 * NRMP confirming a later deadline must not move it past Dec 31, 6:00 PM ET, ECFMG's earliest on
 * record, so the projection stays on the earlier side. A later-candidate calendar (refusals only)
 * counts the plain offset, as refusals wait for the latest candidate. Every reader of such a due
 * rule asks here, so the step, its last day and the Match-year words name one date.
 */
export function seasonDueAt(
  calendar: SeasonCalendar,
  milestone: string,
  dateKey: SeasonDateKey,
  offsetDays: number,
): { at: number; earliest?: { said: string; rule: string } } {
  let known = dues.get(calendar);
  if (known === undefined) {
    known = new Map();
    dues.set(calendar, known);
  }
  const key = `${milestone} ${dateKey} ${offsetDays}`;
  let due = known.get(key);
  if (due === undefined) {
    due = dueAt(calendar, milestone, dateKey, offsetDays);
    known.set(key, due);
  }
  return due;
}

/** Each calendar's answers (calendars are frozen and shared): a few per season. */
const dues = new WeakMap<
  SeasonCalendar,
  Map<string, { at: number; earliest?: { said: string; rule: string } }>
>();

function dueAt(
  calendar: SeasonCalendar,
  milestone: string,
  dateKey: SeasonDateKey,
  offsetDays: number,
): { at: number; earliest?: { said: string; rule: string } } {
  const offsetAt = shiftDays(calendar.dates[dateKey].at, ET_ZONE, offsetDays);
  const earliest = calendar.laterCandidate
    ? undefined
    : milestoneEarliestCandidate(milestone, calendar.matchYear);
  if (earliest === undefined) return { at: offsetAt };
  // The offset gives the day; the hour is the authority's own on record (ECFMG's 6:00 PM ET), never
  // the season date's it counts from (NRMP's 9:00 PM ET): three hours later than any ECFMG hour known.
  const at = earliest.time === null ? offsetAt : etInstant(localDate(ET_ZONE, offsetAt), earliest.time);
  if (at <= earliest.at) return { at };
  return { at: earliest.at, earliest: { said: earliest.said, rule: earliest.rule } };
}
