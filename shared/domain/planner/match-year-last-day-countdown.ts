import type { NextStep, Risk } from "../plan.ts";
import { DAY_MS, localDate, MINUTE_MS } from "../time.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { endsLocalDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { instantOf } from "./instant-of.ts";
import { dayText } from "./last-sitting-day.ts";
import { namesLaterChance } from "./later-last-day.ts";
import { isPathwayLastDayDue, pathwayLastDayDue } from "./pathway-last-day.ts";
import { pathwayLateTitle } from "./pathway-late-title.ts";
import { isPathwayUnconfirmedRisk } from "./pathway-unconfirmed-risk.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";
import { judgedOnTargetedMatch, type TargetedMatch } from "./targeted-match.ts";

// The countdown to the last day that keeps a Match:
// MATCH_YEAR_LAST_DAY was a warning with no rung of its own, so an applicant who stalled
// heard nothing in the days before it, and the first critical notice came the day after it passed.

/**
 * The last day MATCH_YEAR_LAST_DAY names (its lastWorkingAt) as a due date, for its countdown and
 * its notice: projected (the chain's allowances are advice, the deadlines it ends at projected); a
 * day when it ends one of the applicant's days, else the instant with its hour (endsLocalDay).
 * One object per zone and instant, so PlanDates renders it once and the ladder memo finds it.
 * Undefined for a risk with no last day.
 */
export function lastDayDue(context: PlanContext, risk: Risk): DueDate | undefined {
  if (risk.code !== "MATCH_YEAR_LAST_DAY" || risk.lastWorkingAt === undefined) return undefined;
  // The chain's search keeps now's seconds (now plus whole minutes of slack): the last minute it
  // finds is the one that ends at the day's instant, so its end is that instant, the same from any now
  // (the rungs' ids count from it).
  const at = Math.ceil(instantOf(risk.lastWorkingAt) / MINUTE_MS) * MINUTE_MS;
  // The Pathway application's deadline on the later candidate (a Pathway not submitted past its
  // projected deadline): ECFMG's date as projected, no allowance of ours, so marked projected.
  const pathway = pathwayLastDayDue(context);
  if (pathway !== null && pathway.at === at) return pathway;
  return adviceDayDue(context, at, LAST_DAY_SOURCE, endsLocalDay(context.zone, at));
}
const LAST_DAY_SOURCE =
  "MATCH_YEAR_LAST_DAY: the last day the Match is still in reach at the fastest pace (allowances are advice, deadlines projected)";

/** Whether `due` is a last day lastDayDue made (not a named step's own deadline nor the rank order list's). */
export function isLastDayDue(due: DueDate): boolean {
  return due.source === LAST_DAY_SOURCE || isPathwayLastDayDue(due);
}

/**
 * The countdown's title: what happens after the day the email's "Due" names ({year}: that Match).
 * A day on NRMP's projected deadline with a later last day on its later candidate (namesLaterChance)
 * is the one to plan for, not the day the plan moves.
 */
function countdownTitle(context: PlanContext, laterChance: boolean, risk: Risk): string {
  // A Pathway not submitted (or in progress with no date, maybe in already) past ECFMG's projected
  // deadline: its notice's own "submit your application today" title, never "after the day below"
  // (ECFMG's deadline was 31 Dec for the 2024 Match, 31 Jan for the 2023 Match: waiting for the
  // later candidate's day may lose the year).
  const pathway = pathwayLateTitle(context, risk);
  if (pathway !== undefined) return pathway;
  return lastDaysTitle(context.calendar.matchYear, laterChance);
}

/** "Your last days for the {year} Match: …", the countdown's own title (see countdownTitle). */
function lastDaysTitle(year: number, laterChance: boolean): string {
  const key = laterChance ? -year : year;
  let title = titles.get(key);
  if (title === undefined) {
    title = laterChance
      ? `Your last days for the ${year} Match on NRMP's projected deadline: act by the day below`
      : `Your last days for the ${year} Match: after the day below, your plan moves to the ${year + 1} Match`;
    titles.set(key, title);
  }
  return title;
}
const titles = new Map<number, string>();

/**
 * For each MATCH_YEAR_LAST_DAY with a last day ahead (the projected deadline's, or once it has
 * passed the later candidate's), the last-day ladder's rungs (the hard-deadline ladder's 14, 3 and 1
 * day(s) before under a name of their own, so the step's email says "Act by" that day, never a
 * second "Due" beside the step's own deadline; with the ladder rules: delivery slot, quiet hours,
 * catch-up, ids from step, rung and day) on the first
 * step it names that is a next step (the first action it lists), its text the risk's own (which
 * says that after that day the plan moves to a later Match); a critical one's notice stands for a
 * missed rung's catch-up. None when the day is a named step's own deadline (ownLadderCounts), but
 * for the Pathway's last day, whose row is due by it with no ladder of its own.
 * Appended to `into`. A risk judged on the Match the plan moved to is laid on that Match's context
 * (as its notice is).
 */
export function lastDayCountdown(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
  targeted?: TargetedMatch,
): void {
  for (const risk of risks) {
    if (risk.code !== "MATCH_YEAR_LAST_DAY") continue;
    const on = judgedOnTargetedMatch(targeted, risk) ? (targeted as TargetedMatch) : null;
    const riskContext = on?.context ?? context;
    const due = lastDayDue(riskContext, risk);
    if (due === undefined || due.at < context.now) continue;
    const step = firstNamed(risk, nextSteps);
    // The Pathway's row is due by its last day with no ladder of its own (pathwayDueHasNoLadder).
    if (step === undefined || (!isPathwayLastDayDue(due) && ownLadderCounts(risk, nextSteps, due.at)))
      continue;
    const laid = into.length;
    remindersFor(
      context,
      {
        milestone: step.milestone,
        interviewId: undefined,
        title: countdownTitle(riskContext, namesLaterChance(risk), risk),
        why: risk.message,
        ladder: "last-day",
        deadline: due.at,
        deadlineDetail: (on?.dates ?? dates).rendered(due),
        countsDownTo: undefined,
        startBy: null,
        notStarted: false,
      },
      into,
    );
    // Critical, its notice goes out now on this step and day: it stands for a missed rung's catch-up,
    // and for a rung due later on the day it goes or went out (sent before the delivery slot, the
    // 1-day rung an hour after it was a second email saying the same).
    if (risk.severity === "critical") dropToldByNotice(context, into, laid, step.milestone);
  }
}

/**
 * Drops the rungs appended to `into` from `from` on that last day's notice on `milestone` (of risk
 * `code`, laid before them, criticalRiskNotices) stands for: the re-timed missed rungs
 * (TimedReminder.missedAt), and those due on the applicant's day the notice goes or went out.
 */
export function dropToldByNotice(
  context: PlanContext,
  into: TimedReminder[],
  from: number,
  milestone: string,
  code: Risk["code"] = "MATCH_YEAR_LAST_DAY",
): void {
  let noticeDay: string | undefined;
  for (let index = 0; index < from; index++) {
    const each = into[index] as TimedReminder;
    if (each.notice === true && each.reminder.risk === code && each.reminder.milestone === milestone)
      noticeDay = localDate(context.zone, each.sendAt);
  }
  let kept = from;
  for (let index = from; index < into.length; index++) {
    const each = into[index] as TimedReminder;
    if (each.missedAt !== undefined) continue;
    if (noticeDay !== undefined && localDate(context.zone, each.sendAt) === noticeDay) continue;
    into[kept++] = each;
  }
  into.length = kept;
}

/**
 * Whether a step the risk names has its own deadline within a day of the last day `at`: the day
 * is that step's (a Pathway's projected deadline, an exam's last sitting day), and its own ladder
 * counts down to it already; laid on another step, the rungs would say that step's day is earlier
 * than it is (an OET due Tue 5 Jan counted down to the Pathway's Sat 26 Dec).
 */
function ownLadderCounts(risk: Risk, nextSteps: readonly NextStep[], at: number): boolean {
  for (const step of nextSteps) {
    if (step.dueBy === null || !risk.milestones.includes(step.milestone)) continue;
    if (Math.abs(instantOf(step.dueBy) - at) <= DAY_MS) return true;
  }
  return false;
}

/** The first step the risk names that is a next step (never an interview), or undefined. */
function firstNamed(risk: Risk, nextSteps: readonly NextStep[]): NextStep | undefined {
  for (const key of risk.milestones) {
    if (key === "interview") continue;
    for (const step of nextSteps) if (step.milestone === key) return step;
  }
  return undefined;
}

/**
 * The OET's last sitting day counted down as the Match's last day, on its eve and its day, when a
 * Pathway not submitted past its projected deadline keeps the Match on NRMP's later candidate
 * (pathwayUnconfirmedRisk, its last day the Pathway's, weeks later) and the OET, not booked, is due
 * by a day before that: once that day ends the Match is out of reach whatever the Pathway does. The
 * risk's own countdown runs to the Pathway's day, so she heard only "Pass OET Medicine: due Tue 12
 * Jan" on the eve and nothing on the day, where one whose Pathway went in heard "Your last days for
 * the 2027 Match" on both. The OET's own rungs on those days are dropped (the last day's say more).
 */
export function oetLastDayCountdown(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
): void {
  const risk = risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY" && isPathwayUnconfirmedRisk(each));
  if (risk?.lastWorkingAt === undefined) return;
  const status = statusOf(context, "oet_medicine");
  if (status !== "not_started" && status !== "in_progress") return;
  const step = nextSteps.find((each) => each.milestone === "oet_medicine");
  if (step?.dueBy == null) return;
  const end = instantOf(step.dueBy);
  if (end <= context.now || end >= instantOf(risk.lastWorkingAt) || !endsLocalDay(context.zone, end)) return;
  const due = adviceDayDue(context, end, LAST_DAY_SOURCE, true);
  const year = context.calendar.matchYear;
  const laid = into.length;
  remindersFor(
    context,
    {
      milestone: "oet_medicine",
      interviewId: undefined,
      title: lastDaysTitle(year, false),
      // Its day first: the risk's own words name the Pathway's later day as the one that keeps the Match.
      why: `Sit OET Medicine by ${dayText(localDate(context.zone, end - 1))}, the day below: the result of a later sitting would reach ECFMG too late for the ${year} Match, whatever you do about the Pathway. ${risk.message}`,
      ladder: "last-day",
      deadline: end,
      deadlineDetail: dates.rendered(due),
      countsDownTo: undefined,
      startBy: null,
      notStarted: false,
    },
    into,
  );
  // Its eve and its day only: the OET's own ladder counts down the weeks before to the same day.
  const days = new Set<string>();
  let kept = laid;
  for (let index = laid; index < into.length; index++) {
    const each = into[index] as TimedReminder;
    if (each.reminder.rung !== "last-day-in-1d" && each.reminder.rung !== "last-day-today") continue;
    days.add(localDate(context.zone, each.sendAt));
    into[kept++] = each;
  }
  into.length = kept;
  if (days.size === 0) return;
  let left = 0;
  for (let index = 0; index < into.length; index++) {
    const each = into[index] as TimedReminder;
    const own =
      index < laid &&
      each.notice !== true &&
      each.reminder.milestone === "oet_medicine" &&
      each.deadline === end &&
      days.has(localDate(context.zone, each.sendAt));
    if (!own) into[left++] = each;
  }
  into.length = left;
}
