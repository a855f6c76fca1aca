import {
  PAID_SO_FAR,
  PRESUMED_ONCE,
  PRESUMED_PAID,
  paidAmount,
  paidNote,
  presumedFlagNote,
  presumedNote,
  presumedSource,
  presumedTotal,
  settledNote,
} from "./budget-paid-words.ts";
import { FEES } from "./catalog/index.ts";
import { usd } from "./money.ts";
import type { Budget, BudgetItem, OtherCurrencyItem } from "./plan.ts";

export { PAID_SO_FAR, PRESUMED_ONCE, PRESUMED_PAID, presumedSource };

/**
 * The budget as the timeline's table and the email's budget block print it: every fee the plan
 * has, in one list, so no sentence (the budget step's "Fees still to come: $895 plus AU$587 …")
 * promises an item the table leaves out.
 */
export interface BudgetRow {
  /** The fee's label; "(estimate)" added for an advice amount. */
  label: string;
  /**
   * "Paid", "Presumed paid" (a step an interview presumes done, never reported), "Coming",
   * or "To verify" (not counted in the totals).
   */
  status: "Paid" | "Presumed paid" | "Coming" | "To verify";
  /** "$1,234", an amount in its own currency as the authority writes it ("AU$587"), or "not found". */
  amount: string;
  /** Why the amount is uncertain or in another currency, in the plan's words; absent when neither. */
  note?: string;
  /** Where the amount comes from (the fee table's source: an authority's page, usually a URL). */
  source: string;
  /**
   * The authority's own page to verify a flagged amount on, when `source` is not it (NRMP's fee,
   * from a secondary page); the note ends with it too.
   */
  verifyAt?: { page: string; url: string };
}

/** The fee table's key of a budget item: its own, or the fee's a next or earlier season's copy is of. */
export function feeKeyOf(itemKey: string): string {
  return itemKey.replace(/\.(next-match|earlier-season)$/, "");
}

/** The fee table's page to verify a budget item on (its key, or a next or earlier season's copy of it). */
function verifyAtOf(key: string): { page: string; url: string } | undefined {
  const feeKey = feeKeyOf(key);
  return FEES.find((fee) => fee.key === feeKey)?.verifyAt;
}

/**
 * The budget's flags as footnotes, one per fee: a fee budgeted for this
 * Match and again for the next, or kept as paid for an earlier season, is one fact with one flag,
 * shown under the fee's own row's label when the budget has that row (else the first copy's).
 * A fee with nothing left to pay (every copy paid or presumed paid) is flagged in its row's words
 * (settledNote), never "verify … before paying". In the order the items come.
 */
export function budgetFootnotes(items: readonly BudgetItem[]): { label: string; verify: string }[] {
  const byFee = new Map<string, { first: BudgetItem; shown: BudgetItem; toPay: boolean }>();
  for (const item of items) {
    if (item.verify === undefined) continue;
    const feeKey = feeKeyOf(item.key);
    const toPay = item.status === "upcoming";
    const known = byFee.get(feeKey);
    if (known === undefined) byFee.set(feeKey, { first: item, shown: item, toPay });
    else {
      if (item.key === feeKey) known.shown = item;
      known.toPay ||= toPay;
    }
  }
  return [...byFee.values()].map(({ first, shown, toPay }) => ({
    label: shown.label,
    verify: toPay ? (first.verify as string) : settledNote(shown),
  }));
}

/**
 * The plan's flag as a reader's phrase: "flagged, verify: check …" reads "To verify: check …",
 * "Flagged, verify on NRMP's Match Fees page: …" reads "To verify on NRMP's Match Fees page: …".
 */
function flagNote(verify: string | undefined): string | undefined {
  if (verify === undefined) return undefined;
  const flag = /^flagged,\s*verify/i;
  return flag.test(verify) ? verify.replace(flag, "To verify") : `To verify: ${verify}`;
}

/**
 * A counted fee's flag (the amount is the latest found, not confirmed for the applicant's season):
 * the row says it is counted, so it cannot read as one of the fees "to verify" the totals leave out.
 * "flagged, verify on X before paying: Y" reads "Counted in the totals at
 * the latest figure found, not confirmed: Y; verify on X before paying".
 */
function countedNote(verify: string | undefined): string | undefined {
  if (verify === undefined) return undefined;
  const flag = /^flagged,\s*verify([^:]*):\s*/i.exec(verify);
  const where = flag?.[1]?.trim() ?? "";
  const about = flag === null ? verify : verify.slice(flag[0].length);
  return `Counted in the totals at the latest figure found, not confirmed: ${about}${where === "" ? "" : `; verify ${where}`}`;
}

/**
 * A next Match's fee (BudgetItem.nextMatch, once the applicant's own Match is over): which Match,
 * that the amount is today's fee table's, and when it falls due; never "pay now".
 */
function nextMatchNote(item: BudgetItem): string | undefined {
  if (item.nextMatch === undefined) return undefined;
  return `For the ${item.nextMatch.matchYear} Match: an estimate from today's fee table, as that Match's fees are not published yet; paid at the step “${item.nextMatch.step}” once it opens for you, not before.`;
}

/** "(2028 Match, estimate)" after a next Match's fee, "(estimate)" after an advice amount. */
function labelOf(item: BudgetItem): string {
  if (item.nextMatch !== undefined) return `${item.label} (${item.nextMatch.matchYear} Match, estimate)`;
  return `${item.label}${item.basis === "advice" ? " (estimate)" : ""}`;
}

/**
 * How rows say a fee is presumed paid: each in its own note ("row"), or once under the table
 * (PRESUMED_ONCE, "once"), the row keeping only what a flag says about its amount.
 */
export type PresumedSaid = "row" | "once";

/**
 * A budget item's amount in words, in every channel (email, timeline, CLI): "$1,234"; "not found" for
 * a fee to verify whose amount no source gives (stored as 0, its label saying so: toVerifyItem); "$0
 * to you" for a fee the fee table prices at 0 because someone else pays it (the H-1B petition's, paid
 * by the employer, as its label says), where a bare "$0" reads as a price.
 */
export function itemAmount(item: BudgetItem): string {
  if (item.amountUsd !== 0) return usd(item.amountUsd);
  return item.label.endsWith(AMOUNT_NOT_FOUND) ? "not found" : "$0 to you";
}

/** The label suffix of a fee to verify whose amount no source gives (toVerifyItem). */
export const AMOUNT_NOT_FOUND = "(amount not found)";

function usdRow(item: BudgetItem, toVerify: boolean, said: PresumedSaid): BudgetRow {
  const presumed = !toVerify && item.status === "presumed";
  const paid = presumed || (!toVerify && item.status === "spent");
  const flag =
    presumed && said === "once"
      ? presumedFlagNote(item.verify)
      : paid
        ? settledNote(item)
        : toVerify
          ? flagNote(item.verify)
          : countedNote(item.verify);
  const ahead = nextMatchNote(item);
  const flagged = flag === undefined ? undefined : verifyAtOf(item.key);
  const verified =
    flagged === undefined || flag === undefined ? flag : `${flag} (${flagged.page}: ${flagged.url})`;
  const note = ahead === undefined ? verified : verified === undefined ? ahead : `${ahead} ${verified}`;
  return {
    label: labelOf(item),
    status: toVerify ? "To verify" : presumed ? "Presumed paid" : item.status === "spent" ? "Paid" : "Coming",
    amount: paid ? paidAmount(usd(item.amountUsd)) : itemAmount(item),
    ...(note ? { note } : {}),
    source: item.source,
    ...(flagged ? { verifyAt: flagged } : {}),
  };
}

function otherRow(item: OtherCurrencyItem, said: PresumedSaid): BudgetRow {
  const presumed = item.status === "presumed";
  const flag = presumed
    ? said === "once"
      ? presumedFlagNote(item.verify)
      : presumedNote(item.verify, item.display, item.presumedFrom)
    : item.status === "spent"
      ? paidNote(item.verify, item.display)
      : flagNote(item.verify);
  return {
    label: `${item.label}${item.basis === "advice" ? " (estimate)" : ""}`,
    status: presumed
      ? "Presumed paid"
      : item.status === "spent"
        ? "Paid"
        : item.status === "held"
          ? "To verify"
          : "Coming",
    amount: item.status === "spent" || presumed ? paidAmount(item.display) : item.display,
    note: flag === undefined ? item.note : `${flag}. ${item.note}`,
    source: item.source,
  };
}

/**
 * Every fee: USD items, then those in another currency, then those to verify (never in the totals).
 * `presumed` "once": presumed-paid rows leave the presumption to PRESUMED_ONCE (budgetTable, budget-table.ts).
 */
export function budgetRows(budget: Budget, presumed: PresumedSaid = "row"): BudgetRow[] {
  return [
    ...budget.items.map((item) => usdRow(item, false, presumed)),
    ...(budget.otherCurrency ?? []).map((item) => otherRow(item, presumed)),
    ...(budget.toVerify ?? []).map((item) => usdRow(item, true, presumed)),
  ];
}

function perCurrency(amountUsd: number, others: readonly OtherCurrencyItem[]): string {
  return [usd(amountUsd), ...others.map((item) => item.display)].join(" plus ");
}

/**
 * The totals per currency, never converted (no exchange rate is assumed): "$895 plus AU$587".
 * Fees to verify are in neither total. The paid total is "about …" (PAID_SO_FAR), "$0" when
 * nothing is paid; the presumed-paid one (PRESUMED_PAID) "about …", absent when nothing is
 * presumed, so it is shown only then.
 */
export function budgetTotals(budget: Budget): { paid: string; presumed?: string; toPay: string } {
  const others = budget.otherCurrency ?? [];
  const paidOthers = others.filter((item) => item.status === "spent");
  const paid = perCurrency(budget.spentUsd, paidOthers);
  const presumed = presumedTotal(budget);
  return {
    ...(presumed === null ? {} : { presumed }),
    paid: budget.spentUsd === 0 && paidOthers.length === 0 ? paid : paidAmount(paid),
    toPay: perCurrency(
      budget.upcomingUsd,
      others.filter((item) => item.status === "upcoming"),
    ),
  };
}

/**
 * Amounts of one currency other than USD as one figure: the authority's own writing when there is
 * one fee ("AU$587"), else their sum written with the first fee's symbol.
 */
function otherSum(items: readonly OtherCurrencyItem[]): string {
  const [first] = items;
  if (first === undefined) return "";
  if (items.length === 1) return first.display;
  const sum = items.reduce((total, item) => total + item.amount, 0);
  const symbol = first.display.replace(/[\d.,\s]+$/, "");
  return `${symbol}${usd(sum).slice(1)}`;
}

/** "$3,450 plus AU$587": a USD amount and each other currency's sum, never converted. */
function inEachCurrency(amountUsd: number, others: readonly OtherCurrencyItem[]): string {
  const currencies = [...new Set(others.map((item) => item.currency))];
  return [
    usd(amountUsd),
    ...currencies.map((currency) => otherSum(others.filter((item) => item.currency === currency))),
  ].join(" plus ");
}

/**
 * What is still to pay and the counted total (paid and to pay), per currency as budgetTotals
 * writes them: "$3,450 plus AU$587". Held-back fees and fees to verify are in neither. The
 * what-if's Budget row compares these, so a fee in another currency that leaves or joins shows
 * (waiving OET dropped AU$587 under "no change").
 */
export function budgetSums(budget: Budget): { upcoming: string; total: string } {
  const others = budget.otherCurrency ?? [];
  return {
    upcoming: inEachCurrency(
      budget.upcomingUsd,
      others.filter((item) => item.status === "upcoming"),
    ),
    total: inEachCurrency(
      budget.totalUsd,
      others.filter((item) => item.status !== "held"),
    ),
  };
}

/** Whether the plan has any fee to show. */
export function hasBudget(budget: Budget): boolean {
  return budgetRows(budget).length > 0;
}

/** The one sentence under every budget table: what the amounts are and what the totals leave out. */
export const BUDGET_NOTE =
  "Amounts from the sources named in Matchpath's fee table, in US dollars unless another currency is shown (never converted); estimates are advice; paid amounts are the fee table's too (Matchpath does not ask what you paid); fees to verify are not counted in the totals.";

/** The next Match whose fees the budget estimates (BudgetItem.nextMatch), and their counted sum. */
export function nextMatchShare(budget: Budget): { matchYear: number; upcomingUsd: number } | null {
  let matchYear: number | null = null;
  let upcomingUsd = 0;
  for (const item of [...budget.items, ...(budget.toVerify ?? [])]) {
    if (item.nextMatch === undefined) continue;
    matchYear = item.nextMatch.matchYear;
    if (budget.items.includes(item)) upcomingUsd += item.amountUsd;
  }
  return matchYear === null ? null : { matchYear, upcomingUsd };
}

/**
 * BUDGET_NOTE, and once the applicant's Match is over, what the next Match's lines are: estimates
 * counted in what is still to pay, so the money can be set aside, each paid only at its step.
 */
export function budgetNote(budget: Budget): string {
  const next = nextMatchShare(budget);
  if (next === null) return BUDGET_NOTE;
  return `${BUDGET_NOTE} Lines marked "${next.matchYear} Match, estimate" are that Match's fees at today's fee table (${usd(next.upcomingUsd)} of what is still to pay): counted so you can set the money aside, each paid only at its step for that Match.`;
}
