import { usd } from "./money.ts";
import type { Budget, BudgetItem } from "./plan.ts";

// The words of a paid fee, reported (paidNote) or presumed from an interview (presumedNote),
// and of their totals: budget-words.ts's rows and totals use them.

/**
 * The paid total's label: every paid amount is the fee table's estimate (paidNote), the figure in
 * force on its step's day where the snapshot gives that day, else today's (fee-in-force.ts), so
 * "at current fees" would be wrong beside a Step 1 of 2024 counted at its $985.
 */
export const PAID_SO_FAR = "Paid so far (estimated from the fee table)";

/**
 * What presumed-paid fees are presumed from (BudgetItem.presumedFrom): an interview for this Match
 * (presumed-in-the-match.ts), later steps the applicant marked done that need their steps
 * ("steps"), or, for a budget's totals and its sentence under the table, both. One set of words
 * for every channel: the CLI, the email, the timeline, the console and the budget step's text.
 */
export type PresumedFrom = "interview" | "steps" | "both";

const PRESUMED_WORDS: Readonly<Record<PresumedFrom, { from: string; row: string; once: string }>> = {
  interview: {
    from: "your interview",
    row: "you have not told us this step's status, and your interview suggests it is done",
    once: "your interview suggests their steps are done, though you have not told us those steps' status",
  },
  steps: {
    from: "the steps you marked done",
    row: "you have not marked this step done, and a later step you marked done needs it",
    once: "a later step you marked done needs their steps done first, though you have not marked those steps done",
  },
  both: {
    from: "your interview and the steps you marked done",
    row: "you have not told us this step's status, and your interview or a later step you marked done suggests it is done",
    once: "your interview or later steps you marked done suggest their steps are done, though you have not told us those steps' status",
  },
};

/** What a budget's presumed-paid lines (USD and other currencies) are presumed from; "interview" when none says "steps". */
export function presumedFromOf(budget: Budget): PresumedFrom {
  let steps = false;
  let interview = false;
  for (const item of [...budget.items, ...(budget.otherCurrency ?? [])]) {
    if (item.status !== "presumed") continue;
    if (item.presumedFrom === "steps") steps = true;
    else interview = true;
  }
  return steps ? (interview ? "both" : "steps") : "interview";
}

/** A budget's presumed-paid total's label: "Presumed paid, from your interview (estimated at current fees)". */
export function presumedPaidLabel(budget: Budget): string {
  return presumedPaidWords(presumedFromOf(budget));
}

function presumedPaidWords(from: PresumedFrom): string {
  return `Presumed paid, from ${PRESUMED_WORDS[from].from} (estimated at current fees)`;
}

/** What a budget's presumed-paid lines are presumed from, in words: "your interview", "the steps you marked done". */
export function presumedSource(budget: Budget): string {
  return PRESUMED_WORDS[presumedFromOf(budget)].from;
}

/** The presumed-paid total's label for fees of steps an interview presumes done, never reported. */
export const PRESUMED_PAID = presumedPaidWords("interview");

/**
 * A paid fee's note. Matchpath never asks what the applicant paid, so a paid amount is the fee
 * table's, an estimate, and says so ("Paid $680" for a fee never given): the fee in force then when
 * its step's day is known (`pricedThen`, fee-in-force.ts), else today's.
 * A flag's "check … before paying" is advice for a fee still to pay, so a paid row
 * keeps only what the flag says about the amount, after what settles it for the applicant.
 */
export function paidNote(verify: string | undefined, amount: string, pricedThen = false): string {
  const estimate = `an estimate at ${pricedThen ? "the fee in force then" : "today's fee"} from Matchpath's fee table, not an amount you gave us`;
  if (verify === undefined) return `Paid: your receipt shows what you paid; ${amount} is ${estimate}`;
  const about = flagAbout(verify);
  const figure = about === "" ? `${amount} is the figure in Matchpath's fee table, flagged to verify` : about;
  return `Paid: your receipt shows what you paid; ${figure}; the amount here is ${estimate}`;
}

/**
 * A paid or presumed-paid fee's flag in its row's words (paidNote, presumedNote): the timeline's,
 * the email's and the printed budget's footnote alike.
 */
export function settledNote(
  item: Pick<BudgetItem, "status" | "verify" | "amountUsd" | "pricedThen" | "presumedFrom">,
): string {
  const amount = usd(item.amountUsd);
  return item.status === "presumed"
    ? presumedNote(item.verify, amount, item.presumedFrom)
    : paidNote(item.verify, amount, item.pricedThen === true);
}

/**
 * A presumed-paid fee's note: its step was never reported, the interview (or, `from` "steps", a
 * later step marked done) suggests it is done, so the fee is presumed paid, apart from what the
 * applicant reported paid; the amount is the fee table's (with what a flag says about it, as
 * paidNote keeps it).
 */
export function presumedNote(
  verify: string | undefined,
  amount: string,
  from: PresumedFrom = "interview",
): string {
  const paid = paidNote(verify, amount).replace(/^Paid: your receipt shows what you paid; /, "");
  const words = PRESUMED_WORDS[from];
  return `Presumed from ${words.from}: ${words.row}, so this fee is counted as presumed paid, apart from what you told us you paid; ${paid}. Tell us the step's status to confirm it`;
}

/** What a flag says about a paid amount: its clauses without "verify …:" and "before paying" advice. */
function flagAbout(verify: string): string {
  return verify
    .replace(/^flagged,\s*verify[^:]*:\s*/i, "")
    .split(/;\s*/)
    .filter((clause) => !/before paying/i.test(clause))
    .join("; ");
}

/**
 * A presumed-paid row's own note when the budget says the presumption once, under its table
 * (PRESUMED_ONCE, the email on a narrow phone): only what a flag says about the amount, else none.
 */
export function presumedFlagNote(verify: string | undefined): string | undefined {
  const about = verify === undefined ? "" : flagAbout(verify);
  return about === "" ? undefined : about.charAt(0).toUpperCase() + about.slice(1);
}

/**
 * The presumption said once for a budget's presumed-paid rows (presumedNote), not repeated on every
 * row: on a 360 px phone the email's rows would run about 16 lines each. Which
 * fees: the rows marked "Presumed paid"; why: the interview (or later steps marked done, `from`),
 * and no status reported.
 */
export function presumedOnceNote(from: PresumedFrom): string {
  return `Fees marked “Presumed paid”: ${PRESUMED_WORDS[from].once}, so they are counted as paid, apart from what you told us you paid, at the amounts in Matchpath's fee table (estimates). Tell us each step's status to confirm them.`;
}

/** presumedOnceNote for fees an interview presumes. */
export const PRESUMED_ONCE = presumedOnceNote("interview");

/** A paid amount as shown: "about $680", an estimate (paidNote says why). */
export function paidAmount(amount: string): string {
  return `about ${amount}`;
}

/**
 * The presumed-paid total per currency, never converted (as budgetTotals' others): "about $2,070
 * plus AU$587", null when nothing is presumed, so it is shown only then.
 */
export function presumedTotal(budget: Budget): string | null {
  const others = (budget.otherCurrency ?? []).filter((item) => item.status === "presumed");
  const presumedUsd = budget.presumedUsd ?? 0;
  if (presumedUsd === 0 && others.length === 0) return null;
  const amounts = [...(presumedUsd === 0 ? [] : [usd(presumedUsd)]), ...others.map((item) => item.display)];
  return paidAmount(amounts.join(" plus "));
}
