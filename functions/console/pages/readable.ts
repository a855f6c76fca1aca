import type { CancelReason } from "#domain/cancelled-reminders.ts";
import { stepName } from "#domain/console/advisor-voice.ts";
import { inProgramZone } from "#domain/program-time.ts";
import { MILESTONE_KEYS, type MilestoneKey } from "#domain/snapshot.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { RISK_TITLES } from "#usecases/escalation.ts";
import { h, when } from "./html.ts";
import { CANCELLED_BECAUSE, HELD_BACK_BECAUSE, reminderLabel } from "./ledger.ts";

type RecentEvent = ApplicantView["events"][number];
type AuditEntry = ApplicantView["audit"][number];

/**
 * The applicant page's Domain events and Audit rows in words: what
 * happened, from → to, in a short line; the raw JSON in a collapsed details element below it, for
 * whoever wants the ids. Anything not recognised is left to the JSON alone.
 */

/** A milestone key by the advisor's name for it; "interview" and unknown keys as they are. */
function step(key: unknown): string {
  return typeof key === "string" && (MILESTONE_KEYS as readonly string[]).includes(key)
    ? stepName(key as MilestoneKey)
    : String(key);
}

function steps(keys: unknown): string {
  return Array.isArray(keys) && keys.length > 0 ? keys.map(step).join(", ") : "none";
}

function risk(code: unknown): string {
  return (RISK_TITLES as Record<string, string | undefined>)[String(code)] ?? String(code);
}

function rawJson(json: string): string {
  return `<details><summary>JSON</summary><code>${h(json)}</code></details>`;
}

type Detail = Record<string, unknown>;

const EVENT_WORDS: Record<string, (detail: Detail) => string> = {
  PlanChanged: (detail) => {
    const codes = Array.isArray(detail.riskCodes) ? detail.riskCodes : [];
    const risks = codes.length === 0 ? "no open risk" : `open risks: ${codes.map(risk).join("; ")}`;
    return `plan updated; ${h(risks)}; next reminder ${typeof detail.nextDueAt === "string" ? when(detail.nextDueAt) : "none planned"}`;
  },
  ReminderSent: (detail) => h(`reminder email sent about: ${steps(detail.milestones)}`),
  MilestoneOverdue: (detail) => h(`newly overdue: ${steps(detail.milestones)}`),
  RemindersHeldBack: (detail) => {
    const because = HELD_BACK_BECAUSE[detail.reason as keyof typeof HELD_BACK_BECAUSE] ?? "held back";
    return h(`due reminders not sent (${because}): ${steps(detail.milestones)}`);
  },
  RemindersCancelled: (detail) => {
    const reminders = Array.isArray(detail.reminders) ? (detail.reminders as Detail[]) : [];
    const lines = reminders.map(
      (reminder) =>
        `${step(reminder.milestone)} (${String(reminder.rung)}): ${CANCELLED_BECAUSE[reminder.reason as CancelReason] ?? "re-planned"}`,
    );
    return h(`scheduled reminders dropped: ${lines.join("; ") || "none"}`);
  },
  EmailSuppressed: (detail) => h(`address suppressed: ${String(detail.reason ?? "")}`),
};

/** One Domain events row: when, the type, what it says in words, the JSON collapsed. */
export function eventRow(event: RecentEvent): string {
  let words = "";
  try {
    const detail = JSON.parse(event.detail) as unknown;
    const say = EVENT_WORDS[event.type];
    if (say && detail !== null && typeof detail === "object") words = say(detail as Detail);
  } catch {
    // Not JSON: the details below show it as stored.
  }
  return `<tr><td>${when(event.at)}</td><td>${h(event.type)}</td><td>${words}${rawJson(event.detail)}</td></tr>`;
}

/** A milestone entry as "done 2026-09-30"; statuses read with spaces ("in progress"). */
function milestoneState(entry: Detail | undefined): string {
  if (entry === undefined) return "—";
  const status = String(entry.status ?? "not started").replaceAll("_", " ");
  return typeof entry.date === "string" ? `${status} ${entry.date}` : status;
}

function isMilestoneList(value: unknown): value is Detail[] {
  return (
    Array.isArray(value) &&
    value.every((item) => item !== null && typeof item === "object" && "key" in item && "status" in item)
  );
}

/** Milestones before → after, by step: "USMLE Step 2 CK: scheduled 2027-06-15 → scheduled 2027-05-20". */
function milestoneChanges(before: unknown, after: Detail[]): string[] {
  const earlier = isMilestoneList(before) ? before : [];
  return after.map((entry) => {
    const was = earlier.find((other) => other.key === entry.key);
    return `${h(step(entry.key))}: ${h(milestoneState(was ?? { status: "not_started" }))} → ${h(milestoneState(entry))}`;
  });
}

/** A value in a from → to line: an instant as the page shows instants, absent as "—", else short JSON. */
function value(item: unknown): string {
  if (item === null || item === undefined) return "—";
  if (typeof item === "string") return /^\d{4}-\d{2}-\d{2}T/.test(item) ? when(item) : h(item);
  if (typeof item === "number" || typeof item === "boolean") return h(String(item));
  const json = JSON.stringify(item);
  return h(json.length > 80 ? `${json.slice(0, 79)}…` : json);
}

const FIELD_WORDS: Record<string, string> = {
  remindersPausedAt: "reminders paused",
  messageId: "email (SES message id)",
  milestones: "steps",
  interviews: "interviews",
  track: "visa and Match year",
};

/**
 * Resent reminders by step and rung, not by id, from what
 * the ledger stored when each was sent, else from the plan; the ids stay in the JSON.
 */
function remindersNamed(ids: unknown, view: ApplicantView): string {
  const named = (Array.isArray(ids) ? ids : []).map((id) => {
    const subject =
      view.state.ledger.find((entry) => entry.reminderId === id)?.subject ??
      view.plan.reminders.find((reminder) => reminder.id === id);
    return subject === undefined ? "a reminder no longer planned" : reminderLabel(subject);
  });
  return [...new Set(named)].join("; ") || "none";
}

/**
 * An interview in a saved what-if: its start in the program's zone (inProgramZone, as every view
 * gives an interview: never ET), or "cancelled"; ET only for a record without its zone.
 */
function interviewState(interview: Detail | undefined): string {
  if (interview === undefined) return "—";
  if (interview.status === "cancelled") return "cancelled";
  const { startsAt, timezone } = interview;
  if (typeof startsAt !== "string") return "—";
  if (typeof timezone !== "string") return when(startsAt);
  return `<time datetime="${h(startsAt)}">${h(inProgramZone(timezone, startsAt))}</time>`;
}

const TRACK_WORDS: Record<string, string> = { matchYear: "Match year", visa: "visa" };

/**
 * A saved what-if (a milestone.update) in the advisor's words: the steps,
 * the visa and Match year, and the interviews it changed; its submission id, type and the
 * applicant's external id are for the JSON below.
 */
function savedWhatIf(before: Detail, update: Detail): string[] {
  const lines: string[] = [];
  if (isMilestoneList(update.milestones) && update.milestones.length > 0)
    lines.push(...milestoneChanges(before.milestones, update.milestones));
  const was = (before.track ?? {}) as Detail;
  for (const [key, now] of Object.entries((update.track ?? {}) as Detail))
    lines.push(`${h(TRACK_WORDS[key] ?? key)}: ${value(was[key])} → ${value(now)}`);
  const earlier = Array.isArray(before.interviews) ? (before.interviews as Detail[]) : [];
  for (const interview of Array.isArray(update.interviews) ? (update.interviews as Detail[]) : []) {
    const previous = earlier.find((other) => interview.id !== undefined && other.id === interview.id);
    const program = interview.program ?? previous?.program ?? interview.id;
    lines.push(
      `interview with ${h(String(program))}: ${interviewState(previous)} → ${interviewState(interview)}`,
    );
  }
  return lines;
}

const isSavedWhatIf = (after: unknown): after is Detail =>
  after !== null && typeof after === "object" && (after as Detail).type === "milestone.update";

/** What a console action changed, one line per field or step that differs. */
function auditChanges(before: unknown, after: unknown, view: ApplicantView): string[] {
  if (isMilestoneList(after)) return milestoneChanges(before, after);
  if (after === null || typeof after !== "object" || Array.isArray(after))
    return [`${value(before)} → ${value(after)}`];
  const was = before !== null && typeof before === "object" ? (before as Detail) : {};
  if (isSavedWhatIf(after)) return savedWhatIf(was, after);
  const now = after as Detail;
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (JSON.stringify(was[key]) === JSON.stringify(now[key])) continue;
    if (key === "milestones" && isMilestoneList(now[key])) {
      lines.push(...milestoneChanges(was[key], now[key]));
      continue;
    }
    if (key === "reminderIds") {
      lines.push(`resent: ${h(remindersNamed(now[key], view))}`);
      continue;
    }
    lines.push(`${h(FIELD_WORDS[key] ?? key)}: ${value(was[key])} → ${value(now[key])}`);
  }
  return lines;
}

/** One Audit row: when, who, the action, what changed in words, before and after collapsed. */
export function auditRow(entry: AuditEntry, view: ApplicantView): string {
  const changes = auditChanges(entry.before ?? null, entry.after ?? null, view);
  const json = `before ${JSON.stringify(entry.before ?? null)}\nafter ${JSON.stringify(entry.after ?? null)}`;
  return `<tr><td>${when(entry.at)}</td><td>${h(entry.actor)} (${h(entry.role)})</td><td>${h(entry.action)}</td><td>${changes.join("<br>") || "no change"}${rawJson(json)}</td></tr>`;
}
