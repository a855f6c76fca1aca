import { riskForAdvisor, waitingForAdvisor } from "#domain/console/advisor-voice.ts";
import { mayBeWaived, waivableStepNames } from "#domain/console/waivable-steps.ts";
import type { PlanDiff, StepChange, StepState } from "#domain/console/what-if.ts";
import { earliestOpenMatchYear } from "#domain/console/what-if-checks.ts";
import { localStartIn } from "#domain/interview-offset.ts";
import type { Interview } from "#domain/snapshot.ts";
import { DATE_YEARS, MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import { renderDate } from "#domain/time.ts";
import type { ApplicantView } from "#usecases/console.ts";
import type { WhatIfResult } from "#usecases/console-what-if.ts";
import {
  fieldForAdvisor,
  h,
  ownDay,
  sourceLinksAfter,
  sourcesInFull,
  stepDeadlineWhen,
  titleOf,
  when,
} from "./html.ts";

/** Where US residency programs interview (the tz database's names); the interview's reminders are timed in it. */
const US_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
];

/** GET /console/applicants/:id/what-if: the form; the Match year starts at the earliest Match still open. */
export function whatIfFragment(view: ApplicantView): string {
  const openMatch = earliestOpenMatchYear(new Date(view.plan.now));
  const profile = view.state.profile;
  const id = h(profile.applicantId);
  return `<h1>What if: ${h(profile.fullName)}</h1>
<p class="muted">Try a change and see the plan's difference. Nothing is saved unless you choose to.</p>
<form hx-post="/console/applicants/${id}/what-if" hx-target="#what-if-result" class="filters what-if">
<span class="field"><label for="f-kind">Change</label><select id="f-kind" name="kind"><option value="milestone">a milestone's status or date</option><option value="interview">add or move an interview</option><option value="visa">the visa track</option><option value="matchYear">the Match year</option></select></span>
<span class="field" data-kind="milestone"><label for="f-key">Milestone</label><select id="f-key" name="key">${MILESTONE_KEYS.map((key) => `<option value="${key}"${DONE_RECORDS[key] === undefined ? "" : ` data-done="${h(doneOptionWords(key))}"`}${mayBeWaived(key) ? " data-waivable" : ""}>${h(titleOf(key))}</option>`).join("")}</select></span>
<span class="field" data-kind="milestone"><label for="f-status">Status</label><select id="f-status" name="status"><option value="scheduled">scheduled</option><option value="done">${h(doneOptionWords(MILESTONE_KEYS[0]))}</option><option value="in_progress">in progress</option><option value="not_started">not started</option><option value="waived" data-only-waivable>waived: only for ${h(waivableStepNames())}</option></select></span>
<span class="field" data-kind="milestone"><label for="f-date">Date</label><input id="f-date" type="date" name="date" min="${DATE_YEARS.earliest}-01-01" max="${DATE_YEARS.latest}-12-31"></span>
<span class="field" data-kind="interview"><label for="f-interviewId">Interview (to move)</label><select id="f-interviewId" name="interviewId"><option value="">a new interview</option>${view.state.interviews.map(interviewOption).join("")}</select></span>
<span class="field" data-kind="interview"><label for="f-program">Program</label><input id="f-program" name="program" value="" size="24"></span>
<span class="field" data-kind="interview"><label for="f-startsAt">Starts at (the program's local time)</label><input id="f-startsAt" type="datetime-local" name="startsAt" aria-describedby="f-startsAt-hint"><span id="f-startsAt-hint" class="muted">in the program's time zone, chosen below: Matchpath works out that zone's offset from UTC on that date</span></span>
<span class="field" data-kind="interview"><label for="f-timezone">Program's time zone</label><select id="f-timezone" name="timezone"><option value="">the interview's own (a new one: America/New_York)</option>${zonesOffered(
    view.state.interviews,
  )
    .map((zone) => `<option>${h(zone)}</option>`)
    .join("")}</select></span>
<span class="field" data-kind="interview"><label for="f-format">Format</label><select id="f-format" name="format"><option value="">the interview's own (a new one: virtual)</option><option value="virtual">virtual</option><option value="in_person">in person</option></select></span>
<span class="field" data-kind="visa"><label for="f-visa">Visa</label><select id="f-visa" name="visa">${["J-1", "H-1B", "none", "undecided"].map((visa) => `<option${visa === profile.visa ? " selected" : ""}>${visa}</option>`).join("")}</select></span>
<span class="field" data-kind="matchYear"><label for="f-matchYear">Match year</label><input id="f-matchYear" type="number" name="matchYear" value="${Math.max(profile.matchYear, openMatch)}" min="${openMatch}" max="2100" aria-describedby="f-matchYear-hint"><span id="f-matchYear-hint" class="muted">${openMatch} or later: earlier Matches' rank order list deadlines have passed</span></span>
<button type="submit">Show the difference</button>
</form>
<div id="what-if-result"></div>
<p><a href="#/applicants/${id}">Back to ${h(profile.fullName)}</a></p>`;
}

/**
 * The Status option "done" for the milestone `key`, with what it records where Done records more
 * (DONE_RECORDS, the words of the console's Mark button): "done (SOAP: offer accepted)" for SOAP, so
 * a what-if's SOAP done reads as the accepted offer it is; plain "done" for every other step (one
 * label for all had every step read "done (SOAP: offer accepted)"). The form is rendered with the
 * first milestone chosen, its words on the option; a milestone whose Done records more carries its
 * words (data-done), and the console's script puts the chosen one's on the option (console.js).
 */
function doneOptionWords(key: string | undefined): string {
  const record = key === undefined ? undefined : DONE_RECORDS[key];
  return record === undefined ? "done" : `done (${record.advisor})`;
}

/**
 * An interview to move, with its date, local time, zone and format in words, and the same as data
 * for the form's script to fill the fields in (console.js). Without the
 * script, the fields left empty keep the interview's own (request.ts, whatIfChanges).
 */
function interviewOption(interview: Interview): string {
  const local = localStartIn(interview.startsAt, interview.timezone) ?? "";
  const [date = "", time = ""] = local.split("T");
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, "0")} ${hours < 12 ? "AM" : "PM"}`;
  const format = interview.format === "in_person" ? "in person" : "virtual";
  const words =
    local === ""
      ? interview.program
      : `${interview.program}, ${renderDate(date)}, ${clock} ${interview.timezone}, ${format}`;
  return `<option value="${h(interview.id ?? "")}" data-program="${h(interview.program)}" data-starts-at="${h(local)}" data-timezone="${h(interview.timezone)}" data-format="${h(interview.format)}">${h(words)}</option>`;
}

/** The US zones, and any other an interview of the applicant's is in, so choosing it can keep its own. */
function zonesOffered(interviews: readonly Interview[]): string[] {
  return [...new Set([...US_ZONES, ...interviews.map((interview) => interview.timezone)])];
}

function dueText(due: string | null | undefined): string {
  // The next reminder's send time: with none, nothing is scheduled.
  return due ? when(due) : "none scheduled";
}

/** The reminders still to send on each side, or why none is sent at all (paused or unsubscribed: a count would mislead). */
function remindersHtml(reminders: PlanDiff["reminders"]): string {
  if (reminders.held === "paused")
    return '<p class="warning">Reminders are paused: nothing will be sent until they are resumed, with this change or without it.</p>';
  if (reminders.held === "unsubscribed")
    return '<p class="warning">The applicant unsubscribed from reminders: nothing will be sent, with this change or without it.</p>';
  return `<p>${reminders.before} → ${reminders.after} still to send (${reminders.added} new, ${reminders.removed} dropped); next ${dueText(reminders.nextBefore)} → ${dueText(reminders.nextAfter)}</p>`;
}

/** POST /console/applicants/:id/what-if: the difference. */
export function whatIfResultFragment(applicantId: string, result: WhatIfResult, changesJson: string): string {
  const { diff } = result;
  // The advisor reads the risks as the digest words them: a risk the change brings is what the
  // applicant would be told; one it removes, what they were told.
  const spoken = (risk: PlanDiff["risks"]["removed"][number], side: "before" | "after") => {
    const about = result.about?.[side];
    return about === undefined ? risk.message : riskForAdvisor(risk, about, side === "after");
  };
  const list = (items: string[], cls: string) =>
    items.map((item) => `<li class="${cls}">${h(item)}</li>`).join("");
  // One source for the table and the list: the difference's blocked lists are read from its steps,
  // so every step the table marks blocked or startable is listed below too.
  const blockedAdded = diff.blocked.added;
  const blockedRemoved = diff.blocked.removed;
  const blockedOrOverdue = [
    list(
      blockedAdded.map((t) => `now blocked: ${t}`),
      "warning",
    ),
    list(
      blockedRemoved.map((t) => `no longer blocked: ${t}`),
      "ok",
    ),
    list(
      diff.overdue.added.map((t) => `now overdue: ${t}`),
      "critical",
    ),
    list(
      diff.overdue.removed.map((t) => `no longer overdue: ${t}`),
      "ok",
    ),
  ].join("");
  // Refused (the use case shows no difference then), other than for leaving the record as it is
  // (path "changes"), where "makes no difference" is the plain truth.
  const refusedForMore = result.saveProblems.some((problem) => problem.path !== "changes");
  return `<h2>Difference</h2>
${refusedForMore ? "<p>This change cannot be saved, so it changes nothing in the plan: no difference is shown (see why below).</p>" : diff.unchanged ? "<p>This change makes no difference to the plan.</p>" : ""}
${renderSteps(diff, result.about?.after.fullName ?? "the applicant", result.interviews)}
<h3>Risks</h3>${diff.risks.added.length + diff.risks.removed.length + diff.risks.changed.length === 0 ? "<p>No change.</p>" : `<ul>${diff.risks.added.map((risk) => `<li class="${risk.severity === "critical" ? "critical" : "warning"}">new ${h(risk.severity)}: ${h(spoken(risk, "after"))}</li>`).join("")}${diff.risks.changed.map((risk) => `<li class="${risk.severity === "critical" ? "critical" : "warning"}">changed ${risk.severityBefore === risk.severity ? h(risk.severity) : `${h(risk.severityBefore)} → ${h(risk.severity)}`}: ${h(spoken(risk, "after"))}</li>`).join("")}${diff.risks.removed.map((risk) => `<li class="ok">removed: ${h(spoken(risk, "before"))}</li>`).join("")}</ul>`}
<h3>Blocked and overdue</h3>${blockedOrOverdue === "" ? "<p>No change.</p>" : `<ul>${blockedOrOverdue}</ul>`}
<h3>Reminders</h3>${remindersHtml(diff.reminders)}
<h3>Budget</h3><p>Upcoming ${h(diff.budget.perCurrency.upcomingBefore)} → ${h(diff.budget.perCurrency.upcomingAfter)}; total ${h(diff.budget.perCurrency.totalBefore)} → ${h(diff.budget.perCurrency.totalAfter)}</p>
${toVerifyHtml(diff.budget.toVerify)}
${saveOrWhyNot(applicantId, result, changesJson)}`;
}

/**
 * The fees "to verify" the change adds, removes or reprices: in no total, so the counted line above
 * would not show them (a switch to H-1B brings a $100,000 fee to verify).
 */
function toVerifyHtml(changes: PlanDiff["budget"]["toVerify"]): string {
  const usd = (amount: number) => `$${amount.toLocaleString("en-US")}`;
  const items = [
    ...changes.added.map((fee) => `<li class="warning">new: ${h(fee.label)} ${usd(fee.amountUsd)}</li>`),
    ...changes.changed.map(
      (fee) =>
        `<li class="warning">changed: ${h(fee.label)} ${usd(fee.amountBefore)} → ${usd(fee.amountAfter)}</li>`,
    ),
    ...changes.removed.map((fee) => `<li class="ok">removed: ${h(fee.label)} ${usd(fee.amountUsd)}</li>`),
  ];
  return items.length === 0
    ? "<p>To verify, in no total: no change.</p>"
    : `<p>To verify, in no total (fees that may apply; see the applicant's budget for why):</p><ul>${items.join("")}</ul>`;
}

/**
 * The Save button, or instead why the save would refuse these changes (the save's own check), and
 * above either what looks wrong but may be saved (an interview outside the interview season).
 */
function saveOrWhyNot(applicantId: string, result: WhatIfResult, changesJson: string): string {
  const warnings = result.warnings
    .map(
      (warning) =>
        `<div class="warning" role="note"><p>${h(warning.message)}${sourceLinksAfter(warning.sources)}</p>${sourcesInFull(warning.sources)}</div>`,
    )
    .join("");
  if (result.saveProblems.length > 0)
    return `${warnings}<div role="alert"><p><strong>This change cannot be saved:</strong></p><ul>${result.saveProblems.map((problem) => `<li><strong>${h(fieldForAdvisor(problem.path))}</strong>: ${h(problem.message)}</li>`).join("")}</ul></div>`;
  return `${warnings}<form hx-post="/console/applicants/${h(applicantId)}/what-if/save" hx-target="#main" hx-confirm="Save this change to the applicant's record? It is recorded as yours."><input type="hidden" name="changes" value="${h(changesJson)}"><input type="hidden" name="saveId" value="${h(result.saveId)}"><input type="hidden" name="basedOn" value="${h(result.basedOn)}"><button type="submit">Save as a milestone.update</button></form>`;
}

/**
 * Steps that change, each by what the change does to it (the difference's `change`): a step that
 * joins the road is a "new step" (saying "blocked: needs …" when it joins blocked) and one that
 * leaves it "step removed", whether it was next or blocked; "now blocked" and "no longer blocked"
 * only for a step that stays. The Blocked list below is read from the same changes.
 */
function renderSteps(diff: PlanDiff, fullName: string, interviews: WhatIfResult["interviews"]): string {
  if (diff.steps.length === 0) return "<h3>Steps and deadlines</h3><p>No change.</p>";
  return `<h3>Steps and deadlines</h3><table><thead><tr><th scope="col">Step</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${diff.steps
    .map(
      (step) =>
        `<tr><td>${h(step.title)}</td><td>${beforeCell(step, fullName, interviews?.before)}</td><td>${afterCell(step, fullName, interviews?.after)}</td></tr>`,
    )
    .join("")}</tbody></table>`;
}

/** "blocked: needs Match Day, …": what a blocked step waits for, by title (a condition quoted as `fullName` reads it). */
function needs(waitingFor: readonly string[], fullName: string): string {
  return h(waitingForAdvisor(waitingFor, fullName, "blocked: needs"));
}

/** Where the step stood before: its deadline as a next step, blocked, overdue, or not on the road. */
function beforeCell(
  step: StepChange,
  fullName: string,
  interviews: readonly Interview[] | undefined,
): string {
  if (step.change === "new") return step.season ? "done" : '<span class="muted">nothing to do</span>';
  if (step.before) return stateText(step.before, step, interviews);
  if (step.blockedBefore) return needs(step.blockedBefore, fullName);
  return "overdue";
}

/** What the change does to it, said first, then where it stands after. */
function afterCell(step: StepChange, fullName: string, interviews: readonly Interview[] | undefined): string {
  const where = step.after
    ? stateText(step.after, step, interviews)
    : step.blockedAfter
      ? needs(step.blockedAfter, fullName)
      : "overdue";
  // A Match-year switch's step done for one Match, to redo for the other: neither "new" nor "done" alone is true.
  const redo = step.season ? ` (done for ${step.season.doneFor}; redo for ${step.season.redoFor})` : "";
  switch (step.change) {
    case "new":
      return step.blockedAfter
        ? `<span class="warning">new step, ${where}</span>${redo}`
        : `<span class="diff-added">new step</span>${redo}: ${where}`;
    case "removed":
      // Not bad news (a visa switch's old track leaves the road): muted, the words say it.
      return '<span class="muted">step removed</span>';
    case "finished":
      if (step.season) return `done for ${step.season.doneFor} (redo only for ${step.season.redoFor})`;
      return step.waived ? "waived" : "done";
    case "nowBlocked":
      return `<span class="warning">now ${where}</span>`;
    case "noLongerBlocked":
      return `<span class="ok">no longer blocked</span>: ${where}`;
    case "changed":
      return where;
  }
}

/**
 * A step's deadline and standing, and the applicant's own date beside the deadline when given: the
 * deadline as the applicant page words it, the standing as its badge does (stepStanding: "overdue"
 * only past the deadline, as the page says), the own date as the day typed.
 */
function stateText(state: StepState, step: StepChange, interviews: readonly Interview[] | undefined): string {
  const own = state.ownDate ? `; their date ${ownDay(state.ownDate)}` : "";
  const due = state.deadline ? stepDeadlineWhen(step, state.deadline, interviews) : dueText(state.dueBy);
  return `${due} (${h(state.standing.label)})${own}`;
}
