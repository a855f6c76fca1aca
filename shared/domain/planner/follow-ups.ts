import { summaryAt } from "../apply-preferences.ts";
import { followUpRung, reminderLadder } from "../catalog/index.ts";
import type { Deadline, StepSubject } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { sentAt } from "./sent-reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** A step past a date it was meant to meet (its target, or an early deadline) while a later deadline holds. */
export interface FollowUpSeries {
  milestone: StepSubject;
  title: string;
  why: string;
  /** The date that passed (its catch-up notice speaks first). */
  passed: number;
  /** The deadline still ahead, its rendering, and the ladder laid against it. */
  deadline: number;
  deadlineDetail: Deadline;
  ladder: string;
  everyDays: number;
  /** The rung's name; each reminder's id is made from `<rung>-<cut>-of-<parts>` and the deadline. */
  rung: string;
  /** Set when `deadline` is the step's target (Reminder.countsDownTo); one rung always counts down to one kind. */
  countsDownTo?: "target";
}

const firstLeads = new Map<string, number>();
/** How long before the deadline its ladder's first deadline-anchored rung goes out. */
function firstLead(ladder: string): number {
  let lead = firstLeads.get(ladder);
  if (lead === undefined) {
    lead = 0;
    for (const rung of reminderLadder(ladder))
      if (rung.anchor === "deadline") lead = Math.max(lead, rung.daysBefore * DAY_MS);
    firstLeads.set(ladder, lead);
  }
  return lead;
}

/**
 * Reminders at the applicant's delivery slot between the passed date and the deadline's own ladder,
 * never more than `everyDays` days apart (give or take the day a slot rounds to): a weekly series
 * counted back from the ladder's first rung (cutDays); otherwise the days from the passed date's local day to the
 * day of the ladder's first rung are cut into the fewest equal parts no longer than `everyDays`, and
 * each cut gets a reminder. The catch-up notice
 * speaks on the passed date; the ladder takes over at its end. Only those at or after now are
 * appended to `into`, and, with a weekly summary (PlannerInput.summaryDay), those whose summary is
 * at or after now: the summary gathers them (applyPreferences). Their ids depend only on the step, the rung, the cut and the deadline, never
 * on `now`: re-planning replaces them, and a moved date moves or renames them. Few at most (a
 * deadline months away, a two- or four-week interval).
 */
export function followUps(context: PlanContext, series: FollowUpSeries, into: TimedReminder[]): void {
  const all = seriesOf(context, series);
  const { summaryDay } = context;
  for (let index = 0; index < all.length; index++) {
    const each = all[index] as TimedReminder;
    // With a weekly summary, one passed whose summary is still to come stays: the summary sends it.
    if (
      each.sendAt >= context.now ||
      (summaryDay !== undefined &&
        summaryAt(each.sendAt, context.zone, summaryDay, context.deliveryMinute) >= context.now)
    )
      into.push(each);
  }
}

/**
 * Whether the caller's ledger marks any of the series' reminders sent (PlannerInput.remindersSent,
 * sentAt): the step has been chased already, so a catch-up still held back has nothing left to say.
 */
export function followUpSent(context: PlanContext, series: FollowUpSeries): boolean {
  if (context.remindersSent === undefined) return false;
  for (const each of seriesOf(context, series))
    if (sentAt(context, each.reminder.id) !== undefined) return true;
  return false;
}

/** A series' reminders at every cut, `now` aside: what followUps filters, for the zone and delivery time it was laid in. */
interface LaidSeries {
  zone: string;
  deliveryMinute: number;
  milestone: StepSubject;
  title: string;
  why: string;
  passed: number;
  deadline: number;
  ladder: string;
  everyDays: number;
  rung: string;
  reminders: TimedReminder[];
}

/**
 * Laid series by the deadline's rendering (shared frozen per zone and deadline, so plans of one
 * season and zone find theirs by identity), then a short list checked field by field. The cuts,
 * slots, ids (a hash each) and ISO texts read no `now`: made once, then each plan keeps those still
 * ahead. Bounded: a WeakMap on renderings, at most MAX_SERIES_PER_DEADLINE series each.
 */
const laidSeries = new WeakMap<Deadline, LaidSeries[]>();
const MAX_SERIES_PER_DEADLINE = 16;

function seriesOf(context: PlanContext, series: FollowUpSeries): TimedReminder[] {
  let laid = laidSeries.get(series.deadlineDetail);
  if (laid === undefined) {
    laid = [];
    laidSeries.set(series.deadlineDetail, laid);
  }
  for (const each of laid) {
    if (
      each.zone === context.zone &&
      each.deliveryMinute === context.deliveryMinute &&
      each.milestone === series.milestone &&
      each.passed === series.passed &&
      each.deadline === series.deadline &&
      each.title === series.title &&
      each.why === series.why &&
      each.ladder === series.ladder &&
      each.everyDays === series.everyDays &&
      each.rung === series.rung
    )
      return each.reminders;
  }
  const reminders = laySeries(context, series);
  if (laid.length >= MAX_SERIES_PER_DEADLINE) laid.length = 0;
  laid.push({
    zone: context.zone,
    deliveryMinute: context.deliveryMinute,
    milestone: series.milestone,
    title: series.title,
    why: series.why,
    passed: series.passed,
    deadline: series.deadline,
    ladder: series.ladder,
    everyDays: series.everyDays,
    rung: series.rung,
    reminders,
  });
  return reminders;
}

/**
 * The local days (wall-clock day starts) of a series' cuts, after the passed day and before the
 * ladder's first rung. A weekly series (a chase) is counted back from that rung in whole weeks, so
 * it falls on the rung's weekday: every step chased to one deadline (a J-1 applicant's contract and
 * Statement of Need, both to residency's start) is chased on the same day at the same slot, one
 * email a week, where spreading each evenly from its own passed date sent them on consecutive days.
 * The first cut is at most a week after the passed day; the number of cuts, and so the ids, are
 * those of the even spread. Any other cadence is spread evenly: the fewest equal parts no longer
 * than `everyDays`. A tapered one (the ladder's `far`: the certificate question) is spread so in
 * its last `far.nearDays` before the ladder's rung, and at most `far.everyDays` apart before them,
 * with a cut where the two meet; a span too short for both is spread at `everyDays` throughout.
 */
function cutDays(
  passedDay: number,
  ladderDay: number,
  everyDays: number,
  far: { everyDays: number; nearDays: number } | undefined,
): number[] {
  const days: number[] = [];
  if (everyDays === 7) {
    for (let day = ladderDay - 7 * DAY_MS; day > passedDay; day -= 7 * DAY_MS) days.unshift(day);
    return days;
  }
  const nearFrom = far === undefined ? passedDay : ladderDay - far.nearDays * DAY_MS;
  const tapered = far !== undefined && nearFrom - passedDay >= everyDays * DAY_MS;
  if (tapered) {
    evenCuts(passedDay, nearFrom, far.everyDays, days);
    days.push(nearFrom);
  }
  evenCuts(tapered ? nearFrom : passedDay, ladderDay, everyDays, days);
  return days;
}

/** The cuts strictly between two local days that part the span into the fewest equal parts no longer than `everyDays`, appended to `into`. */
function evenCuts(fromDay: number, toDay: number, everyDays: number, into: number[]): void {
  const spanDays = Math.round((toDay - fromDay) / DAY_MS);
  const parts = Math.ceil(spanDays / everyDays);
  for (let cut = 1; cut < parts; cut++) into.push(fromDay + Math.round((cut * spanDays) / parts) * DAY_MS);
}

/** Every cut's reminder before the deadline, in send order (followUps keeps those at or after now). */
function laySeries(context: PlanContext, series: FollowUpSeries): TimedReminder[] {
  const laid: TimedReminder[] = [];
  const passedDay = wallDayStart(toWall(context.zone, series.passed));
  const ladderDay = wallDayStart(toWall(context.zone, series.deadline)) - firstLead(series.ladder);
  const days = cutDays(passedDay, ladderDay, series.everyDays, followUpRung(series.ladder)?.far);
  const parts = days.length + 1;
  for (let cut = 1; cut < parts; cut++) {
    const sendAt = slotOnDay(context, days[cut - 1] as number);
    if (sendAt >= series.deadline) continue;
    const reminder = reminderRecord({
      id: reminderId(series.milestone, undefined, `${series.rung}-${cut}-of-${parts}`, series.deadline),
      milestone: series.milestone,
      rung: series.rung,
      title: series.title,
      deadline: series.deadlineDetail.at,
      deadlineDetail: series.deadlineDetail,
      sendAt: isoUtc(sendAt),
      sendAtLocal: isoInZone(context.zone, sendAt),
      why: series.why,
      countsDownTo: series.countsDownTo,
    });
    // Frozen: a laid series' reminders appear in many plans.
    laid.push(timedReminder(sendAt, series.deadline, Object.freeze(reminder)));
  }
  return laid;
}
