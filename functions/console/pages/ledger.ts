import type { CancelReason } from "#domain/cancelled-reminders.ts";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan, StepSubject } from "#domain/plan.ts";
import {
  CRITICAL_RISK_RUNG,
  OUT_OF_REACH_RUNG,
  WARNING_NOTICE_RUNG,
} from "#domain/planner/critical-risk-notice.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import type { SuppressionReason } from "#ports/suppression-list.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { ESCALATION_ID_PREFIX, escalationIdParts, RISK_TITLES } from "#usecases/escalation.ts";
import { WITHHELD_BECAUSE } from "#usecases/escalation-send.ts";
import { FRESH_LINKS_ID_PREFIX } from "#usecases/fresh-links-id.ts";
import { RESEND_ID_PREFIX } from "#usecases/resend-id.ts";
import { h, titleOf, when, whenFor } from "./html.ts";

type LedgerEntry = ApplicantView["state"]["ledger"][number];
type RecentEvent = ApplicantView["events"][number];

/**
 * A reminder's step as the advisor names it ("USMLE Step 2 CK", never "your date"), and its rung.
 * A critical notice rides on a step but is about its risk: it reads as its own subject ("The 2027
 * Match is over for you: …"), as its email did (a resent season-over
 * notice read "NRMP Main Residency Match registration (critical-risk)").
 */
export function reminderLabel(
  subject: { milestone: string; title: string; rung: string },
  suffix = "",
): string {
  if (subject.rung === CRITICAL_RISK_RUNG || subject.rung === OUT_OF_REACH_RUNG)
    return `critical notice “${subject.title}” (${subject.rung}${suffix})`;
  // A warning's notice is about its risk too, and no critical one.
  if (subject.rung === WARNING_NOTICE_RUNG)
    return `warning notice “${subject.title}” (${subject.rung}${suffix})`;
  return `${stepForAdvisor({ milestone: subject.milestone as StepSubject, title: subject.title })} (${subject.rung}${suffix})`;
}

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
        if (id.startsWith(FRESH_LINKS_ID_PREFIX))
          return "to the applicant: fresh timeline and preferences links they asked for from an expired link";
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
        return `to the applicant: ${reminderLabel(subject, season)}`;
      })
      // One email can carry several rungs that are no longer planned: say so once, not once per rung.
      .filter((label, index, labels) => labels.indexOf(label) === index)
      .join("; ")
  );
}

/** `risk CODE (its title)` or `overdue: the step's title`, from an escalation's ledger id. */
function escalationAbout(id: string): string {
  const { kind, subject: whole, matchYear } = escalationIdParts(id);
  const season = matchYear === undefined ? "" : `, ${matchYear} Match`;
  if (kind === "risk") {
    const title = (RISK_TITLES as Record<string, string | undefined>)[whole];
    return `risk ${whole}${title ? ` (${title})` : ""}${season}`;
  }
  // An interview's overdue subject is `<milestone>:<interview id>`: the step's title names it.
  const [subject = ""] = whole.split(":");
  return `overdue: ${(MILESTONE_KEYS as readonly string[]).includes(subject) ? titleOf(subject as MilestoneKey) : subject}${season}`;
}

/**
 * What a scheduled reminder's row says while reminders are held back: it will not be sent, and why
 * (applicantHeldBack's answer; a view built without it: the profile's pause). Empty: it will go.
 */
export function heldScheduledNote(view: Pick<ApplicantView, "heldBack" | "state">): string {
  const heldBack =
    view.heldBack ?? (view.state.profile.remindersPausedAt ? { reason: "paused" as const } : undefined);
  if (heldBack === undefined) return "";
  if (heldBack.reason === "suppressed")
    return `held: ${SUPPRESSED_ADDRESS[heldBack.suppressedBecause ?? "bounce"]} (suppressed)`;
  return heldBack.reason === "paused" ? "held: reminders paused" : "held: the applicant unsubscribed";
}

/** What put the applicant's own address on the suppression list, as the ledger says it. */
const SUPPRESSED_ADDRESS: Record<SuppressionReason, string> = {
  bounce: "the address bounced",
  complaint: "the address drew a spam complaint",
  unsubscribe: "the address unsubscribed",
};

export const HELD_BACK_BECAUSE = {
  paused: "reminders paused by an advisor",
  unsubscribed: "the applicant had unsubscribed",
  suppressed: "the address is suppressed (bounce or complaint)",
} as const;

/**
 * A `RemindersHeldBack` event as a "cancelled" ledger row: due reminders not sent, and why, timed
 * in ET and the applicant's `zone` as the scheduled and sent rows are. Each
 * is named by the step and rung the event stored (an interview's title from the plan while the
 * applicant has it); an event written before those were stored holds ids only, named from the plan
 * while the rung is in it, else by id.
 */
function heldBackRow(event: RecentEvent, plan: Plan, zone: string): string {
  const detail = JSON.parse(event.detail) as {
    reason?: keyof typeof HELD_BACK_BECAUSE;
    reminderIds?: string[];
    reminders?: { id: string; milestone: string; interviewId?: string; rung: string }[];
  };
  const what = (detail.reminderIds ?? []).map((id) => {
    const planned = plan.reminders.find((reminder) => reminder.id === id);
    if (planned) return reminderLabel(planned);
    const stored = detail.reminders?.find((reminder) => reminder.id === id);
    return stored ? reminderLabel({ ...stored, title: interviewTitle(plan, stored.interviewId) }) : id;
  });
  const because = detail.reason ? HELD_BACK_BECAUSE[detail.reason] : "held back";
  return `<tr><td>cancelled</td><td>${whenFor(event.at, zone)}</td><td>not sent to the applicant: ${h(what.join("; "))}</td><td class="muted">${h(because)}</td></tr>`;
}

/** An interview's title while the plan has the interview; "an interview" after. Unused for other steps. */
function interviewTitle(plan: Plan, interviewId: string | undefined): string {
  return (
    plan.nextSteps.find((step) => step.interviewId !== undefined && step.interviewId === interviewId)
      ?.title ?? "an interview"
  );
}

export const CANCELLED_BECAUSE: Record<CancelReason, string> = {
  done: "re-planned: the step was marked done",
  waived: "re-planned: the step was waived",
  snoozed: "re-planned: the step was snoozed past it",
  "date-moved": "re-planned: the date moved (a reminder for the new date replaces it)",
  "interview-cancelled": "re-planned: the interview was cancelled",
  "not-in-plan": "re-planned: the step is no longer planned",
};

/**
 * A `RemindersCancelled` event as "cancelled" rows, one per reason: scheduled reminders a re-plan
 * dropped. Its detail holds keys only (nothing personal), so steps are named by their key; an
 * interview's reminder by the interview's title while the applicant still has that interview.
 */
function cancelledRows(event: RecentEvent, plan: Plan, zone: string): string[] {
  const detail = JSON.parse(event.detail) as {
    reminders?: { milestone: string; interviewId?: string; rung: string; reason: CancelReason }[];
  };
  const byReason = new Map<CancelReason, string[]>();
  for (const reminder of detail.reminders ?? []) {
    const label = reminderLabel({ ...reminder, title: interviewTitle(plan, reminder.interviewId) });
    byReason.set(reminder.reason, [...(byReason.get(reminder.reason) ?? []), label]);
  }
  return [...byReason].map(
    ([reason, labels]) =>
      `<tr><td>cancelled</td><td>${whenFor(event.at, zone)}</td><td>not sent to the applicant: ${h(labels.join("; "))}</td><td class="muted">${h(CANCELLED_BECAUSE[reason] ?? "re-planned")}</td></tr>`,
  );
}

/**
 * The notice ledger's rows, in the advisor's voice: the unsubscribe, what is scheduled (the first
 * ten), what was cancelled (escalations withheld from a suppressed advisor address, from the
 * ledger; held back at a wake-up, or dropped by a re-plan: from the recent events), then each
 * message sent, newest first, with SES's outcome.
 */
export function ledgerRows(view: ApplicantView, events: readonly RecentEvent[]): string[] {
  const { state, plan } = view;
  const profile = state.profile;
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
  // Handled without a send (the advisor's address is suppressed): "cancelled" rows, with why.
  const withheld = state.ledger
    .filter((entry) => entry.status === "withheld")
    .map(
      (entry) =>
        `<tr><td>cancelled</td><td>${when(entry.claimedAt)}</td><td>${h(`not sent to the advisor ${profile.advisorEmail ?? ""}: ${escalationAbout(entry.reminderId)}`)}</td><td class="muted">${h(entry.withheldBecause ? WITHHELD_BECAUSE[entry.withheldBecause] : "not sent")}</td></tr>`,
    );
  for (const entry of state.ledger) {
    if (entry.status === "withheld") continue;
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
  const sent = [...messages.entries()]
    .sort(([, a], [, b]) => (b.sentAt ?? b.claimedAt).localeCompare(a.sentAt ?? a.claimedAt))
    .map(([messageId, message]) => {
      const outcome = message.delivery ?? (message.status === "sent" ? "sent" : "claimed (sending)");
      return `<tr><td>${h(outcome)}</td><td>${message.sentAt ? `sent ${whenFor(message.sentAt, profile.timezone)}` : `claimed ${when(message.claimedAt)}`}${message.deliveryAt ? ` → ${h(message.delivery ?? "")} ${when(message.deliveryAt)}` : ""}</td><td>${h(ledgerWhat(message.entries, profile, plan, state.ledger))}</td><td class="muted">${h(messageId.startsWith("claim:") ? "—" : messageId)}</td></tr>`;
    });
  // The plan lists every rung of the ladder; one the ledger holds was sent (or is being sent) already.
  const inLedger = new Set(state.ledger.map((entry) => entry.reminderId));
  const held = heldScheduledNote(view);
  // What the reminder function will send: snoozes and email preferences applied.
  const scheduled = (view.remindersPlan ?? plan).reminders
    .filter((reminder) => !inLedger.has(reminder.id))
    .slice(0, 10)
    .map(
      (reminder) =>
        `<tr><td>scheduled</td><td>${whenFor(reminder.sendAt, profile.timezone)}</td><td>${h(reminderLabel(reminder))}</td><td class="muted">${h(held)}</td></tr>`,
    );
  const cancelled = events.flatMap((event) =>
    event.type === "RemindersHeldBack"
      ? [heldBackRow(event, plan, profile.timezone)]
      : event.type === "RemindersCancelled"
        ? cancelledRows(event, plan, profile.timezone)
        : [],
  );
  const unsubscribed = profile.unsubscribedAt
    ? [
        `<tr><td>unsubscribed</td><td>${when(profile.unsubscribedAt)}</td><td>the applicant stopped reminders</td><td></td></tr>`,
      ]
    : [];
  return [...unsubscribed, ...scheduled, ...withheld, ...cancelled, ...sent];
}
