import { AMOUNT_NOT_FOUND } from "../budget-words.ts";
import { FEES, type Fee, type InForce } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { BudgetItem } from "../plan.ts";
import { DAY_MS, isoUtc, renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { otherFiguresKey, UNSHARED_BUDGET } from "./other-currency-paid.ts";

/**
 * A fee paid for a step whose day the snapshot gives is counted at the figure in force that day
 * (fees.json `inForce`), not today's: Step 1 sat in May 2024 was $985 for an IMG, not 2025's $680.
 * Where that figure is not known (before the first day recorded, in a span whose figure was not
 * found, or an exam's registration that may fall either side of a change) the fee is listed with no
 * amount, saying why. A step with no day given is counted at the fee's own figure, as before.
 */

/** spanOf's answer for a step with no day given: the fee's own figure. */
export const NO_DAY = -1;
/** spanOf's answer for a day whose figure is not known. */
export const NOT_KNOWN = -2;

/** Per fee, each span's first and last safe day (YYYY-MM-DD), its `paidWithinDays` inside its edges. */
interface Span {
  first: string;
  /** The first day past the span (exclusive), or undefined for the last span. */
  past: string | undefined;
}
const spans = new Map<Fee, readonly Span[]>();
/** The items paidItem made with no amount: listed with the fees to verify, never counted. */
const notKnown = new WeakSet<BudgetItem>();

/** The items paidItem made at an earlier span's figure, not the fee's own (today's). */
const earlierFigures = new WeakSet<BudgetItem>();

/**
 * Whether paidItem priced `item` at a figure in force before the fee's own (today's) one: the CLI
 * marks only those "fee then", a paid fee at today's figure reads as plain "spent".
 */
export function atEarlierFigure(item: BudgetItem): boolean {
  return earlierFigures.has(item);
}

/** Whether paidItem made `item` with no amount (the figure in force that day not known). */
export function amountNotKnown(item: BudgetItem): boolean {
  return notKnown.has(item);
}

function dayMoved(day: string, days: number): string {
  return isoUtc(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).slice(0, 10);
}

function spansOf(fee: Fee): readonly Span[] {
  let known = spans.get(fee);
  if (known === undefined) {
    const within = fee.paidWithinDays ?? 0;
    known = fee.inForce.map((span, index) => {
      const next = fee.inForce[index + 1];
      return {
        first: dayMoved(span.from, within),
        past: next === undefined ? undefined : dayMoved(next.from, -within),
      };
    });
    spans.set(fee, known);
  }
  return known;
}

/**
 * The index in `fee.inForce` of the span in force for a step dated `day`, NO_DAY with no day, or
 * NOT_KNOWN (before the first span, or within `paidWithinDays` of a change). A span whose figure was
 * not found is returned as itself (its amountUsd null).
 */
export function spanOf(fee: Fee, day: string | undefined): number {
  if (day === undefined) return NO_DAY;
  const known = spansOf(fee);
  for (let index = 0; index < known.length; index++) {
    const span = known[index] as Span;
    if (day < span.first) return NOT_KNOWN;
    if (span.past === undefined || day < span.past) return index;
  }
  return NOT_KNOWN;
}

/** Whether span `index` is the fee's own figure today: the last span, with no figure of its own. */
function ownFigure(fee: Fee, index: number): boolean {
  return index === fee.inForce.length - 1 && fee.inForce[index]?.amountUsd === undefined;
}

/**
 * What the budget's memo must tell apart beside the statuses (budget-key.ts): for each fee, the
 * span its step's day falls in (none, or which), and for each fee in another currency whether its
 * figure was in force then (otherFiguresKey), as one number; UNSHARED_BUDGET when a paid fee's day
 * falls where no figure is known, since its line then names that day (another applicant's budget,
 * kept under the same key, read "paid for your step dated" her day, not this one's).
 */
export function spansKey(context: PlanContext): number {
  let key = 0;
  for (let index = 0; index < FEES.length; index++) {
    const fee = FEES[index] as Fee;
    const span = spanOf(fee, context.entries.at(FEE_STEPS[index] as number)?.date);
    // Its verify line names the applicant's own day (paidItem): no budget to share (rare).
    if (span === NOT_KNOWN) return UNSHARED_BUDGET;
    // Base 8: a fee has at most 6 spans (data-files test), so every key is exact below 2^53.
    key = key * 8 + (span === NO_DAY ? 0 : span + 2);
  }
  return otherFiguresKey(context, key);
}

/** Each fee's step by catalog index: spansKey reads every fee's entry on every plan, by place, not by key. */
const FEE_STEPS: readonly number[] = FEES.map((fee) => stepIndex(fee.milestone));

/**
 * The item of a paid fee whose step is dated `day`: `item` (the fee's own, current figure) unless an
 * earlier span was in force then; that span's figure with its source; or, not known, an item with
 * no amount (0, read as "not found") whose flag says why, listed with the fees to verify.
 */
export function paidItem(fee: Fee, item: BudgetItem, day: string | undefined): BudgetItem {
  const index = spanOf(fee, day);
  if (index === NO_DAY || day === undefined) return item;
  if (ownFigure(fee, index)) return pricedThen(item);
  const span = index === NOT_KNOWN ? undefined : (fee.inForce[index] as InForce);
  if (span !== undefined && span.amountUsd !== null) {
    // An earlier span: its own figure and basis, or the fee's figure as it then stood, confirmed.
    const earlier: BudgetItem = {
      key: item.key,
      label: item.label,
      amountUsd: span.amountUsd ?? item.amountUsd,
      status: "spent",
      basis: span.basis ?? item.basis,
      source: span.source,
      asOf: span.asOf,
      pricedThen: true,
    };
    earlierFigures.add(earlier);
    return earlier;
  }
  const first = fee.inForce[0] as InForce;
  const why =
    span !== undefined
      ? span.asOf
      : day < first.from
        ? `no figure is recorded before ${renderDate(first.from)}`
        : `the fee changed on ${renderDate(changeNear(fee, day))}, and an exam's fee is paid at registration, within about ${fee.paidWithinDays} days of its day, so either figure may have applied`;
  const unknown: BudgetItem = {
    key: item.key,
    label: `${item.label} ${AMOUNT_NOT_FOUND}`,
    amountUsd: 0,
    status: "spent",
    basis: span?.basis ?? item.basis,
    source: span?.source ?? first.source,
    asOf: span?.asOf ?? first.asOf,
    verify: `flagged, verify: paid for your step dated ${renderDate(day)}, when the fee in force is not known here (${why}), so no amount is counted`,
  };
  notKnown.add(unknown);
  return unknown;
}

/** pricedThen's items by the item they mark: a fee's own item is frozen and shared, so one copy each. */
const markedItems = new WeakMap<BudgetItem, BudgetItem>();

/**
 * `item`, the fee's own figure, marked as the figure in force on its step's day (the day falls in
 * the fee's last span): its words say "the fee in force then", as an earlier span's do.
 */
function pricedThen(item: BudgetItem): BudgetItem {
  let marked = markedItems.get(item);
  if (marked === undefined) {
    marked = Object.freeze({ ...item, pricedThen: true as const });
    markedItems.set(item, marked);
  }
  return marked;
}

/** The day of the change within `paidWithinDays` of `day`. */
function changeNear(fee: Fee, day: string): string {
  const within = fee.paidWithinDays ?? 0;
  const near = fee.inForce.find(
    (span) => dayMoved(span.from, -within) <= day && day < dayMoved(span.from, within),
  );
  return near?.from ?? (fee.inForce[0] as InForce).from;
}

/** undatedPaidItem's items, one per fee: the fee table is constant. */
const undatedItems = new Map<Fee, BudgetItem>();

/**
 * The item of a fee paid for a step done with no day given, counted at the fee's own, current
 * figure: when the fee has had other figures its flag says so first, naming them, and asks for the
 * day (an exam reported done with no date may have been paid at ECFMG's $985 of 2022–2024).
 */
export function undatedPaidItem(fee: Fee, item: BudgetItem): BudgetItem {
  const earlier = fee.inForce
    .filter((span) => typeof span.amountUsd === "number" && span.amountUsd !== item.amountUsd)
    .map((span) => `${usd(span.amountUsd as number)} from ${renderDate(span.from)}`);
  if (earlier.length === 0) return item;
  let undated = undatedItems.get(fee);
  if (undated === undefined) {
    const paid = `counted here at today's figure, ${usd(item.amountUsd)}, as your step has no date; tell us the day and the figure in force then is counted (earlier figures: ${earlier.join(", ")})`;
    const verify =
      item.verify === undefined
        ? `flagged, verify: ${paid}`
        : item.verify.replace(/^flagged,\s*verify[^:]*:\s*/, (prefix) => `${prefix}${paid}; `);
    undated = Object.freeze({ ...item, verify });
    undatedItems.set(fee, undated);
  }
  return undated;
}
