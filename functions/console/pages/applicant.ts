import { EVENT_LOG_DAYS, RECENT_EVENTS } from "#adapters/dynamodb/event-log.ts";
import { type AboutApplicant, riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { matchYearHeading } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { seasonStatusWords } from "#domain/seasons/status-words.ts";
import { renderInZone } from "#domain/time.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { aboutApplicant } from "#usecases/escalation.ts";
import { budgetSection } from "./budget.ts";
import { h, when } from "./html.ts";
import { ledgerRows } from "./ledger.ts";
import { auditRow, eventRow } from "./readable.ts";
import { timelineCard } from "./timeline.ts";

/**
 * A risk as a plain sentence in its severity's colour, in the advisor's voice as the digest words
 * it (the planner's message speaks to the applicant, who is not the reader here); where its dates
 * come from (URLs, projection rules) in a collapsed "Sources" below it, in the page's ordinary
 * text colour.
 */
function riskItem(risk: Plan["risks"][number], about: AboutApplicant): string {
  const sources = risk.sources ?? [];
  const details =
    sources.length === 0
      ? ""
      : `<details class="sources"><summary>Sources</summary><ul>${sources.map((source) => `<li>${h(source)}</li>`).join("")}</ul></details>`;
  return `<li><span class="${risk.severity}">${h(risk.severity)}: ${h(riskForAdvisor(risk, about))}</span>${details}</li>`;
}

const ADVISOR_SUPPRESSED_AFTER = {
  bounce: "after a bounce (mail to it could not be delivered)",
  complaint: "after a spam complaint from that mailbox",
  unsubscribe: "(it unsubscribed)",
} as const;

/**
 * Why the advisor hears nothing although the applicant consents to escalation: their address is
 * on the suppression list, which escalations honour as reminders do. Empty when escalations can go.
 */
function advisorSuppressedNotice(view: ApplicantView): string {
  const { advisorSuppressed } = view;
  const advisor = view.state.profile.advisorEmail;
  if (advisorSuppressed === undefined || advisor === undefined) return "";
  return `<p class="notice" role="note">${h(`Escalation is on, but ${advisor} gets no escalation email: the address is suppressed ${ADVISOR_SUPPRESSED_AFTER[advisorSuppressed]}. Each critical risk is recorded in the notice ledger as not sent. Only whoever runs Matchpath can lift the suppression; or give the applicant another advisor address.`)}</p>`;
}

/** What put the applicant's address on the suppression list, in the warning's words. */
const UNREACHABLE_BECAUSE = {
  bounce: (email: string) => `email to ${email} bounced`,
  complaint: (email: string) => `a reminder to ${email} drew a spam complaint`,
  unsubscribe: (email: string) => `${email} unsubscribed`,
} as const;

/**
 * The warning at the top of the page while the applicant's own address is suppressed:
 * they receive no reminder, so the advisor must get them a new address. A pause or
 * an unsubscribe on the profile is said by the Actions badge and the ledger's own row.
 */
function unreachableNotice(view: ApplicantView): string {
  const { heldBack } = view;
  if (heldBack?.reason !== "suppressed") return "";
  const { email } = view.state.profile;
  const why = UNREACHABLE_BECAUSE[heldBack.suppressedBecause ?? "bounce"](email);
  const since = heldBack.since ? ` since ${when(heldBack.since)}` : "";
  return `<p class="notice unreachable" role="note"><strong>Matchpath cannot reach this applicant:</strong> ${h(`${why}, so the address is on the suppression list`)}${since}${h(`, and ${view.state.profile.fullName} receives no reminders (the notice ledger marks each one held). Ask them for a new address.`)}</p>`;
}

/** Whom the page's risks are about, as the digest names them: reminders held back, they were told nothing. */
function aboutOf(view: ApplicantView): AboutApplicant {
  return { ...aboutApplicant(view.state), heldBack: view.heldBack?.reason };
}

/**
 * GET /console/applicants/:id. Each table scrolls sideways in its own focusable region, as the
 * cohort's does, so the page itself never pans on a phone.
 */
export function applicantFragment(view: ApplicantView, today: string, notice?: string): string {
  const { state, plan } = view;
  const profile = state.profile;
  const id = h(profile.applicantId);
  // Stored events outlive their label where TTL deletion lags (DynamoDB deletes expired items
  // within days, DynamoDB Local never) or the clock is the local one: show only the last EVENT_LOG_DAYS.
  const since = new Date(Date.parse(plan.now) - EVENT_LOG_DAYS * 86_400_000).toISOString();
  const events = view.events.filter((event) => event.at >= since);
  return `<h1>${h(profile.fullName)}</h1>
${notice ? `<p class="notice" role="status">${h(notice)}</p>` : ""}
<p class="muted">${h(matchYearHeading(plan))} · ${h(profile.visa)}${profile.couplesMatch === true ? " · Couples Match" : ""} · ${h(profile.timezone)} · advisor ${h(profile.advisorEmail ?? "unassigned")} · plan uses ${h(seasonStatusWords(plan, "season dates"))}</p>
${unreachableNotice(view)}
${advisorSuppressedNotice(view)}
<p><a href="#/applicants/${id}/what-if">Try a what-if</a> · <a href="#/cohort">Back to the cohort</a></p>
<div class="grid">
${timelineCard(view, today)}
<section class="card" aria-labelledby="risks"><h2 id="risks">Risks</h2>${plan.risks.length === 0 ? "<p>No open risks.</p>" : `<ul>${plan.risks.map((risk) => riskItem(risk, aboutOf(view))).join("")}</ul>`}
${budgetSection(plan.budget, profile.fullName)}
<h2>Actions</h2><div class="actions">
${profile.remindersPausedAt ? `<form hx-post="/console/applicants/${id}/resume" hx-target="#main"><button type="submit">Resume reminders</button></form> <span class="badge">paused since ${when(profile.remindersPausedAt)}</span>` : `<form hx-post="/console/applicants/${id}/pause" hx-target="#main"><button type="submit">Pause reminders</button></form>`}
<div>${resendForm(view)}</div>
<div class="danger-action"><form hx-get="/console/applicants/${id}/erase" hx-target="#main"><button type="submit" class="danger">Erase applicant…</button></form></div>
</div></section>
</div>
<section aria-labelledby="notices"><h2 id="notices">Notice ledger</h2>
<p class="scroll-hint muted">Scroll sideways for more columns →</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Notice ledger table"><table><thead><tr><th scope="col">Outcome</th><th scope="col">When</th><th scope="col">What</th><th scope="col">SES message id, or why not sent</th></tr></thead><tbody>${ledgerRows(view, events).join("") || '<tr><td colspan="4">No notices yet.</td></tr>'}</tbody></table></div></section>
<section aria-labelledby="intake"><h2 id="intake">Intake submissions received</h2>
<p class="scroll-hint muted">Scroll sideways for more columns →</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Intake submissions table"><table><thead><tr><th scope="col">Received</th><th scope="col">From</th><th scope="col">Type</th><th scope="col">Submission id</th></tr></thead><tbody>${view.submissions.map((submission) => `<tr><td>${when(submission.receivedAt)}</td><td>${h(submission.provider)}</td><td>${h(submission.type)}</td><td class="muted">${h(submission.submissionId)}</td></tr>`).join("") || '<tr><td colspan="4">None recorded.</td></tr>'}</tbody></table></div></section>
<section aria-labelledby="events"><h2 id="events">Domain events</h2>
<p class="muted">What the plan published to the event bus, newest first: the latest ${RECENT_EVENTS} of the last ${EVENT_LOG_DAYS} days (subscribers and the bus's archive have them all).</p>
<p class="scroll-hint muted">Scroll sideways for more columns →</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Domain events table"><table><thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Detail</th></tr></thead><tbody>${events.map(eventRow).join("") || '<tr><td colspan="3">None kept.</td></tr>'}</tbody></table></div></section>
<section aria-labelledby="audit"><h2 id="audit">Console actions (audit)</h2>
<p class="scroll-hint muted">Scroll sideways for more columns →</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Console actions table"><table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before → after</th></tr></thead><tbody>${view.audit.map((entry) => auditRow(entry, view)).join("") || '<tr><td colspan="4">No console actions yet.</td></tr>'}</tbody></table></div></section>`;
}

/**
 * Resend the latest notice: it is sent at once, whatever the hour where the applicant is, not at
 * their delivery time (reminders keep to it and to quiet hours). The advisor chose to send it now
 * and the page answers with what was sent, so the button says so, with the applicant's time now
 * (a resend reached an applicant at 1:07 AM, unsaid).
 */
function resendForm(view: ApplicantView): string {
  const { profile } = view.state;
  // Where the POST would refuse (the same rule, resendDecision), say why instead of "sent now".
  if (view.resendRefused !== undefined)
    return `<button type="button" disabled aria-describedby="resend-why">Resend the latest notice</button> <span id="resend-why" class="muted">${h(`Not available: ${view.resendRefused}.`)}</span>`;
  const theirNow = renderInZone(profile.timezone, Date.parse(view.plan.now));
  const sentNow = `It is sent now: ${theirNow} their time.`;
  return `<form hx-post="/console/applicants/${h(profile.applicantId)}/resend" hx-target="#main" hx-confirm="Send ${h(profile.fullName)} their latest reminder email again, with today's text? ${h(sentNow)} It is recorded as yours."><button type="submit">Resend the latest notice</button></form> <span class="muted">${h(sentNow)}</span>`;
}
