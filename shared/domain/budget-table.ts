import { type PresumedFrom, presumedFromOf, presumedOnceNote } from "./budget-paid-words.ts";
import { type BudgetRow, budgetRows } from "./budget-words.ts";
import type { Budget } from "./plan.ts";

/*
 * The budget table as every surface shows it, from one helper:
 * the email's HTML and text parts, the applicant's timeline, the console's applicant page.
 */

/**
 * The sentence under such a table (presumedOnceNote, from what the rows are presumed from) when some
 * row is presumed paid, else undefined.
 */
export function presumedOnce(
  rows: readonly BudgetRow[],
  from: PresumedFrom = "interview",
): string | undefined {
  return rows.some((row) => row.status === "Presumed paid") ? presumedOnceNote(from) : undefined;
}

/**
 * Every fee's row (budgetRows) with the presumption left off the rows, and that presumption
 * (PRESUMED_ONCE) once, for under the table, when some row is presumed paid; otherwise
 * `presumedNote` is undefined. Said on every presumed row, it ran about 35 lines a row in the
 * timeline's name column at 320-360 px.
 */
export function budgetTable(budget: Budget): { rows: BudgetRow[]; presumedNote: string | undefined } {
  const rows = budgetRows(budget, "once");
  return { rows, presumedNote: presumedOnce(rows, presumedFromOf(budget)) };
}
