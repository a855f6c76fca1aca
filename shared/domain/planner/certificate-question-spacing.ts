import { DAY_MS } from "../time.ts";
import { isCertificateQuestion } from "./certificate-question.ts";
import type { PlanContext } from "./context.ts";
import type { TimedReminder } from "./reminders.ts";
import { sentAt } from "./sent-reminders.ts";

/** At most one certificate question a week (advice, the question's own cadence is monthly, fortnightly near its date). */
const SPACING_MS = 7 * DAY_MS;

/**
 * The certificate question is not asked on consecutive or near days (5 and 6 Dec,
 * the first notice at the next slot and a follow-up cut from the day the last hold lifted): a
 * question within a week after an earlier one kept is removed from `reminders`. The step's own
 * "Due" countdown is not a question and keeps its rungs. Dropping keeps every other id as it was:
 * deterministic. A question the caller's ledger marks sent (sentAt) counts from when it went out and
 * is never dropped itself, so a re-plan days later does not drop the follow-up a week after it, as
 * the NRMP question's spacing does (nrmp-question-spacing.ts).
 */
export function spaceCertificateQuestion(context: PlanContext, reminders: TimedReminder[]): void {
  let asked: { timed: TimedReminder; at: number; sent: boolean }[] | undefined;
  for (const timed of reminders) {
    if (!isCertificateQuestion(timed.reminder)) continue;
    const sent = sentAt(context, timed.reminder.id);
    asked ??= [];
    asked.push({ timed, at: sent ?? timed.sendAt, sent: sent !== undefined });
  }
  if (asked === undefined || asked.length < 2) return;
  asked.sort((a, b) => a.at - b.at);
  let last = Number.NEGATIVE_INFINITY;
  const dropped = new Set<TimedReminder>();
  for (const { timed, at, sent } of asked) {
    if (!sent && at < last + SPACING_MS) dropped.add(timed);
    else last = at;
  }
  if (dropped.size === 0) return;
  let kept = 0;
  for (const timed of reminders) if (!dropped.has(timed)) reminders[kept++] = timed;
  reminders.length = kept;
}
