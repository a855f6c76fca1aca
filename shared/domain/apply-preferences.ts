import { catalogEntry } from "./catalog/index.ts";
import { RANKING_OPENS_RUNG } from "./date-words.ts";
import { MATCH_DAY_RESULT_RUNG, MATCH_RESULT_RUNG } from "./match-outcome-labels.ts";
import type { Plan, Reminder, StepSubject } from "./plan.ts";
import { CRITICAL_WINDOW_HOURS, inWindow, type Preferences, type ReminderCategory } from "./preferences.ts";
import type { MilestoneKey } from "./snapshot.ts";
import { fromWall, isoInZone, minutesFromClock, toWall, wallDayStart, wallMinuteOfDay } from "./time.ts";
import { breaksThroughSummary } from "./weekly-summary.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Reminders whose own instant is the event they tell of or ask about (NRMP's Match Week and Match
 * Day releases, ranking's opening): a weekly summary may gather them later, never earlier. Gathered
 * into the summary before, Match Week's "did you match? send your SOAP applications today" went five
 * days before NRMP's release (a Wednesday summary) or an hour before it (a Monday one at 09:00), and
 * nothing came on the release's day. Not gathered, such a reminder goes on its own at its instant.
 */
const NEVER_BEFORE_ITS_INSTANT: ReadonlySet<string> = new Set([
  MATCH_RESULT_RUNG,
  MATCH_DAY_RESULT_RUNG,
  RANKING_OPENS_RUNG,
]);

/** Which category a step's reminders belong to: its catalog entry's; interviews have their own. */
export function categoryOf(subject: StepSubject): ReminderCategory {
  return subject === "interview" ? "interviews" : catalogEntry(subject).category;
}

/**
 * Critical reminders are always sent, whatever the categories (the preferences page says so in
 * these words: CRITICAL_RULE_TEXT in preferences.ts):
 * - those within 72 hours of a deadline an authority sets (ECFMG, ERAS, NRMP: a confirmed or
 *   projected season date);
 * - the last reminder before a step's hard deadline tied to a season date (hasSeasonTiedDeadline:
 *   Step 1 and Step 2 CK before ranking, OET with the ECFMG Pathway, certification, ERAS, NRMP,
 *   the rank order list, the visa): such a step missed blocks the Match or the start, and its
 *   ladder may have no rung within 72 hours (Exams off silenced every Pathway and
 *   Step 2 CK reminder; and every OET one). Targets ("aim to finish by") and the
 *   applicant's own dates are advice or theirs, so they are not critical;
 * - those about a step a critical risk names.
 */
export function isCritical(reminder: Reminder, plan: Plan): boolean {
  const authority = isAuthorityDeadline(reminder);
  const close =
    Date.parse(reminder.deadline) - Date.parse(reminder.sendAt) <= CRITICAL_WINDOW_HOURS * HOUR_MS;
  if (authority && close) return true;
  if (isLastBeforeSeasonDeadline(reminder, plan)) return true;
  return plan.risks.some(
    (risk) => risk.severity === "critical" && risk.milestones.includes(reminder.milestone),
  );
}

/** Whether the reminder is the latest one the plan holds before its step's season-tied hard deadline. */
function isLastBeforeSeasonDeadline(reminder: Reminder, plan: Plan): boolean {
  if (reminder.countsDownTo !== undefined || reminder.milestone === "interview") return false;
  if (!hasSeasonTiedDeadline(reminder.milestone)) return false;
  const sendAt = Date.parse(reminder.sendAt);
  return !plan.reminders.some(
    (other) =>
      other.milestone === reminder.milestone &&
      other.countsDownTo === undefined &&
      other.deadline === reminder.deadline &&
      Date.parse(other.sendAt) > sendAt,
  );
}

/**
 * Whether a step's deadline is a hard one tied to a season date: counted from a season date
 * (catalog `due.from` "season"), or counted from the deadline of such a step that cannot go in
 * without this one (it is among that step's prerequisites: OET Medicine, whose result goes in with
 * the ECFMG Pathway application; the ERAS token, the ECFMG application, the DS-2019, the H-1B
 * petition). An advice date before a step that does not wait for it (the personal statement a
 * week before ERAS opens) is not: that step's own deadline carries the critical rung.
 */
export function hasSeasonTiedDeadline(key: MilestoneKey): boolean {
  const due = catalogEntry(key).due;
  if (due.from === "season") return true;
  if (due.from !== "milestone") return false;
  const gated = catalogEntry(due.key);
  return (
    gated.prerequisites.some((prerequisite) => prerequisite.key === key) && hasSeasonTiedDeadline(due.key)
  );
}

/**
 * Whether the reminder's date is one an authority sets: a confirmed date, or a projected one that is
 * the season date itself (catalog due rule from the season, offset 0, not advice). A Matchpath
 * target date ("(target date)", source "target: …") or a date counted from another step's date is
 * ours, even when it is projected from a projected season date.
 */
function isAuthorityDeadline(reminder: Reminder): boolean {
  const detail = reminder.deadlineDetail;
  if (detail.status === "confirmed") return true;
  if (detail.status !== "projected" || reminder.milestone === "interview") return false;
  if (detail.source.startsWith("target:")) return false;
  const due = catalogEntry(reminder.milestone).due;
  return due.from === "season" && due.offsetDays === 0 && due.basis !== "advice";
}

/** sendAt moved later to the next allowed instant, or kept when moving would reach the deadline. */
function moved(reminder: Reminder, at: number, zone: string): Reminder {
  if (at === Date.parse(reminder.sendAt) || at >= Date.parse(reminder.deadline)) return reminder;
  return { ...reminder, sendAt: new Date(at).toISOString(), sendAtLocal: isoInZone(zone, at) };
}

/** The first instant at or after `at` outside the quiet window (local). */
function outOfQuiet(at: number, zone: string, quiet: { start: string; end: string }): number {
  const wall = toWall(zone, at);
  if (!inWindow(wallMinuteOfDay(wall), quiet)) return at;
  const endMinute = minutesFromClock(quiet.end);
  let end = wallDayStart(wall) + endMinute * 60_000;
  if (end <= wall) end += DAY_MS;
  return fromWall(zone, end);
}

/**
 * The instant of the weekly summary that gathers a reminder sent at `at`: the first `digestDay`
 * (1 Monday … 7 Sunday) on or after its local day, at `deliveryMinute`. The one rule the planner's
 * follow-ups (follow-ups.ts) and the summary's slot (weeklySlot) read. Pure.
 */
export function summaryAt(at: number, zone: string, digestDay: number, deliveryMinute: number): number {
  return fromWall(zone, summaryWall(at, zone, digestDay, deliveryMinute));
}

/** summaryAt's wall-clock reading (the zone's local time as epoch ms). */
function summaryWall(at: number, zone: string, digestDay: number, deliveryMinute: number): number {
  const day = wallDayStart(toWall(zone, at));
  const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
  const days = (digestDay - weekday + 7) % 7;
  return day + days * DAY_MS + deliveryMinute * 60_000;
}

/**
 * The weekly summary a reminder goes into: the first `digestDay` on or after its local day, at the
 * applicant's delivery time (`deliveryMinute`), the instant the summary's email goes; unless that
 * one falls inside the last 72 hours before the date, where it would no longer be a summary item:
 * then the `digestDay` a week before (a rung 78.5 hours before its date went out on
 * its own because the next summary came 6.5 hours before it). At the delivery time, not the
 * reminder's own time of day: a reminder planned at the plan's instant (a critical notice, a late
 * arrival) took the instant of each re-plan, so the summary and the feed's alarm moved with every
 * download. A summary earlier than `now` (today's, already past) is the
 * next week's. Null when none fits: the earlier summary has passed (the applicant chose weekly
 * after it), and the reminder keeps its own time rather than being lost.
 */
function weeklySlot(
  at: number,
  latest: number,
  now: number,
  zone: string,
  digestDay: number,
  deliveryMinute: number,
): number | null {
  const wall = summaryWall(at, zone, digestDay, deliveryMinute);
  const slot = (offsetDays: number) => fromWall(zone, wall + offsetDays * DAY_MS);
  const next = slot(0);
  if (next < now) {
    const following = slot(7);
    return following <= latest ? following : null;
  }
  if (next <= latest) return next;
  const previous = slot(-7);
  return previous >= now && previous <= latest ? previous : null;
}

/**
 * The plan's reminders as the applicant asked for them: muted categories dropped (critical ones
 * kept), the weekly digest gathering what is not due within 72 hours onto one day (the next one,
 * or the one before when the next falls within the 72 hours; see weeklySlot), but for a critical
 * notice and a last day's countdown (breaksThroughSummary: kept at the planner's instant), and
 * nothing starting in quiet hours. A reminder is never moved to or past its deadline, nor before `plan.now`. Ids do not change,
 * so the ledger still knows what was sent. The delivery time itself is the planner's input
 * (`applicant.reminderTime`), so this function does not re-time to it.
 */
export function applyPreferences(plan: Plan, preferences: Preferences | undefined, zone: string): Plan {
  if (!preferences) return plan;
  const muted = new Set(preferences.mutedCategories);
  const reminders: Reminder[] = [];
  const now = Date.parse(plan.now);
  for (const reminder of plan.reminders) {
    const critical = isCritical(reminder, plan);
    if (muted.has(categoryOf(reminder.milestone)) && !critical) continue;
    let at = Date.parse(reminder.sendAt);
    const dueSoon = Date.parse(reminder.deadline) - at <= CRITICAL_WINDOW_HOURS * HOUR_MS;
    if (preferences.digest === "weekly" && !dueSoon && !breaksThroughSummary(reminder.rung)) {
      const latest = Date.parse(reminder.deadline) - CRITICAL_WINDOW_HOURS * HOUR_MS;
      const summary = weeklySlot(
        at,
        latest,
        now,
        zone,
        preferences.digestDay,
        minutesFromClock(preferences.deliveryTime),
      );
      if (summary !== null && (summary >= at || !NEVER_BEFORE_ITS_INSTANT.has(reminder.rung))) at = summary;
    }
    at = outOfQuiet(at, zone, preferences.quietHours);
    reminders.push(moved(reminder, at, zone));
  }
  return { ...plan, reminders };
}
