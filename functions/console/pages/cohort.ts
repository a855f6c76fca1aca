import { whyForAdvisor } from "#domain/console/advisor-voice.ts";
import {
  type CohortRow,
  type CohortSort,
  countsByStage,
  seasonOf,
  sharedAddresses,
} from "#domain/console/cohort-row.ts";
import { STAGE_LABELS, STAGES } from "#domain/console/stage.ts";
import { leftMatchWords } from "#domain/match-year-heading.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { h, rowCountdownWords, rowDeadlineWhen, when } from "./html.ts";

function riskCell(row: CohortRow): string {
  const parts = [];
  if (row.risks.critical > 0) parts.push(`<span class="critical">${row.risks.critical} critical</span>`);
  if (row.risks.warning > 0) parts.push(`<span class="warning">${row.risks.warning} warning</span>`);
  if (row.overdue > 0) parts.push(`<span class="critical">${row.overdue} overdue</span>`);
  return parts.length > 0 ? parts.join(", ") : `<span class="ok">none</span>`;
}

/**
 * The applicant's own last email (reminders, resends): escalations to the advisor are on their page's ledger.
 * An unsubscribe is said beside it whatever SES reported on that email: nothing reaches them since.
 */
function emailCell(row: CohortRow): string {
  const unsubscribed =
    row.unsubscribedAt === undefined
      ? ""
      : `<br><span class="critical">unsubscribed since ${when(row.unsubscribedAt)}: no reminders reach them</span>`;
  if (row.lastEmail === undefined) return `<span class="muted">none sent to them yet</span>${unsubscribed}`;
  const bad = ["bounced", "complained", "rejected", "rendering-failed", "unsubscribed"].includes(
    row.lastEmail.outcome,
  );
  return `${when(row.lastEmail.sentAt)} <span class="${bad ? "critical" : "ok"}">${h(row.lastEmail.outcome)}</span>${unsubscribed}`;
}

/**
 * The Match column: the year the applicant targets, and when the plan is dated for a later one, that
 * year and why, as the applicant's heading says it (leftMatchWords): "2027 → 2028 (2027 out of
 * reach)", or "2027 → 2028 (2027: not matched, not in SOAP)" for a Match gone through; when the
 * applicant's season is over, the Match the row's next date is for, if a later one.
 */
function matchCell(row: CohortRow): string {
  const arrow = `${row.matchYear} <span aria-hidden="true">→</span><span class="visually-hidden"> planned for</span>`;
  if (row.plannedMatchYear !== undefined) {
    return `${arrow} ${row.plannedMatchYear} (${leftMatchWords(row.matchYear, row.risks.codes)})`;
  }
  // A season over whose next date is the next Match's: "2027 → 2028 (2027 season over)".
  const next = row.nextDeadline?.matchYear;
  return next === undefined ? String(row.matchYear) : `${arrow} ${next} (${row.matchYear} season over)`;
}

/**
 * Under the name of an applicant whose email address another record shares (sharedAddresses): who,
 * and what it means, since each is emailed and an unsubscribe silences the address for all.
 */
function sharedAddressNote(others: readonly string[] | undefined): string {
  if (others === undefined) return "";
  return `<br><span class="warning">Same email address as ${h(others.join(", "))}: ${others.length > 1 ? "each is" : "both are"} emailed, and an unsubscribe stops ${others.length > 1 ? "them all" : "both"}. A form sent twice? Erase the extra record from its page.</span>`;
}

export interface CohortQuery {
  risk?: string;
  sort: CohortSort;
  season?: string;
  advisor?: string;
  stage?: string;
  /** 1-based; pages hold COHORT_PAGE_ROWS rows. */
  page: number;
}

/**
 * Rows per cohort page. Counts, filters and sorting always cover the whole cohort; only the table
 * is cut, so a browser renders at most this many rows (the CSV export has them all).
 */
export const COHORT_PAGE_ROWS = 100;

/** The query as URL parameters, without the page (the CSV export's, and the pager's base). */
function filterParams(query: CohortQuery): URLSearchParams {
  return new URLSearchParams(
    Object.entries(query).filter(
      ([name, value]) => name !== "page" && value !== undefined && value !== "",
    ) as [string, string][],
  );
}

/** How many pages `matched` rows fill (at least one), and the page shown: the asked one, or the last when it asked beyond. */
function pagesOf(query: CohortQuery, matched: number): { pages: number; current: number } {
  const pages = Math.max(1, Math.ceil(matched / COHORT_PAGE_ROWS));
  return { pages, current: Math.min(query.page, pages) };
}

function pager(query: CohortQuery, matched: number): string {
  const { pages, current } = pagesOf(query, matched);
  if (pages === 1) return "";
  const link = (page: number, label: string, rel: string) => {
    const params = filterParams(query);
    params.set("page", String(page));
    return `<a href="#/cohort?${h(params.toString())}" rel="${rel}">${label}</a>`;
  };
  return `<nav class="pager" aria-label="Cohort pages">${current > 1 ? link(current - 1, "← Previous page", "prev") : ""}
<span>Page ${current} of ${pages}</span>${current < pages ? link(current + 1, "Next page →", "next") : ""}</nav>`;
}

/** A page asked beyond the last: said, with the last page shown instead. */
function beyondLastPage(query: CohortQuery, matched: number): string {
  const { pages, current } = pagesOf(query, matched);
  if (query.page <= pages) return "";
  return `<p class="notice" role="status">There is no page ${query.page}: ${matched} ${matched === 1 ? "applicant matches" : "applicants match"}, on ${pages} ${pages === 1 ? "page" : "pages"}. Showing page ${current}, the last.</p>`;
}

/**
 * Why the table is empty, when it is: an advisor with no applicant yet, or
 * filters that match none. The explanation sits outside the scrolling table, so a phone shows it
 * whole (a caption inside the scrolling region is cut off at its right edge).
 */
function emptyCohort(principal: Principal, matched: number, all: number): string {
  if (matched > 0) return "";
  if (all > 0)
    return '<p class="notice" role="status">No applicant matches these filters: choose "all" in a filter to see more.</p>';
  return principal.role === "admin"
    ? '<p class="notice" role="status">No applicants yet: they appear here once their intake is received and planned.</p>'
    : '<p class="notice" role="status">No applicants are assigned to you yet: an applicant is yours when their intake names your email as their advisor (advisorEmail).</p>';
}

/** GET /console/cohort */
export function cohortFragment(
  principal: Principal,
  rows: CohortRow[],
  all: CohortRow[],
  query: CohortQuery,
): string {
  const counts = countsByStage(all);
  const seasons = [...new Set(all.map(seasonOf))].sort();
  const advisors = [...new Set(all.flatMap((row) => (row.advisorEmail ? [row.advisorEmail] : [])))].sort();
  const option = (value: string, label: string, selected: string | undefined) =>
    `<option value="${h(value)}"${selected === value ? " selected" : ""}>${h(label)}</option>`;
  const csvQuery = filterParams(query);
  const first = (pagesOf(query, rows.length).current - 1) * COHORT_PAGE_ROWS;
  const shown = rows.slice(first, first + COHORT_PAGE_ROWS);
  const shared = sharedAddresses(all);
  return `<h1>Cohort</h1>
<p class="muted">${principal.role === "admin" ? "Every applicant (admin)." : `Applicants advised by ${h(principal.email)}.`} ${all.length} in all, ${rows.length} match${shown.length < rows.length ? `, rows ${first + 1}–${first + shown.length} shown` : ""}.</p>
${beyondLastPage(query, rows.length)}
<ul class="counts" aria-label="Applicants per stage">${STAGES.map((stage) => `<li>${h(STAGE_LABELS[stage])}: <strong>${counts[stage]}</strong></li>`).join("")}</ul>
<form class="filters" hx-get="/console/cohort" hx-target="#main" hx-swap="innerHTML">
<span class="field"><label for="f-risk">Risk</label><select id="f-risk" name="risk">${option("", "all", query.risk)}${option("critical", "critical only", query.risk)}${option("any", "any risk", query.risk)}</select></span>
<span class="field"><label for="f-season">Season</label><select id="f-season" name="season">${option("", "all", query.season)}${seasons.map((year) => option(String(year), `${year} Match`, query.season)).join("")}</select></span>
${principal.role === "admin" ? `<span class="field"><label for="f-advisor">Advisor</label><select id="f-advisor" name="advisor">${option("", "all", query.advisor)}${advisors.map((advisor) => option(advisor, advisor, query.advisor)).join("")}</select></span>` : ""}
<span class="field"><label for="f-stage">Stage</label><select id="f-stage" name="stage">${option("", "all", query.stage)}${STAGES.map((stage) => option(stage, STAGE_LABELS[stage], query.stage)).join("")}</select></span>
<span class="field"><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${option("risk", "risk", query.sort)}${option("deadline", "next date", query.sort)}${option("name", "name", query.sort)}${option("season", "season", query.sort)}${principal.role === "admin" ? option("advisor", "advisor", query.sort) : ""}</select></span>
<button type="submit">Apply</button>
<a href="/console/cohort.csv?${h(csvQuery.toString())}" data-download="cohort.csv">Export CSV</a>
</form>
${emptyCohort(principal, rows.length, all.length)}<p class="muted" id="cohort-table-about">Match: the year the applicant targets, then, when that Match is out of reach or left them no position, the year their dates are for and why (the season the filter and sort use), or, when its season is over, the year their next date is for. Open risks by severity, the next date (what the plan counts down to: a hard deadline, or a target to aim for, marked as one, with the deadline under it), and the latest email with what became of it.</p>
<div class="table-scroll stack-on-phone" tabindex="0" role="region" aria-label="Cohort table" aria-describedby="cohort-table-about"><table>
<thead><tr><th scope="col">Applicant</th><th scope="col">Match</th><th scope="col">Stage</th><th scope="col">Next date</th><th scope="col">Open risks</th><th scope="col">Last email to the applicant</th>${principal.role === "admin" ? '<th scope="col">Advisor</th>' : ""}</tr></thead>
<tbody>
${shown
  .map(
    (
      row,
    ) => `<tr><td><a href="#/applicants/${h(row.applicantId)}">${h(row.fullName)}</a>${row.remindersPausedAt ? ' <span class="badge">paused</span>' : ""}${sharedAddressNote(shared.get(row.applicantId))}</td>
<td data-label="Match"><span class="cell-label" aria-hidden="true">Match: </span>${matchCell(row)}</td><td data-label="Stage"><span class="cell-label" aria-hidden="true">Stage: </span>${h(STAGE_LABELS[row.stage])}</td>
<td data-label="Next date" class="key-2"><span class="cell-label" aria-hidden="true">Next date: </span>${row.nextDeadline ? `${h(nextDateTitle(row.nextDeadline, row.fullName))}<br>${rowDeadlineWhen(row.nextDeadline)}` : nothingPlanned(row)}</td>
<td data-label="Open risks" class="key-1"><span class="cell-label" aria-hidden="true">Open risks: </span>${riskCell(row)}</td><td data-label="Last email"><span class="cell-label" aria-hidden="true">Last email: </span>${emailCell(row)}</td>${principal.role === "admin" ? `<td data-label="Advisor"><span class="cell-label" aria-hidden="true">Advisor: </span>${h(row.advisorEmail ?? "unassigned")}</td>` : ""}</tr>`,
  )
  .join("\n")}
</tbody></table></div>
${pager(query, rows.length)}`;
}

/**
 * What the row's next date is for: a step by the advisor's name for it (planFacts); the next email
 * by its subject, the applicant's words ("The 2027 Match is over for you"), quoted as what they read.
 */
function nextDateTitle(next: NonNullable<CohortRow["nextDeadline"]>, fullName: string): string {
  return next.kind === "email" ? whyForAdvisor(next.title, fullName) : next.title;
}

/**
 * A row with no next date: with no ECFMG sponsor note every step waits for it and no email is left to
 * send, which the row says, so the advisor reads neither a stuck system nor one about to email again.
 */
function nothingPlanned(row: CohortRow): string {
  return row.risks.codes.includes("SCHOOL_NOT_ECFMG_ELIGIBLE")
    ? "Nothing planned until the school's ECFMG sponsor note is granted"
    : "—";
}

/** RFC 4180 CSV of every row that matches (never one page). */
export function cohortCsv(rows: CohortRow[]): string {
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? "" : String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = [
    "applicantId",
    "fullName",
    "email",
    "advisorEmail",
    "matchYear",
    "visa",
    "stage",
    "nextDeadline",
    "nextDeadlineAt",
    "criticalRisks",
    "warningRisks",
    "overdue",
    "lastEmailAt",
    "lastEmailOutcome",
    "remindersPausedAt",
    // The row's date in words (ET, a whole day, or an interview's start at the program), named as it
    // was first, so readers of the CSV keep working; last, so the columns before it keep their
    // places; the ISO nextDeadlineAt is for machines.
    "nextDeadlineEt",
    // The Match the plan is dated for (the season filter's): matchYear's, or a later one when that is out of reach.
    "plannedMatchYear",
    // When the applicant unsubscribed: lastEmailOutcome is SES's report on that email, which says
    // "delivered" whether or not they left since. Last, as the columns added before it.
    "unsubscribedAt",
  ];
  const lines = rows.map((row) =>
    [
      row.applicantId,
      row.fullName,
      row.email,
      row.advisorEmail,
      row.matchYear,
      row.visa,
      row.stage,
      row.nextDeadline === undefined ? undefined : nextDateTitle(row.nextDeadline, row.fullName),
      row.nextDeadline?.at,
      row.risks.critical,
      row.risks.warning,
      row.overdue,
      row.lastEmail?.sentAt,
      row.lastEmail?.outcome,
      row.remindersPausedAt,
      row.nextDeadline === undefined ? undefined : rowCountdownWords(row.nextDeadline),
      seasonOf(row),
      row.unsubscribedAt,
    ]
      .map(cell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
