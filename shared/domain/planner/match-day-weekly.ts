import { followUpRung } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import type { Deadline, Reminder } from "../plan.ts";
import { DAY_MS, toWall } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { localDayEnd } from "./join-late-arrivals.ts";
import { followUp, MATCH_DAY_WEEKLY_RUNG } from "./match-outcome-texts.ts";
import type { TimedReminder } from "./reminders.ts";

const WEEK_MS = 7 * DAY_MS;

/**
 * A SOAP participant's questions after Match Day's one (reminder-ladders.json `soap-outcome`,
 * advice): how far apart (a week) and how many at most (two).
 */
export const SOAP_OUTCOME = (() => {
  const rung = followUpRung("soap-outcome");
  if (rung?.times === undefined) throw new Error("reminder ladder soap-outcome has no capped follow-up rung");
  return { every: rung.everyDays * DAY_MS, times: rung.times };
})();

/** The delivery slot on the day `week` weeks (a SOAP participant's spacing) after Match Day's release. */
export function weekSlots(context: PlanContext, soap: boolean): (week: number) => number {
  const every = soap ? SOAP_OUTCOME.every : WEEK_MS;
  const release = context.calendar.dates.nrmp_match_day.at;
  return (week) => slotOnDay(context, toWall(context.zone, release + week * every));
}

/** What Match Day's follow-up and weekly question say, and the passed date they are overdue since, if any. */
export type MatchDayAsked = Pick<Reminder, "title" | "why" | "overdueSince">;

/**
 * The weekly question while the result is not told: an advisor keeps asking "where
 * did you match?" once a week after Match Day, at the delivery slot on Match Day's weekday, up
 * to the step's deadline (residency's start at the latest: matchOverNotices takes over). Only the
 * next one is planned, and the one after when the next is due today (the plan made as a week's
 * question goes out, at its slot or earlier with a notice): that one may be sent already, and laying
 * only it left no wake-up, so a J-1 applicant heard nothing from early April to 1 July. Each id names the week, so the ledger sends
 * each once.
 */
export function matchDayWeeklyNotices(
  context: PlanContext,
  due: DueDate,
  detail: Deadline,
  soap: boolean,
  asked: MatchDayAsked,
): TimedReminder[] {
  // At the applicant's delivery slot on the week's day, not at the release's hour (17:00
  // in Lagos): the first such slot not yet passed.
  const slotOf = weekSlots(context, soap);
  const every = soap ? SOAP_OUTCOME.every : WEEK_MS;
  let week = Math.max(1, Math.floor((context.now - context.calendar.dates.nrmp_match_day.at) / every));
  while (slotOf(week) < context.now) week++;
  const out: TimedReminder[] = [];
  const today = slotOf(week) < localDayEnd(context.zone, context.now);
  for (const each of today ? [week, week + 1] : [week]) {
    // A SOAP participant is asked at most SOAP_OUTCOME.times times (ladder data, advice), then the
    // plan moves on.
    if (soap && each > SOAP_OUTCOME.times) break;
    const notice = followUp(context, slotOf(each), due.at, detail, {
      id: `r-${stableHash(`${MATCH_DAY_WEEKLY_RUNG}|${context.calendar.matchYear}|${each}`)}`,
      milestone: "match_day",
      rung: MATCH_DAY_WEEKLY_RUNG,
      ...asked,
    });
    if (notice !== null) out.push(notice);
  }
  return out;
}
