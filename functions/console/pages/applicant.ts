import { EVENT_LOG_DAYS, RECENT_EVENTS } from "#adapters/dynamodb/event-log.ts";
import { plainRisk } from "#domain/console/risk-text.ts";
import type { Plan } from "#domain/plan.ts";
import { MILESTONE_KEYS, type MilestoneKey } from "#domain/snapshot.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { ESCALATION_ID_PREFIX, RISK_TITLES } from "#usecases/escalation.ts";
import { RESEND_ID_PREFIX } from "#usecases/resend-notice.ts";
import { h, titleOf, when } from "./html.ts";
import { timelineCard } from "./timeline.ts";

type LedgerEntry = ApplicantView["state"]["ledger"][number];

/**
 * A sent message's "What": an escalation went to the advisor, not the applicant (the cohort's last
 * email leaves it out for that reason, planning.ts lastEmailOf), so it never reads as a reminder
 * and says which risk or missed step it was about; a reminder names its step and rung from what its
 * ledger item stored when it was sent (older items: from the plan, which lists every rung of its
 * ladders, sent ones included, while the step is still planned).
 */
function ledgerWhat(
  entries: readonly LedgerEntry[],
  profile: ApplicantView["state"]["profile"],
  plan: Plan,
  ledger: readonly LedgerEntry[],
): string {
  const escalations = entries.filter((entry) => entry.reminderId.startsWith(ESCALATION_ID_PREFIX));
  if (escalations.length > 0)
    return `escalation to the advisor ${profile.advisorEmail ?? ""}: ${escalations.map((entry) => escalationAbout(entry.reminderId)).join("; ")}`;
  return (
    entries
      .map((entry) => {
        const id = entry.reminderId;
        if (id.startsWith(RESEND_ID_PREFIX)) {
          const resent = id.slice(RESEND_ID_PREFIX.length);
          const original = ledger.filter((other) => other.messageId === resent);
          return `resent by the advisor: ${original.length > 0 ? ledgerWhat(original, profile, plan, []) : resent}`;
        }
        const subject = entry.subject ?? plan.reminders.find((planned) => planned.id === id);
        if (subject === undefined)
          return "to the applicant: a reminder whose step is no longer planned (this ledger row does not store which)";
        const season =
          entry.subject?.matchYear !== undefined && entry.subject.matchYear !== profile.matchYear
            ? `, for the ${entry.subject.matchYear} Match`
            : "";
        return `to the applicant: ${subject.title} (${subject.rung}${season})`;
      })
      // One email can carry several rungs that are no longer planned: say so once, not once per rung.
      .filter((label, index, labels) => labels.indexOf(label) === index)
      .join("; ")
  );
}

const HELD_BACK_BECAUSE = {
  paused: "reminders paused by an advisor",
  unsubscribed: "the applicant had unsubscribed",
  suppressed: "the address is suppressed (bounce or complaint)",
} as const;

/**
 * A `RemindersHeldBack` event as a "cancelled" ledger row: due reminders not sent, and why. Its
 * detail holds reminder ids and keys only, so titles come from the plan while the rung is in it.
 */
function heldBackRow(event: ApplicantView["events"][number], plan: Plan): string {
  const detail = JSON.parse(event.detail) as {
    reason?: keyof typeof HELD_BACK_BECAUSE;
    reminderIds?: string[];
  };
  const what = (detail.reminderIds ?? []).map((id) => {
    const planned = plan.reminders.find((reminder) => reminder.id === id);
    return planned ? `${planned.title} (${planned.rung})` : id;
  });
  const because = detail.reason ? HELD_BACK_BECAUSE[detail.reason] : "held back";
  return `<tr><td>cancelled</td><td>${when(event.at)}</td><td>not sent to the applicant: ${h(what.join("; "))}</td><td class="muted">${h(because)}</td></tr>`;
}

/** `risk CODE (its title)` or `overdue: the step's title`, from an escalation's ledger id. */
function escalationAbout(id: string): string {
  const [kind = "", subject = ""] = id.slice(ESCALATION_ID_PREFIX.length).split(":");
  if (kind === "risk") {
    const title = (RISK_TITLES as Record<string, string | undefined>)[subject];
    return `risk ${subject}${title ? ` (${title})` : ""}`;
  }
  return `overdue: ${(MILESTONE_KEYS as readonly string[]).includes(subject) ? titleOf(subject as MilestoneKey) : subject}`;
}

/**
 * A risk as a plain sentence in its severity's colour; where its dates come from (URLs, projection
 * rules) in a collapsed "Sources" below it, in the page's ordinary text colour.
 */
function riskItem(risk: Plan["risks"][number]): string {
  const { sentence, sources } = plainRisk(risk.message, risk.sources);
  const details =
    sources.length === 0
      ? ""
      : `<details class="sources"><summary>Sources</summary><ul>${sources.map((source) => `<li>${h(source)}</li>`).join("")}</ul></details>`;
  return `<li><span class="${risk.severity}">${h(risk.severity)}: ${h(sentence)}</span>${details}</li>`;
}

/** GET /console/applicants/:id */
export function applicantFragment(view: ApplicantView, today: string, notice?: string): string {
  const { state, plan } = view;
  const profile = state.profile;
  const id = h(profile.applicantId);
  const messages = new Map<
    string,
    {
      sentAt?: string;
      claimedAt: string;
      delivery?: string;
      deliveryAt?: string;
      entries: LedgerEntry[];
      status: string;
    }
  >();
  for (const entry of state.ledger) {
    const key = entry.messageId ?? `claim:${entry.reminderId}`;
    const message = messages.get(key) ?? {
      claimedAt: entry.claimedAt,
      entries: [],
      status: entry.status,
      ...(entry.sentAt ? { sentAt: entry.sentAt } : {}),
    };
    message.entries.push(entry);
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
      return `<tr><td>${h(outcome)}</td><td>${message.sentAt ? `sent ${when(message.sentAt)}` : `claimed ${when(message.claimedAt)}`}${message.deliveryAt ? ` → ${h(message.delivery ?? "")} ${when(message.deliveryAt)}` : ""}</td><td>${h(ledgerWhat(message.entries, profile, plan, state.ledger))}</td><td class="muted">${h(messageId.startsWith("claim:") ? "—" : messageId)}</td></tr>`;
    });
  // The plan lists every rung of the ladder; one the ledger holds was sent (or is being sent) already.
  const inLedger = new Set(state.ledger.map((entry) => entry.reminderId));
  const scheduled = plan.reminders
    .filter((reminder) => !inLedger.has(reminder.id))
    .slice(0, 10)
    .map(
      (reminder) =>
        `<tr><td>scheduled</td><td>${when(reminder.sendAt)}</td><td>${h(reminder.title)} (${h(reminder.rung)})</td><td class="muted">${h(profile.remindersPausedAt ? "held: reminders paused" : "")}</td></tr>`,
    );
  const heldBack = view.events
    .filter((event) => event.type === "RemindersHeldBack")
    .map((event) => heldBackRow(event, plan));
  if (profile.unsubscribedAt)
    scheduled.unshift(
      `<tr><td>unsubscribed</td><td>${when(profile.unsubscribedAt)}</td><td>the applicant stopped reminders</td><td></td></tr>`,
    );
  return `<h1>${h(profile.fullName)}</h1>
${notice ? `<p class="notice" role="status">${h(notice)}</p>` : ""}
<p class="muted">${profile.matchYear} Match · ${h(profile.visa)} · ${h(profile.timezone)} · advisor ${h(profile.advisorEmail ?? "unassigned")} · plan ${plan.seasonStatus === "projected" ? "uses projected season dates" : "uses confirmed season dates"}</p>
<p><a href="#/applicants/${id}/what-if">Try a what-if</a> · <a href="#/cohort">Back to the cohort</a></p>
<div class="grid">
${timelineCard(view, today)}
<section class="card" aria-labelledby="risks"><h2 id="risks">Risks</h2>${plan.risks.length === 0 ? "<p>No open risks.</p>" : `<ul>${plan.risks.map(riskItem).join("")}</ul>`}
<h2>Budget</h2><p>Spent $${plan.budget.spentUsd.toLocaleString("en-US")} · upcoming $${plan.budget.upcomingUsd.toLocaleString("en-US")} · total $${plan.budget.totalUsd.toLocaleString("en-US")}</p>
<h2>Actions</h2><div class="actions">
${profile.remindersPausedAt ? `<form hx-post="/console/applicants/${id}/resume" hx-target="#main"><button type="submit">Resume reminders</button></form> <span class="badge">paused since ${when(profile.remindersPausedAt)}</span>` : `<form hx-post="/console/applicants/${id}/pause" hx-target="#main"><button type="submit">Pause reminders</button></form>`}
<form hx-post="/console/applicants/${id}/resend" hx-target="#main" hx-confirm="Send ${h(profile.fullName)} their latest reminder email again, with today's text? It is recorded as yours."><button type="submit">Resend the latest notice</button></form>
<form hx-get="/console/applicants/${id}/erase" hx-target="#main"><button type="submit" class="danger">Erase applicant…</button></form>
</div></section>
</div>
<section aria-labelledby="notices"><h2 id="notices">Notice ledger</h2>
<table><thead><tr><th scope="col">Outcome</th><th scope="col">When</th><th scope="col">What</th><th scope="col">SES message</th></tr></thead><tbody>${[...scheduled, ...heldBack, ...ledgerRows].join("") || '<tr><td colspan="4">No notices yet.</td></tr>'}</tbody></table></section>
<section aria-labelledby="intake"><h2 id="intake">Intake submissions received</h2>
<table><thead><tr><th scope="col">Received</th><th scope="col">From</th><th scope="col">Type</th><th scope="col">Submission id</th></tr></thead><tbody>${view.submissions.map((submission) => `<tr><td>${when(submission.receivedAt)}</td><td>${h(submission.provider)}</td><td>${h(submission.type)}</td><td class="muted">${h(submission.submissionId)}</td></tr>`).join("") || '<tr><td colspan="4">None recorded.</td></tr>'}</tbody></table></section>
<section aria-labelledby="events"><h2 id="events">Domain events</h2>
<p class="muted">What the plan published to the event bus, newest first: the latest ${RECENT_EVENTS} of the last ${EVENT_LOG_DAYS} days (subscribers and the bus's archive have them all).</p>
<table><thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Detail</th></tr></thead><tbody>${view.events.map((event) => `<tr><td>${when(event.at)}</td><td>${h(event.type)}</td><td class="muted"><code>${h(event.detail)}</code></td></tr>`).join("") || '<tr><td colspan="3">None kept.</td></tr>'}</tbody></table></section>
<section aria-labelledby="audit"><h2 id="audit">Console actions (audit)</h2>
<table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Before → after</th></tr></thead><tbody>${view.audit.map((entry) => `<tr><td>${when(entry.at)}</td><td>${h(entry.actor)} (${h(entry.role)})</td><td>${h(entry.action)}</td><td class="muted"><code>${h(JSON.stringify(entry.before ?? null))}</code> → <code>${h(JSON.stringify(entry.after ?? null))}</code></td></tr>`).join("") || '<tr><td colspan="4">No console actions yet.</td></tr>'}</tbody></table></section>`;
}
