import type { CatalogEntry } from "../catalog/index.ts";

/**
 * The ECFMG application's entry while its due date is the exam chain's (exam-chain.ts
 * isApplicationChainedDue): that day is also the last that keeps the Match in reach (the day
 * MATCH_YEAR_LAST_DAY names), and its own "Due" rungs stand for that risk's last-day rungs
 * (match-year-last-day-countdown.ts ownLadderCounts), so they say the Match is lost after it, once
 * per rung. One entry per Match year (laidStep's memo keeps the entry it was given).
 */
export function applicationLastDayEntry(entry: CatalogEntry, year: number): CatalogEntry {
  let kept = entries.get(year);
  if (kept === undefined || kept.key !== entry.key) {
    kept = {
      ...entry,
      title: `${entry.title}: your last day for the ${year} Match`,
      why: {
        ...entry.why,
        text: `${entry.why.text} Its deadline is also your last day for the ${year} Match: ECFMG's approval and Step 1's preparation (our advice) take until Step 1's last sitting whose result still reaches NRMP by the rank order list deadline, so after it your plan moves to the ${year + 1} Match.`,
      },
    };
    entries.set(year, kept);
  }
  return kept;
}
const entries = new Map<number, CatalogEntry>();
