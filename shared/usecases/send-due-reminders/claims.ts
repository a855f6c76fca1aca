import type { Reminder } from "#domain/plan.ts";
import { interviewIdOf } from "#domain/planner/interviews.ts";
import type { Interview } from "#domain/snapshot.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { LedgerSubject, ReminderLedger } from "#ports/reminder-ledger.ts";
import { isFreshLinksId } from "../fresh-links-id.ts";
import type { Planning } from "../planning.ts";
import { sentReminderIds } from "../sent-reminders.ts";

/**
 * A claim older than this is taken to belong to a crashed send and may be claimed again. Longer
 * than a reminder invocation can run (Lambda's limit is 15 minutes).
 */
export const CLAIM_STALE_AFTER_MS = 15 * 60_000;

/** A retry of reminders held by another invocation fires this long after that claim goes stale. */
export const CLAIM_RETRY_MARGIN_MS = 1_000;

/** A reminder whose claim was left stale by a sender that died, as planned at the claim's slot. */
export interface RecoveredReminder {
  reminder: Reminder;
  slotAt: Date;
}

/**
 * The reminders of stale claims (claimed more than CLAIM_STALE_AFTER_MS ago and never marked sent)
 * that are not due now anyway, re-planned as of the slot each claim was made for: the plan made at
 * that instant had them due, so it gives them back with their text and deadline. A claim without a
 * slot (made before slots were recorded) is planned at its claim time. Pure computation: one plan
 * per distinct slot, no request.
 */
export function recoverStaleClaims(
  state: ApplicantState,
  dueNow: readonly Reminder[],
  clockNow: Date,
  planning: Planning,
): RecoveredReminder[] {
  const already = new Set(dueNow.map((reminder) => reminder.id));
  const staleBefore = clockNow.getTime() - CLAIM_STALE_AFTER_MS;
  const bySlot = new Map<string, Set<string>>();
  for (const entry of state.ledger) {
    if (entry.status !== "claimed" || already.has(entry.reminderId)) continue;
    // A fresh-links email is the http-api's, sent on request: no plan has it, nothing to recover.
    if (isFreshLinksId(entry.reminderId)) continue;
    if (Date.parse(entry.claimedAt) >= staleBefore) continue;
    const slot = entry.slotAt ?? entry.claimedAt;
    bySlot.set(slot, (bySlot.get(slot) ?? new Set()).add(entry.reminderId));
  }
  const recovered: RecoveredReminder[] = [];
  const sent = sentReminderIds(state);
  for (const [slot, ids] of bySlot) {
    const slotAt = new Date(slot);
    if (Number.isNaN(slotAt.getTime())) continue;
    const planAtSlot = planning.plan(state, slotAt);
    for (const reminder of planning.dueReminders(planAtSlot, slotAt, sent)) {
      if (ids.has(reminder.id) && !already.has(reminder.id)) {
        already.add(reminder.id);
        recovered.push({ reminder, slotAt });
      }
    }
  }
  return recovered;
}

/**
 * Claims what is due now for this wake-up's slot and each recovered reminder for its own slot, so a
 * second death still recovers at the first slot. One request in the usual case (nothing recovered).
 */
export async function claimDue(
  applicantId: string,
  dueNow: readonly Reminder[],
  recovered: readonly RecoveredReminder[],
  instants: { now: Date; clockNow: Date },
  ledger: Pick<ReminderLedger, "claimReminders">,
  matchYear: number,
  interviews: readonly Interview[] = [],
): Promise<string[]> {
  const subjects = new Map(
    [...dueNow, ...recovered.map(({ reminder }) => reminder)].map((reminder) => [
      reminder.id,
      subjectOf(reminder, matchYear, interviews),
    ]),
  );
  const claim = (ids: string[], slotAt: Date) =>
    ids.length === 0
      ? Promise.resolve([])
      : ledger.claimReminders(applicantId, ids, instants.clockNow, CLAIM_STALE_AFTER_MS, slotAt, subjects);
  const bySlot = new Map<number, string[]>();
  for (const { reminder, slotAt } of recovered) {
    bySlot.set(slotAt.getTime(), [...(bySlot.get(slotAt.getTime()) ?? []), reminder.id]);
  }
  const claimed = await claim(
    dueNow.map((reminder) => reminder.id),
    instants.now,
  );
  for (const [slot, ids] of bySlot) claimed.push(...(await claim(ids, new Date(slot))));
  return claimed;
}

/**
 * When to come back for reminders another invocation holds: the due ones it claimed before us, and
 * any live claim in the ledger (a claim this plan no longer has due, say because the rung moved,
 * is still that invocation's to finish or to leave stale). Just after the latest of those claims
 * goes stale; a claim made after the ledger was read is at most as old as now. Undefined: none.
 */
export function retryAfterClaims(
  state: ApplicantState,
  heldElsewhere: readonly Reminder[],
  claimedHere: ReadonlySet<string>,
  clockNow: Date,
): Date | undefined {
  const staleBefore = clockNow.getTime() - CLAIM_STALE_AFTER_MS;
  const claimedAt = new Map(state.ledger.map((entry) => [entry.reminderId, Date.parse(entry.claimedAt)]));
  const times = heldElsewhere.map((reminder) => {
    const at = claimedAt.get(reminder.id);
    return at === undefined || Number.isNaN(at) ? clockNow.getTime() : at;
  });
  for (const entry of state.ledger) {
    const at = Date.parse(entry.claimedAt);
    if (isFreshLinksId(entry.reminderId)) continue;
    if (entry.status === "claimed" && !claimedHere.has(entry.reminderId) && at >= staleBefore) times.push(at);
  }
  if (times.length === 0) return undefined;
  const latest = Math.min(Math.max(...times), clockNow.getTime());
  return new Date(latest + CLAIM_STALE_AFTER_MS + CLAIM_RETRY_MARGIN_MS);
}

/**
 * What a reminder is about, as its ledger item keeps it from the claim on (the console names it by
 * this); for an interview's reminder, the interview as the email's calendar file gives it, so a
 * cancellation can name and cancel that file once the interview is gone (sent-invites.ts).
 */
export function subjectOf(
  reminder: Reminder,
  matchYear: number,
  interviews: readonly Interview[] = [],
): LedgerSubject {
  const interview =
    reminder.interviewId === undefined
      ? undefined
      : interviews.find((candidate) => interviewIdOf(candidate) === reminder.interviewId);
  return {
    milestone: reminder.milestone,
    ...(reminder.interviewId ? { interviewId: reminder.interviewId } : {}),
    rung: reminder.rung,
    title: reminder.title,
    matchYear,
    ...(interview
      ? {
          interview: {
            program: interview.program,
            startsAt: interview.startsAt,
            timezone: interview.timezone,
            format: interview.format,
          },
        }
      : {}),
  };
}
