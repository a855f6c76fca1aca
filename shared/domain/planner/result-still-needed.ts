import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Reminder } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { isoInZone, isoUtc } from "../time.ts";
import { RESULT_STILL_NEEDED_EVERY_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { dayBy } from "./feasibility-risk.ts";
import { followUps } from "./follow-ups.ts";
import { reminderId } from "./ladders.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** The rung of the notice, and of its follow-ups, for a result still needed after its step's last day. */
export const RESULT_STILL_NEEDED_RUNG = "result-still-needed";
const FOLLOW_UP_RUNG = "result-still-needed-follow-up";

/** The step that needs each step's result by its own date (a `neededByOwnDate` prerequisite: the OET for the Pathway). */
const NEEDED_BY: ReadonlyMap<MilestoneKey, MilestoneKey> = new Map(
  MILESTONE_CATALOG.flatMap((entry) =>
    entry.prerequisites
      .filter((prerequisite) => prerequisite.neededByOwnDate === true)
      .map((prerequisite) => [prerequisite.key, entry.key] as const),
  ),
);

/**
 * A step past its own last day whose result another step still needs by that step's deadline, ahead
 * (the OET, blocking the Pathway): one notice at the next delivery slot, then follow-ups at most
 * RESULT_STILL_NEEDED_EVERY_DAYS apart until that deadline's own ladder begins (followUps). Its
 * deadline is the needing step's: the door still open (tester s12 issue 9f A3: the OET that blocked
 * the Pathway got no reminder, while the Pathway, which cannot be submitted without it, got a
 * ladder). Ids depend on the step, the rung and the deadlines only: re-planning replaces them. Nothing
 * once the needing step is finished or its deadline has passed. `action` is the step's own text.
 */
export function resultStillNeededReminders(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  action: string,
  into: TimedReminder[],
): void {
  const neededBy = NEEDED_BY.get(entry.key);
  if (neededBy === undefined || isFinished(statusOf(context, neededBy))) return;
  const own = dates.due(entry.key);
  const needed = dates.due(neededBy);
  if (own === null || needed === null || own.at >= context.now || needed.at < context.now) return;
  const needing = catalogEntry(neededBy);
  const detail = dates.rendered(needed);
  const title = `${entry.title}: your ${needing.advisorName} needs it now`;
  const why = `Your ${needing.advisorName} needs your ${entry.advisorName} result and is due ${dayBy(context, needed.at)}; the last day planned for ${entry.advisorName}, ${dayBy(context, own.at)}, has passed. ${action}`;
  const series: TimedReminder[] = [];
  followUps(
    context,
    {
      milestone: entry.key,
      title,
      why,
      passed: own.at,
      deadline: needed.at,
      deadlineDetail: detail,
      ladder: needing.ladder,
      everyDays: RESULT_STILL_NEEDED_EVERY_DAYS,
      rung: FOLLOW_UP_RUNG,
    },
    series,
  );
  const { catchUp } = catchUpOf(context);
  const spoken = series.some((each) => each.sendAt <= catchUp);
  if (!spoken && catchUp <= needed.at) {
    const reminder: Reminder = {
      id: reminderId(entry.key, undefined, RESULT_STILL_NEEDED_RUNG, own.at),
      milestone: entry.key,
      rung: RESULT_STILL_NEEDED_RUNG,
      title,
      deadline: detail.at,
      deadlineDetail: detail,
      sendAt: isoUtc(catchUp),
      sendAtLocal: isoInZone(context.zone, catchUp),
      why,
    };
    into.push(timedReminder(catchUp, needed.at, Object.freeze(reminder)));
  }
  for (const each of series) into.push(each);
}
