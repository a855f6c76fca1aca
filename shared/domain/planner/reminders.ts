import { reminderLadder } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import type { Deadline, Reminder, StepSubject } from "../plan.ts";
import { DAY_MS, fromWall, isoInZone, isoUtc, MINUTE_MS, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";

/** What a reminder ladder is laid against: one deadline of one step. */
export interface ReminderTarget {
  milestone: StepSubject;
  interviewId?: string;
  title: string;
  why: string;
  ladder: string;
  deadline: number;
  deadlineDetail: Deadline;
  /** Latest safe start; the "start-by" rung is used only when the step is not started. */
  startBy: number | null;
  notStarted: boolean;
}

/**
 * A reminder's id depends only on what it announces (milestone, interview, rung, deadline
 * instant), never on `now` or the send time: re-planning yields the same id for the same
 * reminder, and a moved deadline yields a new id, so stored reminders are replaced, not duplicated.
 * Ids are unique within one applicant's plan; stores key them by applicant.
 */
export function reminderId(
  milestone: StepSubject,
  interviewId: string | undefined,
  rung: string,
  deadline: number,
): string {
  return `r-${stableHash(`${milestone}|${interviewId ?? ""}|${rung}|${deadline}`)}`;
}

/** The delivery slot (delivery time, applicant-local) on the local day of the wall instant. */
function slotOnDay(context: PlanContext, wallMs: number): number {
  return fromWall(context.zone, wallDayStart(wallMs) + context.deliveryMinute * MINUTE_MS);
}

/** The latest delivery slot on or before the wall instant's day that is not after the deadline. */
function slotNotAfter(context: PlanContext, anchorWall: number, deadline: number): number {
  let wall = wallDayStart(anchorWall) + context.deliveryMinute * MINUTE_MS;
  let sendAt = fromWall(context.zone, wall);
  while (sendAt > deadline) {
    wall -= DAY_MS;
    sendAt = fromWall(context.zone, wall);
  }
  return sendAt;
}

interface Slot {
  rung: string;
  sendAt: number;
}

/**
 * Lays a ladder against a deadline. Guarantees, for every reminder returned:
 * - sent at the applicant's delivery time (09:00 local by default), which is outside quiet hours;
 * - sendAt <= deadline (a rung whose slot would fall after the deadline moves to the previous day's slot);
 * - sendAt >= now. Rungs whose slot has passed are dropped, except the most recent one, which is
 *   re-timed to the next delivery slot at or after now when that is still before both the deadline
 *   and the next future rung: an applicant planned late still hears about a deadline once.
 */
export function remindersFor(context: PlanContext, target: ReminderTarget): Reminder[] {
  const deadlineWall = toWall(context.zone, target.deadline);
  const slots: Slot[] = [];
  for (const rung of reminderLadder(target.ladder)) {
    if (rung.anchor === "startBy") {
      if (target.startBy === null || !target.notStarted || target.startBy >= target.deadline) continue;
      slots.push({
        rung: rung.rung,
        sendAt: slotNotAfter(context, toWall(context.zone, target.startBy), target.deadline),
      });
    } else {
      slots.push({
        rung: rung.rung,
        sendAt: slotNotAfter(context, deadlineWall - rung.daysBefore * DAY_MS, target.deadline),
      });
    }
  }
  // Ladders list rungs from earliest to latest; on a shared slot keep the later (more urgent) rung.
  const bySendAt = new Map<number, Slot>();
  for (const slot of slots) bySendAt.set(slot.sendAt, slot);
  const ordered = [...bySendAt.values()].sort((left, right) => left.sendAt - right.sendAt);

  const future = ordered.filter((slot) => slot.sendAt >= context.now);
  const passed = ordered.filter((slot) => slot.sendAt < context.now);
  const latestPassed = passed[passed.length - 1];
  if (latestPassed !== undefined) {
    let catchUp = slotOnDay(context, toWall(context.zone, context.now));
    if (catchUp < context.now) catchUp = slotOnDay(context, toWall(context.zone, context.now) + DAY_MS);
    const nextFuture = future[0];
    if (catchUp <= target.deadline && (nextFuture === undefined || catchUp < nextFuture.sendAt)) {
      future.unshift({ rung: latestPassed.rung, sendAt: catchUp });
    }
  }

  const deadlineIso = target.deadlineDetail.at;
  return future.map((slot) => ({
    id: reminderId(target.milestone, target.interviewId, slot.rung, target.deadline),
    milestone: target.milestone,
    ...(target.interviewId === undefined ? {} : { interviewId: target.interviewId }),
    rung: slot.rung,
    title: target.title,
    deadline: deadlineIso,
    deadlineDetail: target.deadlineDetail,
    sendAt: isoUtc(slot.sendAt),
    sendAtLocal: isoInZone(context.zone, slot.sendAt),
    why: target.why,
  }));
}
