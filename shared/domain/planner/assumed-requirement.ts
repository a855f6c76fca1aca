import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { BudgetItem, OtherCurrencyItem } from "../plan.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { isFinished, type PlanContext } from "./context.ts";

/**
 * A requirement planned for a Match its authority has not confirmed it for (the catalog's
 * applies.assumedAfter: the Pathways, and so the OET, confirmed for the 2026 Match only): keeping
 * the step is the cautious choice, but the applicant is told it is an assumption where the step is
 * asked for and where its fee is budgeted, in the catalog's own words, since both cost money no
 * source yet asks for. "" for a Match it is confirmed for, or a requirement with no such label.
 */
export function assumedRequirementWords(entry: CatalogEntry, matchYear: number): string {
  const assumed = entry.applies.assumedAfter;
  if (assumed === undefined || matchYear <= assumed.matchYear) return "";
  const key = `${entry.key} ${matchYear}`;
  let words = said.get(key);
  if (words === undefined) {
    words = assumed.words
      .replace("{year}", String(matchYear))
      .replace("{confirmed}", String(assumed.matchYear));
    said.set(key, words);
  }
  return words;
}

/** The words per step and Match year: a handful, made once (a plan asks for them on every card). */
const said = new Map<string, string>();

/** The card's note (step-action.ts): the words after the action, while the step is still to do. */
export function assumedRequirementNote(
  entry: CatalogEntry,
  status: MilestoneStatus,
  matchYear: number,
): string {
  if (isFinished(status)) return "";
  const words = assumedRequirementWords(entry, matchYear);
  return words === "" ? "" : ` ${words}`;
}

/**
 * A fee line still to pay for a requirement assumed for the Match planned (the Pathway's fee, the
 * OET's): a copy whose `verify` ends with the assumption's words, so the budget never counts money
 * for it as certain. A line paid, presumed or held keeps its own words.
 */
export function assumedFeeItem<Item extends BudgetItem | OtherCurrencyItem>(
  context: PlanContext,
  item: Item,
  key: MilestoneKey,
): Item {
  if (item.status !== "upcoming") return item;
  // A flag's words run on into the line's note: no closing stop.
  const words = assumedRequirementWords(catalogEntry(key), context.calendar.matchYear).replace(/\.$/, "");
  if (words === "") return item;
  return {
    ...item,
    verify: item.verify === undefined ? `flagged, verify: ${words}` : `${item.verify}; ${words}`,
  };
}
