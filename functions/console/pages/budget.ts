import { presumedPaidLabel } from "#domain/budget-paid-words.ts";
import { budgetTable } from "#domain/budget-table.ts";
import { budgetNote, budgetTotals, PAID_SO_FAR } from "#domain/budget-words.ts";
import { whyForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Budget } from "#domain/plan.ts";
import { h } from "./html.ts";

/**
 * The applicant page's budget: the one the applicant's own timeline shows,
 * from the same rows and totals (budget-words.ts): every fee with its status (Paid, Presumed
 * paid, Coming, To verify) and flag, fees in another currency as the authority writes them, and the totals per
 * currency, never converted. Where each amount comes from is in a collapsed list below, and each
 * fee's note folds under its name (spelled out, the notes make the table about 6,000 px tall on a
 * 390 px phone). Why fees are presumed paid is said once, under the table.
 * The caption, the notes and that line are the applicant's timeline's sentences, written to them
 * ("your receipt shows what you paid"): the advisor reads them quoted as what `fullName` reads
 * (whyForAdvisor), as the timeline card's whys.
 */
export function budgetSection(budget: Budget, fullName = "the applicant"): string {
  const theirs = (text: string) => h(whyForAdvisor(text, fullName));
  // The presumption said once under the table, as on the timeline and in the email: one note, not one a row.
  const { rows, presumedNote } = budgetTable(budget);
  if (rows.length === 0) return "<h2>Budget</h2><p>No fees in the plan.</p>";
  const totals = budgetTotals(budget);
  const body = rows
    .map(
      (row) =>
        `<tr><td>${h(row.label)}${row.note ? `<details class="fee-note"><summary>Note<span class="visually-hidden"> on ${h(row.label)}</span></summary><span class="muted">${theirs(row.note)}</span></details>` : ""}</td><td>${h(row.status)}</td><td class="amount">${h(row.amount)}</td></tr>`,
    )
    .join("");
  return `<h2>Budget</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="Budget table"><table><caption class="muted">${theirs(budgetNote(budget))}</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>${body}</tbody>
<tfoot><tr><th scope="row">${h(PAID_SO_FAR)}</th><td></td><td class="amount">${h(totals.paid)}</td></tr>
${totals.presumed === undefined ? "" : `<tr><th scope="row">${h(presumedPaidLabel(budget))}</th><td></td><td class="amount">${h(totals.presumed)}</td></tr>\n`}<tr><th scope="row">Still to pay</th><td></td><td class="amount">${h(totals.toPay)}</td></tr></tfoot></table></div>
${presumedNote === undefined ? "" : `<p class="muted">${theirs(presumedNote)}</p>\n`}<details class="sources"><summary>Where these amounts come from</summary><ul>${rows.map((row) => `<li>${h(row.label)}: ${h(row.source)}</li>${row.verifyAt ? `<li>${h(row.label)}, to verify the amount: ${h(row.verifyAt.page)}, ${h(row.verifyAt.url)}</li>` : ""}`).join("")}</ul></details>`;
}
