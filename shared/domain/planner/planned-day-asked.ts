import type { CatalogEntry } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { isoInZone, isoUtc, renderDate, startOfLocalDate, toWall, wallDayStart } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { RESULT_FOLLOW_UP_RUNG } from "./own-date.ts";
import { rankListPlannedEarly } from "./rank-list-planned-early.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * The steps an applicant plans for one day of their own, with nothing to wait for after it (a
 * submission, a registration, a certification: done that day or not): once that day has ended,
 * whether it went is known, so it is asked the next morning. An exam's day waits for its result
 * instead (resultFollowUp); the other steps' planned days (a letter requested, a list settled) are
 * left to their ladders.
 */
const ASKED_THE_DAY_AFTER: ReadonlyMap<MilestoneKey, string> = new Map([
  ["eras_application", "If not, submit it in MyERAS now"],
  ["nrmp_registration", "If not, register in R3 now"],
  ["rank_order_list", "If not, certify it in R3 now"],
]);

/** The card's opening for a planned day gone by ("You planned to … on {date}"), the question's. */
const PLANNED = /^You planned to [^.]* on \{date\}/;

/**
 * The one "did you?" an advisor sends once the day the applicant planned one of those steps for
 * (`scheduled`, with its date) ends with nothing reported, appended to `into`: at the first
 * delivery slot after that day, laid from the plan that records the day (a Done before then
 * re-plans without it) and only up to that slot, as the after-early-deadline series is (a plan
 * made later lays none: it went, or the day was given late and the card asks it; laid again at a
 * later wake-up's slot, it took that slot from the rung due there). Titled with the card's opening
 * for a passed day and what to do if not ("You planned to register with NRMP on Tue 1 Dec 2026:
 * did you? If not, register in R3 now"); it announces the step's `deadline`, so never after it.
 * Its id depends on the step and the day only: a new day is a new question. A rung of the step on
 * that slot gives way to it (one item). Without it a day planned past NRMP's early deadline was
 * followed by twelve days of silence, where an unplanned registration hears the next morning.
 */
export function plannedDayAsked(
  context: PlanContext,
  entry: CatalogEntry,
  deadline: { at: number; detail: Deadline },
  into: TimedReminder[],
): void {
  const ifNot = ASKED_THE_DAY_AFTER.get(entry.key);
  // A list planned before ranking opened was never a day it could be certified: its card says so.
  if (
    ifNot === undefined ||
    statusOf(context, entry.key) !== "scheduled" ||
    rankListPlannedEarly(context, entry.key)
  )
    return;
  const date = context.entries.at(stepIndex(entry.key))?.date;
  const planned = entry.statusActions?.scheduledPassed?.match(PLANNED)?.[0];
  if (date === undefined || planned === undefined) return;
  // The slot of the day after the planned one: its local end (a 23- or 25-hour day included).
  const end = shiftDays(startOfLocalDate(context.zone, date), context.zone, 1);
  const sendAt = slotOnDay(context, wallDayStart(toWall(context.zone, end)));
  if (sendAt < context.now || sendAt > deadline.at) return;
  const id = `r-${stableHash(`${RESULT_FOLLOW_UP_RUNG}|${entry.key}|planned|${date}`)}`;
  const reminder = reminderRecord({
    id,
    milestone: entry.key,
    rung: RESULT_FOLLOW_UP_RUNG,
    title: `${planned.replace("{date}", renderDate(date))}: did you? ${ifNot}`,
    deadline: deadline.detail.at,
    deadlineDetail: deadline.detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: entry.why.text,
  });
  let kept = 0;
  for (const each of into)
    if (each.reminder.milestone !== entry.key || each.sendAt !== sendAt) into[kept++] = each;
  into.length = kept;
  into.push(timedReminder(sendAt, deadline.at, Object.freeze(reminder)));
}
