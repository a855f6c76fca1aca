import { feeKeyOf } from "../budget-words.ts";
import {
  type CatalogEntry,
  catalogEntry,
  FEES_OTHER_CURRENCY,
  FEES_TO_VERIFY,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import type { Budget, BudgetItem, OtherCurrencyItem } from "../plan.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { isFinished } from "./context.ts";

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

/** The card's note (step-action.ts): the words after the action, while the step is still to do and to pay. */
export function assumedRequirementNote(
  entry: CatalogEntry,
  status: MilestoneStatus,
  matchYear: number,
): string {
  // A booked sitting (a day the applicant books, reported scheduled) is paid, as the budget counts it:
  // "check ECFMG's news before you pay" no longer fits, and its fee line carries no flag either.
  if (isFinished(status) || (status === "scheduled" && entry.stepActions.includes("schedule"))) return "";
  const words = assumedRequirementWords(entry, matchYear);
  return words === "" ? "" : ` ${words}`;
}

/**
 * The budget with a line still to pay for a requirement assumed for the Match planned, `matchYear`
 * (the Pathway's fee, the OET's) flagged with the assumption's words, so the budget never counts
 * money for it as certain. Lines paid, presumed or held keep their own words; the budget itself
 * when no line changes.
 */
export function assumedInBudget(budget: Budget, matchYear: number): Budget {
  const toVerify = budget.toVerify?.map((item) => assumedFeeItem(item, matchYear));
  const otherCurrency = budget.otherCurrency?.map((item) => assumedFeeItem(item, matchYear));
  const same = (a?: readonly object[], b?: readonly object[]) =>
    (a ?? []).every((item, at) => item === b?.[at]);
  if (same(budget.toVerify, toVerify) && same(budget.otherCurrency, otherCurrency)) return budget;
  return {
    ...budget,
    ...(toVerify === undefined ? {} : { toVerify }),
    ...(otherCurrency === undefined ? {} : { otherCurrency }),
  };
}

function assumedFeeItem<Item extends BudgetItem | OtherCurrencyItem>(item: Item, matchYear: number): Item {
  // A line held back for the school's sponsor note says only that (heldItem): one reason per line.
  if (item.status !== "upcoming" || item.verify === SCHOOL_CHECK.unchecked.feeHeld) return item;
  const step = STEP_OF_FEE.get(feeKeyOf(item.key));
  if (step === undefined) return item;
  // A flag's words run on into the line's note: no closing stop.
  const words = assumedRequirementWords(catalogEntry(step), matchYear).replace(/\.$/, "");
  if (words === "") return item;
  return {
    ...item,
    verify: item.verify === undefined ? `flagged, verify: ${words}` : `${item.verify}; ${words}`,
  };
}

/** The step each fee to verify or in another currency is for (the first, for a fee of several). */
const STEP_OF_FEE: ReadonlyMap<string, MilestoneKey> = new Map([
  ...FEES_TO_VERIFY.flatMap((fee) =>
    fee.milestones[0] === undefined ? [] : [[fee.key, fee.milestones[0]] as const],
  ),
  ...FEES_OTHER_CURRENCY.map((fee) => [fee.key, fee.milestone] as const),
]);
