import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { TURNED_OVERDUE_SOURCES } from "../missed-date-label.ts";
import type { Deadline, Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { lowerFirst } from "./lower-first.ts";
import type { Collected } from "./milestone-gates.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { type StartLastDay, startLastDayOf } from "./start-last-day.ts";
import {
  behindOurPlanUntil,
  matchedUntoldOnJ1,
  visaDateAtRisk,
  visaDateMissedDay,
} from "./visa-date-missed-day.ts";
import { visaChainMatched } from "./visa-start-risk.ts";

// After the Match, most of the visa chain is dated by our own cautious allowances counted back from
// the visa's date (the Statement of Need and the J-1 sponsorship from the DS-2019, the DS-2019 a month
// before the J-1 visa, the H-1B petition 60 days before the stamping), and the contract by the step
// waiting on it. Past such a day alone the applicant is behind our plan, not overdue: ministries and
// programs take weeks, and the date that counts, the visa's own, still holds (VISA_STEP_LATE and
// CONTRACT_NOT_RECEIVED, warnings, say so). "Overdue" once that date is at risk (VISA_NOT_READY_FOR_START,
// critical: less than half the allowance left, or a verdict that the visa's date or the start is lost),
// but where a last day still keeps the start (start-last-day.ts), behind our plan until it is over.

/**
 * The steps whose passed date may be our allowance: the visa stage's, the contract, the J-1
 * certificate, and Match Day's answer untold by one matched (matchedUntoldOnJ1).
 */
const MAY_BE_BEHIND: ReadonlySet<string> = new Set(
  MILESTONE_CATALOG.filter(
    (entry) =>
      entry.stage === "visa" ||
      entry.key === "contract" ||
      entry.key === "ecfmg_certification" ||
      entry.key === "match_day",
  ).map((entry) => entry.key),
);

/**
 * Marks the collected next and blocked steps past a date that is our allowance while the visa's own
 * date holds (behindOurPlanUntil) as behind our plan, and leaves them out of the overdue list, which
 * the advisor's console, its escalations and the domain events read as missed. Their urgency stays
 * (they are pressed as before); only the words and the overdue list change. The visa's own date is a
 * re-planning instant: passing it turns them overdue.
 */
export function markBehindOurPlan(
  context: PlanContext,
  dates: PlanDates,
  collected: Collected,
  risks: readonly Risk[],
): void {
  if (!visaChainMatched(context) && !matchedUntoldOnJ1(context)) return;
  restateMissedDays(context, dates, collected);
  const behind = new Set<string>();
  const critical = criticalSteps(risks);
  const isBehind = (milestone: string): boolean => {
    if (!MAY_BE_BEHIND.has(milestone)) return false;
    const entry = catalogEntry(milestone as MilestoneKey);
    if (critical.has(milestone) && lastDayAhead(context, entry, dates, context.now) === null) return false;
    const until = behindOurPlanUntil(context, entry, dates);
    if (until === null || context.now >= until) return false;
    noteRiskChange(context, until);
    return true;
  };
  // The last day to keep the start, while ahead, is the one day each behind step names to act by.
  const actBy = (milestone: string): Deadline | undefined => {
    const last = lastDayAhead(context, catalogEntry(milestone as MilestoneKey), dates, context.now);
    return last?.named === true ? dates.rendered(last.due) : undefined;
  };
  for (const { item } of collected.nextSteps)
    if (item.urgency === "overdue" && item.interviewId === undefined && isBehind(item.milestone)) {
      item.behindPlan = true;
      item.actBy = actBy(item.milestone);
      behind.add(item.milestone);
    }
  for (const step of collected.blocked)
    if (step.overdueSince !== undefined && isBehind(step.milestone)) {
      step.behindPlan = true;
      step.actBy = actBy(step.milestone);
    }
  if (behind.size === 0) return;
  for (let at = collected.overdue.length - 1; at >= 0; at--)
    if (behind.has(collected.overdue[at]?.item.milestone ?? "")) collected.overdue.splice(at, 1);
}

/**
 * Past the day a visa-chain step put the visa's own date at risk (visaDateMissedDay), its card, its
 * row in the overdue list and its blocked line name that day as the one missed, in place of our
 * earlier allowance, as its reminders do (markBehindOurPlanReminders): one day on every surface.
 */
function restateMissedDays(context: PlanContext, dates: PlanDates, collected: Collected): void {
  for (const { item } of collected.nextSteps)
    if (item.urgency === "overdue" && item.interviewId === undefined)
      item.deadline = missedDayShown(context, dates, item.milestone, item.deadline);
  for (const { item } of collected.overdue)
    if (item.interviewId === undefined)
      item.deadline = missedDayShown(context, dates, item.milestone, item.deadline);
  for (const step of collected.blocked)
    if (step.overdueSince !== undefined && step.interviewId === undefined)
      step.overdueSince = missedDayShown(context, dates, step.milestone, step.overdueSince);
}

/**
 * The date a step past its own planned day shows as missed: the day the visa's date came at
 * risk (visaDateMissedDay) when `shown` is the step's own planned day, else `shown` (a critical
 * notice's own date, residency's start, is its own).
 */
function missedDayShown<Shown extends Deadline | undefined>(
  context: PlanContext,
  dates: PlanDates,
  milestone: string,
  shown: Shown,
  at = context.now,
): Shown | Deadline {
  if (shown === undefined || !MAY_BE_BEHIND.has(milestone)) return shown;
  const missed = visaDateMissedDay(
    context,
    catalogEntry(milestone as MilestoneKey),
    dates,
    Date.parse(shown.at),
    at,
  );
  return missed === null ? shown : dates.rendered(missed);
}

/** The step's last day to keep the start (startLastDayOf) while it is still ahead at `at`, else null. */
function lastDayAhead(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
  at: number,
): StartLastDay | null {
  const atRisk = visaDateAtRisk(context, entry, dates);
  const last = atRisk === null ? null : startLastDayOf(context, atRisk.waiting, dates);
  return last !== null && at < last.endAt ? last : null;
}

/**
 * The steps a critical risk names (VISA_NOT_READY_FOR_START among them: late, never only behind our
 * plan), and the critical risks' codes (a critical notice riding on such a step keeps its own words).
 */
function criticalSteps(risks: readonly Risk[]): ReadonlySet<string> {
  const critical = risks.filter((risk) => risk.severity === "critical");
  return new Set([...critical.flatMap((risk) => risk.milestones), ...critical.map((risk) => risk.code)]);
}

/**
 * The laid reminders' words past our allowance: a reminder of a step behind our plan (its
 * `overdueSince` our allowance, sent before the visa's own date comes at risk: behindOurPlanUntil)
 * says "Behind our plan since", never "Overdue since". Its weekly chase keeps its cadence (the
 * visa-behind ladder: at least once every 7 days up to the start), in these words.
 */
export function markBehindOurPlanReminders(
  context: PlanContext,
  dates: PlanDates,
  reminders: TimedReminder[],
  risks: readonly Risk[],
): void {
  if (!visaChainMatched(context) && !matchedUntoldOnJ1(context)) return;
  const critical = criticalSteps(risks);
  for (const timed of reminders) {
    const since = timed.reminder.overdueSince;
    if (since === undefined) continue;
    const { milestone, risk } = timed.reminder;
    const missedDay = missedDayShown(context, dates, milestone, since, timed.sendAt);
    // Restated here, or laid on a card already restated (a critical notice): its why says what the day is.
    const why = turnedOverdueWhy(missedDay);
    if (missedDay !== since || (why !== "" && !timed.reminder.why.endsWith(why)))
      timed.reminder = reminderWith(timed.reminder, {
        overdueSince: missedDay,
        why: timed.reminder.why.endsWith(why) ? timed.reminder.why : `${timed.reminder.why}${why}`,
      });
    // A critical notice keeps its own words ("act by" the last day); a chase of its step, sent while
    // that last day is ahead, is behind our plan as the step's row is.
    if (!MAY_BE_BEHIND.has(milestone) || critical.has(risk ?? "")) continue;
    const entry = catalogEntry(milestone as MilestoneKey);
    const last = lastDayAhead(context, entry, dates, timed.sendAt);
    if (critical.has(milestone) && last === null) continue;
    const until = behindOurPlanUntil(context, entry, dates);
    const missed = Date.parse(since.at);
    if (until === null || timed.sendAt >= until || missed >= until) continue;
    timed.reminder = reminderWith(timed.reminder, {
      behindPlan: true,
      ...(last?.named === true ? { actBy: dates.rendered(last.due) } : {}),
    });
  }
}

/** The filed H-1B petition's day it turned overdue (TURNED_OVERDUE_SOURCES), by its source's key. */
const PETITION_TURNED_OVERDUE: ReadonlySet<string> = new Set([
  TURNED_OVERDUE_SOURCES.filedPetition,
  TURNED_OVERDUE_SOURCES.statusPetition,
]);

/**
 * A filed petition's reminder restated to the day it turned overdue says in its why what that day
 * is, since nothing was due on it (30 May, a Sunday, read only "this plan expected the approval by
 * Thu 13 May", a day the email no longer named as the one missed): " Overdue since <day>: <its rule>."
 * Empty for any other day (the J-1 file's verdicts name their last day in their own words).
 */
function turnedOverdueWhy(missed: Deadline): string {
  if (!PETITION_TURNED_OVERDUE.has(missed.source)) return "";
  return ` Overdue since ${missed.local}${basisMark(missed)}: ${lowerFirst(missed.source)}.`;
}
