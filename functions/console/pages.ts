import { catalogEntry } from "#domain/catalog/index.ts";
import { type CohortRow, type CohortSort, countsByStage } from "#domain/console/cohort-row.ts";
import { STAGE_LABELS, STAGES, type Stage } from "#domain/console/stage.ts";
import type { PlanDiff } from "#domain/console/what-if.ts";
import { MILESTONE_KEYS, type MilestoneKey } from "#domain/snapshot.ts";
import { escapeHtml as h } from "#email/html.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { type ApplicantView, normalizeName, type WhatIfResult } from "#usecases/console.ts";

/**
 * The console's server-rendered HTML. Protected routes answer fragments that the shell swaps into
 * its <main> (htmx); links are #/paths the shell routes, so the bearer token rides on every request.
 */

export interface ShellConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  redirectUri: string;
  apiBase: string;
}

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "401", swap: false, error: true },
    { code: "[45]..", swap: true, error: true },
  ],
});

/** GET /console: the shell (no data; the sign-in starts and finishes here). */
export function shellPage(config: ShellConfig): string {
  // "<" is escaped so the JSON cannot close its script element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Matchpath console</title>
<link rel="icon" href="data:,">
<meta name="htmx-config" content='${h(HTMX_CONFIG)}'>
<link rel="stylesheet" href="${h(config.apiBase)}/console/assets/console.css">
<script src="${h(config.apiBase)}/console/assets/htmx.min.js" defer></script>
<script src="${h(config.apiBase)}/console/assets/console.js" defer></script>
<script type="application/json" id="console-config">${json}</script>
</head><body>
<header class="bar"><strong>Matchpath console</strong><a href="#/cohort">Cohort</a>
<span class="who" id="who"></span><button type="button" id="sign-out">Sign out</button></header>
<p id="status" role="status" class="status visually-hidden"></p>
<main id="main"><p>Loading…</p></main>
</body></html>`;
}

function when(iso: string | undefined | null): string {
  if (!iso) return "—";
  return `<time datetime="${h(iso)}">${h(iso.slice(0, 16).replace("T", " "))} UTC</time>`;
}

function riskCell(row: CohortRow): string {
  const parts = [];
  if (row.risks.critical > 0) parts.push(`<span class="critical">${row.risks.critical} critical</span>`);
  if (row.risks.warning > 0) parts.push(`<span class="warning">${row.risks.warning} warning</span>`);
  if (row.overdue > 0) parts.push(`<span class="critical">${row.overdue} overdue</span>`);
  return parts.length > 0 ? parts.join(", ") : `<span class="ok">none</span>`;
}

function emailCell(row: CohortRow): string {
  if (row.lastEmail === undefined) return `<span class="muted">none yet</span>`;
  const bad = ["bounced", "complained", "rejected", "rendering-failed", "unsubscribed"].includes(
    row.lastEmail.outcome,
  );
  return `${when(row.lastEmail.sentAt)} <span class="${bad ? "critical" : "ok"}">${h(row.lastEmail.outcome)}</span>`;
}

export interface CohortQuery {
  risk?: string;
  sort: CohortSort;
  season?: string;
  advisor?: string;
  stage?: string;
}

/** GET /console/cohort */
export function cohortFragment(
  principal: Principal,
  rows: CohortRow[],
  all: CohortRow[],
  query: CohortQuery,
): string {
  const counts = countsByStage(all);
  const seasons = [...new Set(all.map((row) => row.matchYear))].sort();
  const advisors = [...new Set(all.flatMap((row) => (row.advisorEmail ? [row.advisorEmail] : [])))].sort();
  const option = (value: string, label: string, selected: string | undefined) =>
    `<option value="${h(value)}"${selected === value ? " selected" : ""}>${h(label)}</option>`;
  const csvQuery = new URLSearchParams(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== "") as [string, string][],
  );
  return `<h1>Cohort</h1>
<p class="muted">${principal.role === "admin" ? "Every applicant (admin)." : `Applicants advised by ${h(principal.email)}.`} ${all.length} in all, ${rows.length} shown.</p>
<ul class="counts" aria-label="Applicants per stage">${STAGES.map((stage) => `<li>${h(STAGE_LABELS[stage])}: <strong>${counts[stage]}</strong></li>`).join("")}</ul>
<form class="filters" hx-get="/console/cohort" hx-target="#main" hx-swap="innerHTML">
<span class="field"><label for="f-risk">Risk</label><select id="f-risk" name="risk">${option("", "all", query.risk)}${option("critical", "critical only", query.risk)}${option("any", "any risk", query.risk)}</select></span>
<span class="field"><label for="f-season">Season</label><select id="f-season" name="season">${option("", "all", query.season)}${seasons.map((year) => option(String(year), `${year} Match`, query.season)).join("")}</select></span>
${principal.role === "admin" ? `<span class="field"><label for="f-advisor">Advisor</label><select id="f-advisor" name="advisor">${option("", "all", query.advisor)}${advisors.map((advisor) => option(advisor, advisor, query.advisor)).join("")}</select></span>` : ""}
<span class="field"><label for="f-stage">Stage</label><select id="f-stage" name="stage">${option("", "all", query.stage)}${STAGES.map((stage) => option(stage, STAGE_LABELS[stage], query.stage)).join("")}</select></span>
<span class="field"><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${option("risk", "risk", query.sort)}${option("deadline", "next deadline", query.sort)}${option("name", "name", query.sort)}${option("season", "season", query.sort)}${option("advisor", "advisor", query.sort)}</select></span>
<button type="submit">Apply</button>
<a href="/console/cohort.csv?${h(csvQuery.toString())}" data-download="cohort.csv">Export CSV</a>
</form>
<div class="table-scroll" tabindex="0" role="region" aria-label="Cohort table"><table><caption class="muted">Open risks by severity, the next deadline, and the latest email with what became of it.</caption>
<thead><tr><th scope="col">Applicant</th><th scope="col">Match</th><th scope="col">Stage</th><th scope="col">Next deadline</th><th scope="col">Open risks</th><th scope="col">Last email</th>${principal.role === "admin" ? '<th scope="col">Advisor</th>' : ""}</tr></thead>
<tbody>
${rows
  .map(
    (
      row,
    ) => `<tr><td><a href="#/applicants/${h(row.applicantId)}">${h(row.fullName)}</a>${row.remindersPausedAt ? ' <span class="badge">paused</span>' : ""}</td>
<td>${row.matchYear}</td><td>${h(STAGE_LABELS[row.stage])}</td>
<td>${row.nextDeadline ? `${h(row.nextDeadline.title)}<br>${when(row.nextDeadline.at)}${row.nextDeadline.status === "projected" ? ' <span class="badge">projected</span>' : ""}` : "—"}</td>
<td>${riskCell(row)}</td><td>${emailCell(row)}</td>${principal.role === "admin" ? `<td>${h(row.advisorEmail ?? "unassigned")}</td>` : ""}</tr>`,
  )
  .join("\n")}
</tbody></table></div>`;
}

/** RFC 4180 CSV of the rows shown. */
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
      row.nextDeadline?.title,
      row.nextDeadline?.at,
      row.risks.critical,
      row.risks.warning,
      row.overdue,
      row.lastEmail?.sentAt,
      row.lastEmail?.outcome,
      row.remindersPausedAt,
    ]
      .map(cell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}

/** GET /console/applicants/:id */
export function applicantFragment(view: ApplicantView, today: string): string {
  const { state, plan } = view;
  const profile = state.profile;
  const id = h(profile.applicantId);
  const done = state.milestones.filter(
    (milestone) => milestone.status === "done" || milestone.status === "waived",
  );
  const overdueKeys = new Set(plan.overdue.map((step) => `${step.milestone}:${step.interviewId ?? ""}`));
  const messages = new Map<
    string,
    {
      sentAt?: string;
      claimedAt: string;
      delivery?: string;
      deliveryAt?: string;
      reminders: string[];
      status: string;
    }
  >();
  for (const entry of state.ledger) {
    const key = entry.messageId ?? `claim:${entry.reminderId}`;
    const message = messages.get(key) ?? {
      claimedAt: entry.claimedAt,
      reminders: [],
      status: entry.status,
      ...(entry.sentAt ? { sentAt: entry.sentAt } : {}),
    };
    message.reminders.push(entry.reminderId);
    if (entry.delivery) {
      message.delivery = entry.delivery;
      if (entry.deliveryAt) message.deliveryAt = entry.deliveryAt;
    }
    messages.set(key, message);
  }
  const ledgerRows = [...messages.entries()]
    .sort(([, a], [, b]) => (b.sentAt ?? b.claimedAt).localeCompare(a.sentAt ?? a.claimedAt))
    .map(([messageId, message]) => {
      const outcome = message.delivery ?? (message.status === "sent" ? "sent" : "claimed (sending)");
      return `<tr><td>${h(outcome)}</td><td>${when(message.deliveryAt ?? message.sentAt ?? message.claimedAt)}</td><td>${message.reminders.length} reminder(s)</td><td class="muted">${h(messageId.startsWith("claim:") ? "—" : messageId)}</td></tr>`;
    });
  const scheduled = plan.reminders
    .slice(0, 10)
    .map(
      (reminder) =>
        `<tr><td>scheduled</td><td>${when(reminder.sendAt)}</td><td>${h(reminder.title)} (${h(reminder.rung)})</td><td class="muted">${h(profile.remindersPausedAt ? "held: reminders paused" : "")}</td></tr>`,
    );
  if (profile.unsubscribedAt)
    scheduled.unshift(
      `<tr><td>unsubscribed</td><td>${when(profile.unsubscribedAt)}</td><td>the applicant stopped reminders</td><td></td></tr>`,
    );
  return `<h1>${h(profile.fullName)}</h1>
<p class="muted">${profile.matchYear} Match · ${h(profile.visa)} · ${h(profile.timezone)} · advisor ${h(profile.advisorEmail ?? "unassigned")} · plan ${plan.seasonStatus === "projected" ? "uses projected season dates" : "uses confirmed season dates"}</p>
<p><a href="#/applicants/${id}/what-if">Try a what-if</a> · <a href="#/cohort">Back to the cohort</a></p>
<div class="grid">
<section class="card" aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
<h3>Next</h3><ol>${plan.nextSteps.map((step) => `<li><strong>${h(step.title)}</strong> ${overdueKeys.has(`${step.milestone}:${step.interviewId ?? ""}`) ? '<span class="critical">overdue</span>' : `<span class="badge">${h(step.urgency)}</span>`}<br>${step.deadline ? `due ${when(step.deadline.at)}${step.deadline.status === "projected" ? ' <span class="badge">projected</span>' : ""}` : '<span class="muted">no fixed deadline</span>'}<br><span class="muted">${h(step.why)}</span>${step.milestone !== "interview" ? ` <form hx-post="/console/applicants/${id}/milestones/${h(step.milestone)}" hx-target="#main" hx-confirm="Mark ${h(step.title)} done for ${h(profile.fullName)}? It is recorded as yours."><input type="hidden" name="date" value="${h(today)}"><button type="submit">Mark done</button></form>` : ""}</li>`).join("")}</ol>
<h3>Blocked</h3>${plan.blocked.length === 0 ? "<p>Nothing blocked.</p>" : `<ul>${plan.blocked.map((step) => `<li>${h(step.title)}: waiting for ${h(step.waitingFor.map((waited) => ((MILESTONE_KEYS as readonly string[]).includes(waited) ? titleOf(waited as MilestoneKey) : waited)).join(", "))}</li>`).join("")}</ul>`}
<h3>Overdue</h3>${plan.overdue.length === 0 ? "<p>Nothing overdue.</p>" : `<ul>${plan.overdue.map((step) => `<li class="critical">${h(step.title)}, due ${when(step.dueBy)}</li>`).join("")}</ul>`}
<h3>Done</h3>${done.length === 0 ? "<p>Nothing yet.</p>" : `<ul>${done.map((milestone) => `<li>${h(titleOf(milestone.key))}: ${h(milestone.status)}${milestone.date ? ` ${h(milestone.date)}` : ""}</li>`).join("")}</ul>`}
</section>
<section class="card" aria-labelledby="risks"><h2 id="risks">Risks</h2>${plan.risks.length === 0 ? "<p>No open risks.</p>" : `<ul>${plan.risks.map((risk) => `<li class="${risk.severity}">${h(risk.severity)}: ${h(risk.message)}</li>`).join("")}</ul>`}
<h2>Budget</h2><p>Spent $${plan.budget.spentUsd.toLocaleString("en-US")} · upcoming $${plan.budget.upcomingUsd.toLocaleString("en-US")} · total $${plan.budget.totalUsd.toLocaleString("en-US")}</p>
<h2>Actions</h2><div class="actions">
${profile.remindersPausedAt ? `<form hx-post="/console/applicants/${id}/resume" hx-target="#main"><button type="submit">Resume reminders</button></form> <span class="badge">paused since ${when(profile.remindersPausedAt)}</span>` : `<form hx-post="/console/applicants/${id}/pause" hx-target="#main"><button type="submit">Pause reminders</button></form>`}
<form hx-get="/console/applicants/${id}/erase" hx-target="#main"><button type="submit" class="danger">Erase applicant…</button></form>
</div></section>
</div>
<section aria-labelledby="notices"><h2 id="notices">Notice ledger</h2>
<table><thead><tr><th scope="col">Outcome</th><th scope="col">When</th><th scope="col">What</th><th scope="col">SES message</th></tr></thead><tbody>${[...scheduled, ...ledgerRows].join("") || '<tr><td colspan="4">No notices yet.</td></tr>'}</tbody></table></section>
<section aria-labelledby="intake"><h2 id="intake">Intake submissions received</h2>
<table><thead><tr><th scope="col">Received</th><th scope="col">From</th><th scope="col">Type</th><th scope="col">Submission id</th></tr></thead><tbody>${view.submissions.map((submission) => `<tr><td>${when(submission.receivedAt)}</td><td>${h(submission.provider)}</td><td>${h(submission.type)}</td><td class="muted">${h(submission.submissionId)}</td></tr>`).join("") || '<tr><td colspan="4">None recorded.</td></tr>'}</tbody></table></section>
<section aria-labelledby="audit"><h2 id="audit">Console actions (audit)</h2>
<table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before → after</th></tr></thead><tbody>${view.audit.map((entry) => `<tr><td>${when(entry.at)}</td><td>${h(entry.actor)} (${h(entry.role)})</td><td>${h(entry.action)}</td><td class="muted"><code>${h(JSON.stringify(entry.before ?? null))}</code> → <code>${h(JSON.stringify(entry.after ?? null))}</code></td></tr>`).join("") || '<tr><td colspan="4">No console actions yet.</td></tr>'}</tbody></table></section>`;
}

/** GET /console/applicants/:id/what-if: the form. */
export function whatIfFragment(view: ApplicantView): string {
  const profile = view.state.profile;
  const id = h(profile.applicantId);
  return `<h1>What if: ${h(profile.fullName)}</h1>
<p class="muted">Try a change and see the plan's difference. Nothing is saved unless you choose to.</p>
<form hx-post="/console/applicants/${id}/what-if" hx-target="#what-if-result" class="filters what-if">
<span class="field"><label for="f-kind">Change</label><select id="f-kind" name="kind"><option value="milestone">a milestone's status or date</option><option value="interview">add or move an interview</option><option value="visa">the visa track</option><option value="matchYear">the Match year</option></select></span>
<span class="field" data-kind="milestone"><label for="f-key">Milestone</label><select id="f-key" name="key">${MILESTONE_KEYS.map((key) => `<option value="${key}">${h(titleOf(key))}</option>`).join("")}</select></span>
<span class="field" data-kind="milestone"><label for="f-status">Status</label><select id="f-status" name="status"><option value="scheduled">scheduled</option><option value="done">done</option><option value="in_progress">in progress</option><option value="not_started">not started</option><option value="waived">waived</option></select></span>
<span class="field" data-kind="milestone"><label for="f-date">Date</label><input id="f-date" type="date" name="date"></span>
<span class="field" data-kind="interview"><label for="f-interviewId">Interview (to move)</label><select id="f-interviewId" name="interviewId"><option value="">a new interview</option>${view.state.interviews.map((interview) => `<option value="${h(interview.id ?? "")}">${h(interview.program)}</option>`).join("")}</select></span>
<span class="field" data-kind="interview"><label for="f-program">Program</label><input id="f-program" name="program" value="" size="24"></span>
<span class="field" data-kind="interview"><label for="f-startsAt">Starts at, with its UTC offset</label><input id="f-startsAt" name="startsAt" placeholder="2026-11-02T14:00:00-05:00" size="26" aria-describedby="f-startsAt-hint"><span id="f-startsAt-hint" class="muted">e.g. 2026-11-02T14:00:00-05:00</span></span>
<span class="field" data-kind="visa"><label for="f-visa">Visa</label><select id="f-visa" name="visa">${["J-1", "H-1B", "none", "undecided"].map((visa) => `<option${visa === profile.visa ? " selected" : ""}>${visa}</option>`).join("")}</select></span>
<span class="field" data-kind="matchYear"><label for="f-matchYear">Match year</label><input id="f-matchYear" type="number" name="matchYear" value="${profile.matchYear}" min="2026" max="2100"></span>
<button type="submit">Show the difference</button>
</form>
<div id="what-if-result"></div>
<p><a href="#/applicants/${id}">Back to ${h(profile.fullName)}</a></p>`;
}

function dueText(due: string | null | undefined): string {
  return due ? when(due) : "no deadline";
}

/** POST /console/applicants/:id/what-if: the difference. */
export function whatIfResultFragment(applicantId: string, result: WhatIfResult, changesJson: string): string {
  const { diff } = result;
  const list = (items: string[], cls: string) =>
    items.map((item) => `<li class="${cls}">${h(item)}</li>`).join("");
  return `<h2>Difference</h2>
${diff.unchanged ? "<p>This change makes no difference to the plan.</p>" : ""}
${renderSteps(diff)}
<h3>Risks</h3>${diff.risks.added.length + diff.risks.removed.length === 0 ? "<p>No change.</p>" : `<ul>${diff.risks.added.map((risk) => `<li class="diff-added">new ${h(risk.severity)}: ${h(risk.message)}</li>`).join("")}${diff.risks.removed.map((risk) => `<li class="diff-removed">removed: ${h(risk.message)}</li>`).join("")}</ul>`}
<h3>Blocked and overdue</h3><ul>${list(
    diff.blocked.added.map((t) => `now blocked: ${t}`),
    "diff-added",
  )}${list(
    diff.blocked.removed.map((t) => `no longer blocked: ${t}`),
    "",
  )}${list(
    diff.overdue.added.map((t) => `now overdue: ${t}`),
    "critical",
  )}${list(
    diff.overdue.removed.map((t) => `no longer overdue: ${t}`),
    "",
  )}</ul>
<h3>Reminders</h3><p>${diff.reminders.before} → ${diff.reminders.after} planned (${diff.reminders.added} new, ${diff.reminders.removed} dropped); next ${dueText(diff.reminders.nextBefore)} → ${dueText(diff.reminders.nextAfter)}</p>
<h3>Budget</h3><p>Upcoming $${diff.budget.upcomingBefore.toLocaleString("en-US")} → $${diff.budget.upcomingAfter.toLocaleString("en-US")}; total $${diff.budget.totalBefore.toLocaleString("en-US")} → $${diff.budget.totalAfter.toLocaleString("en-US")}</p>
${result.savable ? `<form hx-post="/console/applicants/${h(applicantId)}/what-if/save" hx-target="#main" hx-confirm="Save this change to the applicant's milestones? It is recorded as yours."><input type="hidden" name="changes" value="${h(changesJson)}"><button type="submit">Save as a milestone.update</button></form>` : `<p class="muted">${h(result.unsavableReason ?? "This what-if cannot be saved here.")}</p>`}`;
}

function renderSteps(diff: PlanDiff): string {
  if (diff.steps.length === 0) return "<h3>Steps and deadlines</h3><p>No change.</p>";
  return `<h3>Steps and deadlines</h3><table><thead><tr><th scope="col">Step</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${diff.steps
    .map(
      (step) =>
        `<tr><td>${h(step.title)}</td><td>${step.before ? `${dueText(step.before.dueBy)} (${h(step.before.urgency)})` : '<span class="diff-added">new step</span>'}</td><td>${step.after ? `${dueText(step.after.dueBy)} (${h(step.after.urgency)})` : '<span class="diff-removed">step removed</span>'}</td></tr>`,
    )
    .join("")}</tbody></table>`;
}

/** GET /console/applicants/:id/erase: the first confirmation. */
export function eraseFragment(view: ApplicantView): string {
  const profile = view.state.profile;
  return `<h1>Erase ${h(profile.fullName)}?</h1>
<p>This deletes the applicant and every item of theirs: profile, milestones, interviews, plan, notice ledger, intake records and console history. It cannot be undone. An erasure record without personal data is kept.</p>
<form hx-post="/console/applicants/${h(profile.applicantId)}/erase" hx-target="#erase-result" hx-confirm="Last check: erase ${h(profile.fullName)} for good?" data-expect-name="${h(normalizeName(profile.fullName))}">
<input type="hidden" name="confirm" value="erase">
<label for="erase-name">Type the applicant's full name to confirm: ${h(profile.fullName)}</label><br>
<span id="erase-hint" class="muted">Upper or lower case and extra spaces do not matter.</span><br>
<input id="erase-name" name="fullName" autocomplete="off" size="40" required aria-describedby="erase-hint">
<button type="submit" class="danger">Erase for good</button>
</form>
<div id="erase-result"></div>
<p><a href="#/applicants/${h(profile.applicantId)}">Cancel</a></p>`;
}

export function erasedFragment(itemsDeleted: number): string {
  return `<h1>Applicant erased</h1><p>${itemsDeleted} items deleted. <a href="#/cohort">Back to the cohort</a></p>`;
}

/** A refused request: the title, what was wrong with each field (RFC 9457 `errors`), and a way back. */
export function problemFragment(
  title: string,
  detail: string,
  errors: readonly { path: string; message: string }[] = [],
): string {
  const fields =
    errors.length === 0
      ? ""
      : `<ul>${errors.map((error) => `<li><strong>${h(error.path || "request")}</strong>: ${h(error.message)}</li>`).join("")}</ul>`;
  return `<h1>${h(title)}</h1><div role="alert"><p>${h(detail)}</p>${fields}</div><p><a href="#/cohort">Back to the cohort</a></p>`;
}

/** A milestone's name as the catalog gives it (usmle_step3 → "USMLE Step 3"). */
function titleOf(key: MilestoneKey): string {
  return catalogEntry(key).title;
}

export function isStage(value: string | undefined): value is Stage {
  return value !== undefined && (STAGES as readonly string[]).includes(value);
}
