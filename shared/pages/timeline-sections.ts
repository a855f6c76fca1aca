import { presumedPaidLabel } from "#domain/budget-paid-words.ts";
import { budgetTable } from "#domain/budget-table.ts";
import { type BudgetRow, budgetNote, budgetTotals, PAID_SO_FAR } from "#domain/budget-words.ts";
import { basisMark } from "#domain/date-basis.ts";
import {
  deadlineWords,
  reminderDateLabel,
  reminderShownDate,
  SOURCES_HEADING,
  yourTimeSuffix,
} from "#domain/date-words.ts";
import { remindersInReadingOrder } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Budget, NextStep, Plan, Reminder } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { groupIntoEmails, weeklySummaryDay } from "#domain/weekly-summary.ts";
import { forPeople } from "#email/for-people.ts";
import { oneReminderPerStep } from "#email/one-item-per-step.ts";
import { humanInstant } from "./dates.ts";
import { escapeHtml as e } from "./layout.ts";
import type { TimelineInput } from "./timeline-page.ts";

/*
 * The timeline page's sections that stand on their own (timeline-page.ts puts them in order): a
 * risk's sources, the emails still to come, the budget table, and for a Match that is over, the
 * page's lead and the record of that season's steps.
 */

const COMING_EMAILS_SHOWN = 6;

/** A risk's provenance (projection rules, the authority's pages), folded under its sentence. */
export function sourcesHtml(sources: readonly string[] | undefined): string {
  if (!sources || sources.length === 0) return "";
  return `<details><summary>${SOURCES_HEADING}</summary><ul>${sources.map((source) => `<li>${e(forPeople(source))}</li>`).join("")}</ul></details>`;
}

function reminderWords(reminder: Reminder): string {
  // A notice with no date (isUndatedNotice) is listed as one, as the email words it.
  if (isUndatedNotice(reminder)) return `${e(reminder.title)} (notice)`;
  // An overdue step's chase: the date it missed, with who set it, as its email says.
  const shown = reminderShownDate(reminder);
  const mark = reminder.overdueSince === undefined ? "" : basisMark(shown, "comma");
  return `${e(reminder.title)} (${reminderDateLabel(reminder).inline} ${e(deadlineWords(shown).local)}${mark})`;
}

/**
 * The emails still to come, one row per email (two reminders arriving in one email
 * were listed as two): its time in the applicant's zone, then what it carries; a weekly summary
 * says so.
 */
export function comingEmailsHtml(input: TimelineInput): string {
  // Each email's items in the order the email gives them (renderReminderEmail's reading order).
  const steps = listedInReadingOrder(input.plan, input.timezone);
  const emails = groupIntoEmails(input.comingReminders)
    .slice(0, COMING_EMAILS_SHOWN)
    .map((together) => remindersInReadingOrder(together, steps));
  const rows = emails.map((together) => {
    // One row per item the email gives: one per step, a notice speaking for its step's rungs
    // (oneReminderPerStep; a notice and its step's rung were two rows).
    const items = oneReminderPerStep(together).map((kept) => kept.reminder);
    const [first] = items;
    if (!first) return "";
    const when = `<strong>${e(humanInstant(input.timezone, first.sendAt))}</strong>`;
    const summary = weeklySummaryDay(input.preferences, together) !== undefined;
    if (items.length === 1 && !summary) return `<li>${when}: ${reminderWords(first)}</li>`;
    const what = summary ? "your weekly summary, with" : `one email about ${items.length} reminders`;
    return `<li>${when}: ${what}<ul>${items.map((reminder) => `<li>${reminderWords(reminder)}</li>`).join("")}</ul></li>`;
  });
  return `<section aria-labelledby="emails"><h2 id="emails">Your next emails</h2>${
    rows.length === 0 ? `<p>${noEmailWords(input.plan)}</p>` : `<ul>${rows.join("")}</ul>`
  }<p><a href="${e(input.links.preferences)}">Choose when and which emails you get</a></p></section>`;
}

/** Why no email is listed: a season that is over says so plainly. */
function noEmailWords(plan: Plan): string {
  if (!plan.risks.some((risk) => risk.code === "SEASON_OVER")) return "No reminder is planned yet.";
  return `No email is planned: the Match ${plan.matchYear} season has passed for you, so there is nothing left to remind you of for it (see <a href="#risks">Risks to watch</a>).`;
}

/**
 * Every fee the plan has, with its flag, and the totals per currency; the
 * presumption said once under the table, as the email says it (budgetTable).
 */
export function budgetHtml(budget: Budget): string {
  const totals = budgetTotals(budget);
  const table = budgetTable(budget);
  // A fee's note has a row of its own across the table, as in the email: in the name cell, a
  // 115 px column at 320 px, a flag's note would run 20-40 lines. The name breaks between words
  // only (td.item): main's overflow-wrap:anywhere would let the table squeeze its column.
  const rows = table.rows
    .map(
      (row) =>
        `<tr${row.note ? ' class="noted"' : ""}><td class="item">${e(row.label)}</td><td class="status">${row.status}</td><td class="amount">${e(row.amount)}</td></tr>${row.note ? `<tr class="fee-note"><td colspan="3" class="due">${noteHtml(row)}</td></tr>` : ""}`,
    )
    .join("");
  return `<section aria-labelledby="budget"><h2 id="budget">Budget</h2>
<table><caption class="due">${e(budgetNote(budget))}</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${e(PAID_SO_FAR)}</th><td></td><td class="amount">${e(totals.paid)}</td></tr>
${totals.presumed === undefined ? "" : `<tr><th scope="row">${e(presumedPaidLabel(budget))}</th><td></td><td class="amount">${e(totals.presumed)}</td></tr>\n`}<tr><th scope="row">Still to pay</th><td></td><td class="amount">${e(totals.toPay)}</td></tr></tfoot></table>
${table.presumedNote === undefined ? "" : `<p class="due">${e(table.presumedNote)}</p>\n`}<details><summary>Where these amounts come from</summary><ul>${table.rows
    .map(
      (row) =>
        `<li>${e(row.label)}: ${e(row.source)}</li>${row.verifyAt ? `<li>${e(row.label)}, to verify the amount: ${e(row.verifyAt.page)}, ${e(row.verifyAt.url)}</li>` : ""}`,
    )
    .join("")}</ul></details></section>`;
}

/** SEASON_OVER with SOAP still open to the applicant: the plan keeps its SOAP step (season-over-state.ts). */
function soapStillOpen(plan: Plan): boolean {
  return plan.nextSteps.some((step) => step.milestone === "soap");
}

/** SEASON_OVER with SOAP ended and its outcome awaited (noListSoapOutcome): Match Day's step asks it. */
function soapOutcomeAwaited(plan: Plan): boolean {
  return plan.nextSteps.some((step) => step.milestone === "match_day");
}

/**
 * For an applicant whose target season is over (the SEASON_OVER risk), the page's lead: that the
 * season is over and what to do for the next Match, the risk's own message
 * (it sat in Risks below a year of red "Overdue" steps).
 */
export function seasonOverLead(plan: Plan): string {
  const risk = plan.risks.find((candidate) => candidate.code === "SEASON_OVER");
  if (risk === undefined) return "";
  const heading = soapStillOpen(plan)
    ? `The Match ${plan.matchYear} ranking is over for you, SOAP is not`
    : soapOutcomeAwaited(plan)
      ? `Your Match ${plan.matchYear} season hangs on SOAP: did you accept an offer?`
      : `Your Match ${plan.matchYear} season is over`;
  return `<section aria-labelledby="season-over"><h2 id="season-over">${heading}</h2><div class="note critical"><p>${e(forPeople(risk.message))}</p>${sourcesHtml(risk.sources)}</div></section>`;
}

/**
 * For an applicant whose school has no ECFMG sponsor note (SCHOOL_NOT_ECFMG_ELIGIBLE), the page's
 * lead, as for a season that is over: the problem and what resolves it, the risk's own message
 * (it sat near the page's end, below 22 blocked steps).
 */
export function notEligibleLead(plan: Plan): string {
  const risk = plan.risks.find((candidate) => candidate.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");
  if (risk === undefined) return "";
  return `<section aria-labelledby="not-eligible"><h2 id="not-eligible">Your school has no ECFMG sponsor note yet</h2><div class="note critical"><p>${e(forPeople(risk.message))}</p>${sourcesHtml(risk.sources)}</div></section>`;
}

/**
 * The passed season's steps (seasonPassedFor), below the rest as a record: when each was due, in
 * the applicant's zone, with no urgency badge, no "projected" tag (the season is history) and no
 * action, since nothing can be marked for a season that is over.
 */
export function pastSeasonHtml(steps: readonly Pick<NextStep, "title" | "deadline">[], plan: Plan): string {
  if (steps.length === 0) return "";
  return `<section aria-labelledby="past-season"><h2 id="past-season">From the ${plan.matchYear} season</h2>
<p class="due">${soapStillOpen(plan) || soapOutcomeAwaited(plan) ? `These steps of the Match ${plan.matchYear} season can no longer be done` : `These steps belonged to the Match ${plan.matchYear} season, which has passed for you`}, so there is nothing to mark here. What to do for the ${plan.matchYear + 1} Match is at the top of this page.</p><ul class="steps">${steps
    .map(
      (step) =>
        `<li><h3>${e(step.title)}</h3>${step.deadline ? `<p class="due">Was due <strong>${e(deadlineWords(step.deadline).local)}</strong>${yourTimeSuffix(step.deadline)}</p>` : ""}</li>`,
    )
    .join("\n")}</ul></section>`;
}

/**
 * A budget row's note, escaped, with the page to verify a flagged fee on as a link named by its
 * host: the full address in a table cell broke mid-word at 360-390 px (timeline-narrow); the
 * address itself is under "Where these amounts come from".
 */
function noteHtml(row: BudgetRow): string {
  // A range of years ("2016–17") stays whole: a line may break after an en dash, and a narrow
  // column (the presumed-paid rows') broke NRMP's "2016–17," there at 360 px.
  const note = e(row.note ?? "").replace(/(\d)–(\d)/g, "$1–\u2060$2");
  if (row.verifyAt === undefined) return note;
  const { url } = row.verifyAt;
  return note.replace(e(url), `<a href="${e(url)}">${e(new URL(url).hostname.replace(/^www\./, ""))}</a>`);
}
