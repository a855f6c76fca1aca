import type { CatalogEntry } from "../catalog/index.ts";
import type { NextStep } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE, isoUtc, renderDate, startOfLocalDate } from "../time.ts";
import {
  AFTER_EARLY_DEADLINE_EVERY_DAYS,
  AFTER_EARLY_DEADLINE_INTERVIEWING_EVERY_DAYS,
  AFTER_EARLY_DEADLINE_INTERVIEWING_LADDER,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { couplesMatchNote } from "./couples-match.ts";
import { deadlineDetail } from "./date-math.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { followUps } from "./follow-ups.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { milestoneNextStep } from "./next-step.ts";
import {
  NRMP_ASKED_REMINDER_TITLE,
  nrmpAskedWords,
  nrmpRegistrationAsked,
} from "./nrmp-registration-asked.ts";
import {
  NRMP_WEIGHING_REMINDER_TITLE,
  nrmpWeighingAction,
  nrmpWhileWeighing,
} from "./nrmp-while-weighing.ts";
import { type DueStep, dueNextStep } from "./ordering.ts";
import { pastRegistrationWords } from "./past-season.ts";
import { plannedAtCloseAction } from "./planned-at-close.ts";
import { plannedDayAsked } from "./planned-day-asked.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";
import { datedUrgency } from "./urgency.ts";

/**
 * The later hard deadline of a step whose own deadline has passed (NRMP: late registration closes
 * with the rank order list deadline, official), while it is still ahead; else null.
 */
export function lateDeadlineOf(context: PlanContext, entry: CatalogEntry): DueDate | null {
  const late = lateDeadlineDue(context, entry);
  return late === null || late.at < context.now ? null : late;
}

/**
 * The later hard deadline once it has passed too, else null: the deadline an overdue step missed
 * last, which its overdue entry names ("NRMP registration, due Mon 30 Nov
 * 2026" though registration stayed open until the late deadline, 24 Feb 2027).
 */
export function passedLateDeadlineOf(context: PlanContext, entry: CatalogEntry): DueDate | null {
  const late = lateDeadlineDue(context, entry);
  return late === null || late.at >= context.now ? null : late;
}

function lateDeadlineDue(context: PlanContext, entry: CatalogEntry): DueDate | null {
  const rule = entry.lateDeadline;
  if (rule === undefined) return null;
  const date = context.calendar.dates[rule.dateKey];
  const known = lateDues.get(date);
  if (known !== undefined && known.rule === rule) return known.due;
  const due = shapedDueDate({
    at: date.at,
    zone: ET_ZONE,
    status: date.status === "projected" ? "projected" : "confirmed",
    basis: date.status,
    source: date.status === "projected" ? date.source : rule.source,
  });
  lateDues.set(date, { rule, due });
  return due;
}

/**
 * One DueDate per season date and catalog rule, shared by every plan of the season: PlanDates
 * renders it once (it memoises by object), and the reminder ladders laid against it are found by
 * that rendering (ladderOf), which a rendering made afresh per plan would miss every time.
 */
const lateDues = new WeakMap<
  SeasonCalendar["dates"][keyof SeasonCalendar["dates"]],
  { rule: NonNullable<CatalogEntry["lateDeadline"]>; due: DueDate }
>();

/**
 * The step once its deadline has passed but a later one holds: due by the late deadline, not
 * overdue (it can still be done, and "overdue" beside a date three months ahead would mislead),
 * urgent, with the missed deadline beside it and the late action text (the late fee), and
 * reminders laid against the late deadline. The missed deadline serves as the start-by rung, so
 * the applicant hears at the next delivery slot (the catch-up rule), then every
 * AFTER_EARLY_DEADLINE_EVERY_DAYS days until the late deadline's ladder begins (followUps); a
 * follow-up on the catch-up's slot replaces it, so one reminder per slot. NRMP registration for an
 * applicant interviewing for the Match (interviewingForMatch) cannot wait: weekly follow-ups, then a
 * ladder tightening toward the late deadline (AFTER_EARLY_DEADLINE_INTERVIEWING_*).
 */
export function planLateDeadline(
  context: PlanContext,
  entry: CatalogEntry,
  missed: DueDate,
  late: DueDate,
  dates: PlanDates,
  out: { nextSteps: DueStep<NextStep>[]; reminders: TimedReminder[] },
): void {
  const detail = dates.rendered(late);
  const interviewing = entry.key === "nrmp_registration" && interviewingForMatch(context);
  const ladder = interviewing ? AFTER_EARLY_DEADLINE_INTERVIEWING_LADDER : entry.ladder;
  // Never reported, interviewing: asked, not told they are unregistered, in the card and
  // in the reminders' title.
  const asked = interviewing && nrmpRegistrationAsked(context);
  // Beside ERAS_LATE_SUBMISSION's "weigh the next Match", on that condition.
  const weighing = !asked && entry.key === "nrmp_registration" && nrmpWhileWeighing(context);
  const title = asked ? NRMP_ASKED_REMINDER_TITLE : weighing ? NRMP_WEIGHING_REMINDER_TITLE : entry.title;
  // Registering late as a couple still links in R3 before ranking.
  // Begun (in progress) or planned for a day (scheduled): its own words, and no "Start now" in its
  // reminders.
  const begun = statusOf(context, entry.key) !== "not_started";
  const lateText = lateActionOf(context, entry, late);
  // A re-applicant's registration of an earlier Match says which Match it was for, first.
  const earlier = entry.key === "nrmp_registration" ? pastRegistrationWords(context) : null;
  const lateAction = `${earlier === null ? "" : `${earlier} `}${lateText ?? entry.action}${couplesMatchNote(context, entry, "not_started")}`;
  const step = milestoneNextStep(
    entry,
    asked
      ? nrmpAskedWords(context, missed.at, missed.status === "projected")
      : weighing
        ? nrmpWeighingAction(context, lateAction)
        : lateAction,
    // The missed deadline is the start-by: passed, so urgent by the one rule (urgency.ts).
    datedUrgency(context.now, late.at, missed.at),
    detail,
    deadlineDetail(context.zone, missed.at, missed.status, missed.basis, missed.source),
    undefined,
    undefined,
    undefined,
    isoUtc(missed.at),
  );
  out.nextSteps.push(dueNextStep(step, step.urgency, missed.at, stepIndex(entry.key), ""));
  const laid = out.reminders.length;
  remindersFor(
    context,
    {
      milestone: entry.key,
      interviewId: undefined,
      title,
      why: entry.why.text,
      ladder,
      deadline: late.at,
      deadlineDetail: detail,
      countsDownTo: undefined,
      // The missed deadline is the start-by of a registration not started ("Start now") and the
      // finish-by of one begun ("finish-by", a bookBy rung): either is caught up the next morning.
      // A planned day has its own question the morning after it instead (plannedDayAsked).
      startBy: statusOf(context, entry.key) === "scheduled" ? null : missed.at,
      notStarted: !begun,
    },
    out.reminders,
  );
  const series: TimedReminder[] = [];
  followUps(
    context,
    {
      milestone: entry.key,
      title,
      why: entry.why.text,
      passed: missed.at,
      deadline: late.at,
      deadlineDetail: detail,
      ladder,
      everyDays: interviewing
        ? AFTER_EARLY_DEADLINE_INTERVIEWING_EVERY_DAYS
        : AFTER_EARLY_DEADLINE_EVERY_DAYS,
      rung: "after-early-deadline",
    },
    series,
  );
  // The series is a few reminders: a scan of it per reminder, rather than a mapped array and a Set
  // made on every such plan (the profile's costliest line here).
  let kept = laid;
  for (let index = laid; index < out.reminders.length; index++) {
    const each = out.reminders[index] as TimedReminder;
    if (!onSlotOf(series, each.sendAt)) out.reminders[kept++] = each;
  }
  // Setting an array's length is a runtime call even when nothing was dropped (0.2 % of the bench).
  if (kept !== out.reminders.length) out.reminders.length = kept;
  for (const each of series) out.reminders.push(each);
  // A day planned past the early deadline: asked the morning after it, between the series' rungs.
  plannedDayAsked(context, entry, { at: late.at, detail }, out.reminders);
}

/**
 * The late deadline's words for the step's status: begun, what finishes it; planned for a day still
 * ahead, that day named and why waiting for it saves nothing (the late fee applies either way);
 * planned for a day now passed, did you? and if not, now; planned with no day, or for the day the
 * late deadline falls on or after it, plannedAtCloseAction's words; else the catalog's late action.
 */
function lateActionOf(context: PlanContext, entry: CatalogEntry, close: DueDate): string | undefined {
  const late = entry.lateDeadline;
  if (late === undefined) return undefined;
  const status = statusOf(context, entry.key);
  if (status === "in_progress") return late.inProgressAction ?? late.action;
  if (status !== "scheduled" || late.scheduledAction === undefined) return late.action;
  // Planned with no day, or for the day registration closes or later: now, or not in the Match.
  const atClose = plannedAtCloseAction(context, entry, close.at, close.status === "projected");
  if (atClose !== undefined) return atClose;
  const date = context.entries.at(stepIndex(entry.key))?.date;
  if (date === undefined) return late.scheduledAction.replaceAll("{date}", "the day you planned");
  const passed = startOfLocalDate(context.zone, date) + DAY_MS <= context.now;
  const text = passed ? (late.scheduledPassedAction ?? late.action) : late.scheduledAction;
  return text.replaceAll("{date}", renderDate(date));
}

/** Whether one of `series` goes out at `sendAt`. */
function onSlotOf(series: readonly TimedReminder[], sendAt: number): boolean {
  for (let index = 0; index < series.length; index++)
    if ((series[index] as TimedReminder).sendAt === sendAt) return true;
  return false;
}
