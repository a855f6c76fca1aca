import { milestoneEarliestCandidate, type SeasonCalendar, type SeasonDateKey } from "../seasons/index.ts";
import { ET_ZONE } from "../time.ts";
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
  const at = shiftDays(calendar.dates[dateKey].at, ET_ZONE, offsetDays);
  const earliest = calendar.laterCandidate
    ? undefined
    : milestoneEarliestCandidate(milestone, calendar.matchYear);
  if (earliest === undefined || at <= earliest.at) return { at };
  return { at: earliest.at, earliest: { said: earliest.said, rule: earliest.rule } };
}
