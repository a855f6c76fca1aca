import { laterPlannedMatchYear } from "./match-year-heading.ts";
import type { Plan, Reminder, StepSubject } from "./plan.ts";
import { isCriticalNoticeRung } from "./planner/critical-notice-id.ts";
import { seasonCalendar } from "./seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";
import { localDate, renderDate, startOfLocalDate } from "./time.ts";

/**
 * Snoozes: which lengths a step offers, how far one may reach, what it silences, and the
 * plan with the snoozed reminders dropped. Each deadline's last reminder always comes. Pure: the
 * caller passes the plan and the applicant's zone; nothing here reads a clock.
 */

/** Snooze lengths offered, in days: "a few days", each capped at the deadline's last rung. */
export const SNOOZE_DAYS = [2, 4, 7] as const;

function remindersOf(plan: Plan, milestone: StepSubject): Reminder[] {
  return plan.reminders
    .filter((reminder) => reminder.milestone === milestone && reminder.interviewId === undefined)
    .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt));
}

/**
 * The latest date (the applicant's local "YYYY-MM-DD") a snooze of this step may reach: the day of
 * the last reminder before the step's nearest deadline, which a snooze never silences. Undefined
 * when no reminder is left before that last one (nothing to snooze).
 */
export function snoozeLimit(plan: Plan, milestone: MilestoneKey, zone?: string): string | undefined {
  const reminders = remindersOf(plan, milestone).filter(
    (reminder) => Date.parse(reminder.sendAt) > Date.parse(plan.now),
  );
  const last = lastRungs(reminders).values().next().value;
  if (last === undefined) return undefined;
  const quietable = reminders.filter((reminder) => reminder.deadline === last.deadline && reminder !== last);
  if (quietable.length === 0) return undefined;
  return zone ? localDate(zone, Date.parse(last.sendAt)) : last.sendAtLocal.slice(0, 10);
}

/** The last rung (latest sendAt) of each deadline: never silenced by a snooze. */
function lastRungs(reminders: readonly Reminder[]): Set<Reminder> {
  const byDeadline = new Map<string, Reminder>();
  for (const reminder of reminders) {
    const known = byDeadline.get(reminder.deadline);
    if (!known || Date.parse(reminder.sendAt) > Date.parse(known.sendAt))
      byDeadline.set(reminder.deadline, reminder);
  }
  return new Set(
    [...byDeadline.values()].sort((left, right) => Date.parse(left.deadline) - Date.parse(right.deadline)),
  );
}

/**
 * The date a snooze of `days` from `today` (local "YYYY-MM-DD") ends, capped at the step's snooze
 * limit. Undefined when the step cannot be snoozed.
 */
export function snoozeUntil(
  plan: Plan,
  milestone: MilestoneKey,
  today: string,
  days: number,
  zone: string,
): string | undefined {
  const limit = snoozeLimit(plan, milestone, zone);
  if (limit === undefined) return undefined;
  return [daysLater(today, days, zone), limit].sort()[0];
}

/** The local date `days` after `today` (noon steps over a daylight-saving change). */
function daysLater(today: string, days: number, zone: string): string {
  return localDate(zone, startOfLocalDate(zone, today) + (days * 24 + 12) * 3_600_000);
}

/** One snooze length offered: the days, the local date it ends on, and whether that is the last reminder's day. */
export interface SnoozeOption {
  days: number;
  until: string;
  lastReminder?: true;
}

/**
 * Why a step offers no Snooze at all now, whatever its reminders, as the end of a sentence in the
 * applicant's words; undefined when it may. Asked by snoozeOptions, so the email, the timeline and
 * the action link's POST agree on the same plan:
 * - a critical risk's notice rides on the step (Risk.noticeOn, which stays once the notice has gone
 *   out, so the plan without sent reminders answers alike), or a critical notice names it (its risk's
 *   `milestones`: the Statement of Need beside the contract the notice rides on): it asks to act by
 *   its date and is always sent (README), and a snooze would quiet a step it calls critical;
 * - on SOAP from Match Week's notification until SOAP ends (the season's dates): the offer rounds
 *   come a day apart, and a snooze there could silence the reminder of one (our advice).
 */
export function snoozeHeldBack(plan: Plan, milestone: MilestoneKey): string | undefined {
  const critical = (risk: Plan["risks"][number]) =>
    risk.severity === "critical" && risk.noticeOn !== undefined && risk.milestones.includes(milestone);
  if (plan.risks.some((risk) => risk.noticeOn === milestone || critical(risk)))
    return "a critical notice about it asks you to act by its date";
  if (milestone !== "soap") return undefined;
  const { dates } = seasonCalendar(laterPlannedMatchYear(plan) ?? plan.matchYear);
  const now = Date.parse(plan.now);
  if (now >= dates.nrmp_match_week_start_and_soap_start.at && now < dates.nrmp_soap_ends.at)
    return "from Match Week's notification until SOAP ends, a snooze could silence the reminder of a SOAP offer round";
  return undefined;
}

/**
 * The snooze lengths worth offering on `today` (the applicant's local "YYYY-MM-DD"): each of
 * SNOOZE_DAYS with the date it would end on (snoozeUntil, capped at the last rung: `lastReminder`
 * then), once per end date, and only when a reminder it silences (applySnoozes: one still to come,
 * not a deadline's last rung) is sent before that date. Empty when a snooze would silence nothing
 * (a snooze "recorded" then would change no email), or when the step takes none now (snoozeHeldBack).
 */
export function snoozeOptions(
  plan: Plan,
  milestone: MilestoneKey,
  today: string,
  zone: string,
): SnoozeOption[] {
  if (snoozeHeldBack(plan, milestone) !== undefined) return [];
  const limit = snoozeLimit(plan, milestone, zone);
  const options: SnoozeOption[] = [];
  for (const days of SNOOZE_DAYS) {
    const until = snoozeUntil(plan, milestone, today, days, zone);
    if (until === undefined || options.some((option) => option.until === until)) continue;
    if (silencedBefore(plan, milestone, until, zone).length === 0) continue;
    options.push({ days, until, ...(until === limit ? { lastReminder: true as const } : {}) });
  }
  return options;
}

/** The step's reminders still to come that a snooze ending on `until` silences (as applySnoozes does). */
function silencedBefore(plan: Plan, milestone: MilestoneKey, until: string, zone: string): Reminder[] {
  const ends = startOfLocalDate(zone, until);
  const reminders = remindersOf(plan, milestone);
  const last = lastRungs(reminders);
  const now = Date.parse(plan.now);
  return reminders.filter((reminder) => {
    const at = Date.parse(reminder.sendAt);
    return at > now && at < ends && !last.has(reminder);
  });
}

/**
 * Why the step offers no snooze, in the applicant's words: the rule that holds it back
 * (snoozeHeldBack: “Snooze” is not a choice for “…” now: …), else why a snooze silences nothing:
 * with `days`, a length a link asked for ("Nothing to snooze in 2 days: … before Wed 10 Jun 2026");
 * without, the longest ("Nothing to snooze: … before Sat 13 Jun 2026"), each naming the day the
 * snooze would end, as snoozeUntil does. Names the step's next reminder, or says it is the last before the
 * deadline, which always comes.
 */
export function nothingToSnoozeText(
  plan: Plan,
  milestone: MilestoneKey,
  zone: string,
  title: string,
  days?: number,
): string {
  const heldBack = snoozeHeldBack(plan, milestone);
  if (heldBack !== undefined) return `“Snooze” is not a choice for “${title}” now: ${heldBack}`;
  const now = Date.parse(plan.now);
  const reminders = remindersOf(plan, milestone);
  const next = reminders.find((reminder) => Date.parse(reminder.sendAt) > now);
  const nextWords = next && renderDate(localDate(zone, Date.parse(next.sendAt)));
  if (next === undefined) return `Nothing to snooze: no reminder about “${title}” is planned`;
  if (lastRungs(reminders).has(next) && snoozeLimit(plan, milestone, zone) === undefined)
    return `Nothing to snooze: the next reminder about “${title}”, on ${nextWords}, is the last before its deadline, which always comes`;
  // A snooze ends at the local midnight starting its end day (applySnoozes), so the words name that
  // day: "in the next 7 days" would deny a reminder less than 7×24 hours away on the seventh day.
  const longest = Math.max(...SNOOZE_DAYS);
  const today = localDate(zone, now);
  const until =
    snoozeUntil(plan, milestone, today, days ?? longest, zone) ?? daysLater(today, days ?? longest, zone);
  const lead = days === undefined ? "Nothing to snooze" : `Nothing to snooze in ${days} days`;
  return `${lead}: no reminder about “${title}” is due before ${renderDate(until)}; the next one comes on ${nextWords}`;
}

/**
 * Drops the reminders a snooze silences: those of a snoozed milestone sent before the snooze's
 * end (local midnight starting `snoozedUntil`), except each deadline's last rung and every critical
 * notice (always sent, README): a risk that arose after the snooze was recorded is not quieted by it.
 */
export function applySnoozes(plan: Plan, milestones: readonly MilestoneEntry[], zone: string): Plan {
  const snoozed = new Map(
    milestones.flatMap((entry) => (entry.snoozedUntil ? [[entry.key, entry.snoozedUntil] as const] : [])),
  );
  if (snoozed.size === 0) return plan;
  const kept = new Set<Reminder>();
  for (const [milestone, until] of snoozed) {
    const ends = startOfLocalDate(zone, until);
    const reminders = remindersOf(plan, milestone);
    const last = lastRungs(reminders);
    for (const reminder of reminders) {
      if (last.has(reminder) || isCriticalNoticeRung(reminder.rung) || Date.parse(reminder.sendAt) >= ends)
        kept.add(reminder);
    }
  }
  const silenced = (reminder: Reminder) => {
    const until = snoozed.get(reminder.milestone as MilestoneKey);
    return until !== undefined && Date.parse(reminder.sendAt) < startOfLocalDate(zone, until);
  };
  return {
    ...plan,
    reminders: plan.reminders
      .filter(
        (reminder) =>
          reminder.milestone === "interview" || !snoozed.has(reminder.milestone) || kept.has(reminder),
      )
      .map((reminder) => withoutSilenced(reminder, silenced)),
  };
}

/**
 * `reminder` without the folded reminders (Reminder.folded: the NRMP question the rank list's
 * carries) a snooze silences: one whose carrier was already sent goes on its own
 * (dueReminders), which a snoozed step's must not. The carrier's words are as they were.
 */
function withoutSilenced(reminder: Reminder, silenced: (each: Reminder) => boolean): Reminder {
  if (reminder.folded === undefined || !reminder.folded.some(silenced)) return reminder;
  return { ...reminder, folded: reminder.folded.filter((each) => !silenced(each)) };
}

/**
 * What a recorded snooze still lets through, in the applicant's words (the action pages and the
 * timeline): applySnoozes keeps each deadline's last reminder and every critical notice.
 */
export const SNOOZE_KEEPS =
  "no reminder about it before then, except the last one before its deadline and any critical notice";
