import { AMOUNT_NOT_FOUND } from "../budget-words.ts";
import { type FEES_TO_VERIFY, type Fee, type OtherCurrencyFee, SCHOOL_CHECK } from "../catalog/index.ts";
import type { BudgetItem, OtherCurrencyItem } from "../plan.ts";

/**
 * The budget's lines that read only the fee table, built once per fee and status and shared,
 * frozen, by every plan (buildBudget in budget.ts picks them): a plan copies one only when it
 * differs (held back for the WDOMS check, an earlier season's, the next Match's).
 */

/**
 * A fee in another currency as a budget line, built once per fee and status (the fee table is
 * constant) and shared frozen by every plan, as reminders are: a copy per plan was about 2% of the
 * planner bench's plan.
 */
const otherCurrencyItems = new Map<OtherCurrencyFee, Record<OtherCurrencyLine, OtherCurrencyItem>>();
/** An other-currency line's status, or "presumed from steps": presumed, from a later step marked done. */
type OtherCurrencyLine = OtherCurrencyItem["status"] | "presumed from steps";
export function otherCurrencyItem(fee: OtherCurrencyFee, status: OtherCurrencyLine): OtherCurrencyItem {
  let both = otherCurrencyItems.get(fee);
  if (both === undefined) {
    const { key, label, amount, currency, display, note, basis, source, asOf } = fee;
    const item = { key, label, amount, currency, display, note, basis, source, asOf };
    both = {
      spent: Object.freeze({ ...item, status: "spent" }),
      upcoming: Object.freeze({ ...item, status: "upcoming" }),
      held: Object.freeze(heldItem({ ...item, status: "held" })),
      presumed: Object.freeze({ ...item, status: "presumed" }),
      "presumed from steps": Object.freeze({ ...item, status: "presumed", presumedFrom: "steps" }),
    };
    otherCurrencyItems.set(fee, both);
  }
  return both[status];
}

/**
 * A budget line held back until the WDOMS check (a fee only a step needing the sponsor note owes):
 * the line as it is, with the check's words for what to verify. The one way a line is held, for the
 * fee table's, the fees to verify and the other currencies'.
 */
export function heldItem<Item extends BudgetItem | OtherCurrencyItem>(item: Item): Item {
  return { ...item, verify: SCHOOL_CHECK.unchecked.feeHeld };
}

/**
 * A fee's budget item with its own label and amount, spent or upcoming: it reads only the fee
 * table, so it is built once per fee and status and frozen, and plans share it (the budget's
 * items were about a twentieth of a plan's allocated bytes on the planner bench). An item that differs (held
 * back, an earlier season's, the next Match's) is a copy.
 */
export function feeItem(fee: FlatFee, spent: boolean): BudgetItem {
  let both = feeItems.get(fee);
  if (both === undefined) {
    both = {
      spent: Object.freeze(newFeeItem(fee, fee.label, fee.amountUsd, true)),
      upcoming: Object.freeze(newFeeItem(fee, fee.label, fee.amountUsd, false)),
    };
    feeItems.set(fee, both);
  }
  return spent ? both.spent : both.upcoming;
}

const feeItems = new Map<FlatFee, { spent: BudgetItem; upcoming: BudgetItem }>();

/** A fee with one amount (every kind but ERAS's per-program tiers). */
type FlatFee = Exclude<Fee, { kind: "eras_per_program" }>;

/** A fee's budget item; `verify` is set at creation, so every item has one shape per fee. */
export function newFeeItem(fee: Fee, label: string, amountUsd: number, spent: boolean): BudgetItem {
  const item: BudgetItem = {
    key: fee.key,
    label,
    amountUsd,
    status: spent ? "spent" : "upcoming",
    basis: fee.basis,
    source: fee.source,
    asOf: fee.asOf,
  };
  if (fee.verify !== undefined) item.verify = fee.verify;
  return item;
}

/** A fee to verify as the budget lists it: static fee-table data, built once per fee and frozen. */
export function toVerifyItem(fee: (typeof FEES_TO_VERIFY)[number]): BudgetItem {
  let item = toVerifyItems.get(fee);
  if (item === undefined) {
    item = Object.freeze({
      key: fee.key,
      label: fee.amountUsd === null ? `${fee.label} ${AMOUNT_NOT_FOUND}` : fee.label,
      amountUsd: fee.amountUsd ?? 0,
      status: "upcoming",
      basis: fee.basis,
      source: fee.source,
      asOf: fee.asOf,
      verify: fee.verify,
    });
    toVerifyItems.set(fee, item);
  }
  return item;
}

const toVerifyItems = new Map<(typeof FEES_TO_VERIFY)[number], BudgetItem>();

/**
 * toVerifyItem for a fee whose steps an interview presumes done (its `presumedVerify` set): presumed
 * paid, as a priced step's fee is (presumed-fees.ts), with that text (settledToVerifyItem).
 */
export function presumedToVerifyItem(fee: (typeof FEES_TO_VERIFY)[number]): BudgetItem {
  return settledToVerifyItem(fee, "presumed");
}

/** toVerifyItem for a fee whose steps the applicant reports done (its `paidVerify` set): spent. */
export function paidToVerifyItem(fee: (typeof FEES_TO_VERIFY)[number]): BudgetItem {
  return settledToVerifyItem(fee, "spent");
}

/** toVerifyItem as presumed or spent, with the fee's words for that status; built once per fee and status, frozen. */
function settledToVerifyItem(fee: (typeof FEES_TO_VERIFY)[number], status: "presumed" | "spent"): BudgetItem {
  const built = settledToVerifyItems[status];
  let item = built.get(fee);
  if (item === undefined) {
    const verify = status === "presumed" ? fee.presumedVerify : fee.paidVerify;
    item = Object.freeze({ ...toVerifyItem(fee), status, verify });
    built.set(fee, item);
  }
  return item;
}

const settledToVerifyItems = {
  presumed: new Map<(typeof FEES_TO_VERIFY)[number], BudgetItem>(),
  spent: new Map<(typeof FEES_TO_VERIFY)[number], BudgetItem>(),
};

/**
 * The USD totals of the budget's counted lines: spent, presumed paid (a step an interview presumes
 * done, never reported) and still to pay. Lines held back (to verify) are in no total.
 */
export function usdTotals(items: readonly BudgetItem[]): {
  spentUsd: number;
  upcomingUsd: number;
  presumedUsd: number;
} {
  let spentUsd = 0;
  let upcomingUsd = 0;
  let presumedUsd = 0;
  for (const item of items) {
    if (item.status === "spent") spentUsd += item.amountUsd;
    else if (item.status === "presumed") presumedUsd += item.amountUsd;
    else upcomingUsd += item.amountUsd;
  }
  return { spentUsd, upcomingUsd, presumedUsd };
}

/**
 * A fee still to pay that is owed only on `condition` (NRMP's fees asked about or weighed, Step 3's
 * fee before a match): listed among the fees to verify with the condition, in no total. The fee's
 * own flag, if any, follows.
 */
export function owedOnlyIf(condition: string, item: BudgetItem): BudgetItem {
  const owed = `${condition}: owed only then, so not counted in the totals`;
  return { ...item, verify: item.verify === undefined ? owed : `${owed}; ${item.verify}` };
}
