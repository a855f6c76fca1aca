import { reminderLadder } from "../catalog/index.ts";
import type { Deadline, Reminder, StepSubject } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { reminderId, slotOnDay } from "./ladders.ts";
import type { TimedReminder } from "./reminders.ts";

/** A step past a date it was meant to meet (its target, or an early deadline) while a later deadline holds. */
export interface FollowUpSeries {
  milestone: StepSubject;
  title: string;
  why: string;
  /** The date that passed (its catch-up notice speaks first; the series begins half an interval later). */
  passed: number;
  /** The deadline still ahead, its rendering, and the ladder laid against it. */
  deadline: number;
  deadlineDetail: Deadline;
  ladder: string;
  everyDays: number;
  /** The rung's name; the n-th reminder's id is made from `<rung>-<n>` and the deadline. */
  rung: string;
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
 * Reminders every `everyDays` days at the applicant's delivery slot, between the passed date and
 * the deadline's own ladder: counted back from the day of that ladder's first rung (so the last
 * follow-up comes one interval before it and the spacing stays even), none within half an
 * interval after the passed date (the catch-up notice speaks then). Only those at or after now
 * are appended to `into`. Their ids depend only on the step, the rung, its number (counted back
 * from the ladder) and the deadline, never on `now`: re-planning replaces them and a moved
 * deadline makes new ones. Few at most (a deadline months away, a two- or four-week interval).
 */
export function followUps(context: PlanContext, series: FollowUpSeries, into: TimedReminder[]): void {
  const every = series.everyDays * DAY_MS;
  const ladderDay = wallDayStart(toWall(context.zone, series.deadline)) - firstLead(series.ladder);
  const first = series.passed + every / 2;
  for (let count = 1; ; count++) {
    const sendAt = slotOnDay(context, ladderDay - count * every);
    if (sendAt < first || sendAt < context.now) return;
    if (sendAt >= series.deadline) continue;
    const reminder: Reminder = {
      id: reminderId(series.milestone, undefined, `${series.rung}-${count}`, series.deadline),
      milestone: series.milestone,
      rung: series.rung,
      title: series.title,
      deadline: series.deadlineDetail.at,
      deadlineDetail: series.deadlineDetail,
      sendAt: isoUtc(sendAt),
      sendAtLocal: isoInZone(context.zone, sendAt),
      why: series.why,
    };
    into.push({ sendAt, deadline: series.deadline, reminder: Object.freeze(reminder) });
  }
}
