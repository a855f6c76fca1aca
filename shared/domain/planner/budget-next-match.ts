import { catalogEntry, type Fee } from "../catalog/index.ts";
import type { BudgetItem } from "../plan.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { PlanContext } from "./context.ts";
import { seasonIsOver } from "./season-over-state.ts";

/**
 * The next Match, once the applicant's own is over (seasonIsOver): the one after it, or the
 * earliest feasible one when that is later (`season`, the Match the plan targets). Null while the
 * applicant's own Match is still running.
 */
export function nextMatchOf(context: PlanContext, season: SeasonCalendar): SeasonCalendar | null {
  if (!seasonIsOver(context)) return null;
  const year = Math.max(context.calendar.matchYear + 1, season.matchYear);
  return year === season.matchYear ? season : seasonCalendar(year);
}

/**
 * The Match whose season fees the budget estimates: the next one once the applicant's own is over
 * (nextMatchOf), or, while it is still running but out of reach, the later Match the plan targets
 * (`season`, MATCH_YEAR_NOT_FEASIBLE). The fees paid for the Match out of reach stay spent, and the
 * later Match needs its own token, applications and registration (catalog `redoneEachSeason`), so
 * both are counted (a paid applicant moved to 2028 had the unpaid twin's total).
 */
export function feesAheadFor(over: SeasonCalendar | null, context: PlanContext, season: SeasonCalendar) {
  return over ?? (season.matchYear > context.calendar.matchYear ? season : null);
}

/**
 * A fee of the next Match once the applicant's own is over ("Still
 * to pay $0" for an IMG who will pay ERAS, NRMP, the visa and, for an H-1B, Step 3 again): the fee
 * of a step bound to one season (catalog `seasonBound`) is budgeted for that Match, as an estimate
 * from today's fee table, due at its step. One already paid for the Match that is over stays paid
 * beside it when the step is redone each season (the ERAS token); a step that is not (Step 3)
 * is budgeted once, if not yet paid. A late fee is not budgeted for a Match not yet begun.
 * Null: the fee is this season's as usual.
 */
export function nextMatchItem(
  fee: Fee,
  item: BudgetItem,
  spent: boolean,
  next: SeasonCalendar | null,
): BudgetItem | null {
  const entry = catalogEntry(fee.milestone);
  if (next === null || entry.seasonBound !== true) return null;
  if (spent && entry.redoneEachSeason === undefined) return null;
  return {
    ...item,
    key: spent ? `${fee.key}.next-match` : fee.key,
    status: "upcoming",
    nextMatch: { matchYear: next.matchYear, step: entry.title },
  };
}
