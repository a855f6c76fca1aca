import { catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { deadlineDay, shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { movedTargets, type SlippedTarget, subjectOf } from "./slipped-targets.ts";

/**
 * One target per step: where TARGETS_SLIPPED replaces a step's target date by a gap ("aim for 90
 * days after …": a slip counted from a passed target, which moves with now) or says the usual gap
 * no longer fits before the deadline, the step's catalog target is gone: the table showed Step 1's
 * Tue 27 Apr 2027 beside the risk's "instead of Tue 27 Apr 2027". The step is then driven by its
 * hard deadline (its reminders, its urgency), and its card says the gap in the risk's words; a gap
 * that still fits shows the day it reads today (movingTargetDay) as its target, on its row, card,
 * email and calendar, and its passed catalog target's follow-ups say the target moved to that day,
 * never that it passed (an email said both). A slip counted from an own date (a booked exam, the
 * ECFMG application planned for a day) names a day that holds: the step shows that day as its
 * target, on its row, its card and its rungs, as the risk names it ("aim for Thu 23 Sep 2027
 * instead of Tue 27 Apr 2027"); its row, its "start now" email and its rungs kept 27 Apr, a target
 * the plan itself called gone.
 */
export interface SlippedSteps {
  /** The dates the slips were worked out on: only a step planned on them loses its target. */
  dates: PlanDates;
  /** movedTargets' list, for TARGETS_SLIPPED (withTargetRisks): the chain is walked once per plan. */
  moved: readonly SlippedTarget[];
  /** Per catalog index, the slip whose gap replaces the step's target; undefined: the step keeps it. */
  gapped: readonly (GappedStep | undefined)[];
}

/**
 * A slip that replaces a step's target, and whether its usual gap no longer fits before the deadline;
 * `dated`: counted from a day that holds, it replaces the target by its day (slip.target), not a gap.
 */
export interface GappedStep {
  slip: SlippedTarget;
  pastDue: boolean;
  dated: boolean;
}

/**
 * The plan's slipped steps (movedTargets) on `dates`, the Match the plan targets. Made only for a
 * plan whose TARGETS_SLIPPED is assessed (withTargetRisks' gates: a school that may certify, its
 * listing checked; a Match out of reach, for the later Match the plan moved to); no step of another
 * plan loses its target.
 */
export function slippedSteps(context: PlanContext, dates: PlanDates): SlippedSteps {
  const moved = movedTargets(context, dates);
  const gapped: (GappedStep | undefined)[] = [];
  for (const slip of moved) {
    // As TARGETS_SLIPPED judges it: a step whose documents may follow its application has no such deadline.
    const due = catalogEntry(slip.key).documentsDue === undefined ? dates.due(slip.key) : null;
    const pastDue = due !== null && slip.target.at >= due.at;
    gapped[stepIndex(slip.key)] = { slip, pastDue, dated: !slip.moving && !pastDue };
  }
  return { dates, moved, gapped };
}

/**
 * The target a step at catalog `index` planned on `stepDates` shows: `target` (the catalog's) unless
 * a slip replaces it: by its day when counted from a day that holds, else by a gap (null).
 */
export function shownTarget(
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
  target: DueDate | null,
): DueDate | null {
  const gapped = slipped !== null && slipped.dates === stepDates ? slipped.gapped[index] : undefined;
  if (gapped === undefined || target === null) return target;
  return gapped.dated ? gapped.slip.target : null;
}

/**
 * The target the reminders of the step at catalog `index` planned on `stepDates` read: `target`
 * (the one shown), or for a step whose target a slip's gap hid, the catalog's (`catalogTarget`),
 * never counted down to (the step shows no target or a moving one, so nothing aims at it:
 * StepReminderDates.targetAhead stays false) but, once passed, keeping the passed target's notice
 * and its follow-ups at most four weeks apart until the deadline's ladder (targetPassedReminders):
 * without them Step 1 went silent for months (advisor-road-early-starter.test.ts).
 */
export function keptTarget(
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
  target: DueDate | null,
  catalogTarget: DueDate | null,
): DueDate | null {
  return target === null && slipped?.dates === stepDates && slipped.gapped[index] !== undefined
    ? catalogTarget
    : target;
}

/**
 * The targets of the step at catalog `index` planned on `stepDates`, set on its `facts` (its
 * reminders read them): `target` becomes keptTarget's (`catalogTarget` for a step whose target a
 * slip's gap hid), `movedTarget` the moving slip of a step showing no other target (movingSlip),
 * else null. Returns the target its row, card and calendar show: a moving slip's day today
 * (movingTargetDay), else `targetDetail` as it is. With no slip (`slipped` null) nothing changes.
 */
export function keepSlippedTargets(
  facts: { target: DueDate | null; targetDetail: Deadline | undefined; movedTarget: SlippedTarget | null },
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
  catalogTarget: DueDate | null,
): Deadline | undefined {
  const moving = slipped === null || facts.target !== null ? null : movingSlip(slipped, index, stepDates);
  facts.movedTarget = moving;
  facts.target = keptTarget(slipped, index, stepDates, facts.target, catalogTarget);
  return moving === null ? facts.targetDetail : movingTargetDay(moving, stepDates.zone);
}

/**
 * The latest safe start the urgency of the step at catalog `index` reads (not its reminders): for a
 * step not started whose target a slip's gap replaced, the earlier of `startBy` (counted from the
 * deadline now driving it) and the re-derived aim less its lead (`leadDays`), so hiding a target the
 * step can no longer meet does not make it read "later" (Step 1 months from its deadline, yet
 * needing its preparation now). The aim moves with now, so it never reaches a reminder or a date
 * shown; `startBy` as it is otherwise.
 */
export function aimedStartBy(
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
  startBy: number | null,
  leadDays: number,
  notStarted: boolean,
): number | null {
  const gapped = notStarted && slipped?.dates === stepDates ? slipped.gapped[index] : undefined;
  if (gapped === undefined || gapped.pastDue || gapped.dated || leadDays === 0) return startBy;
  const aimed = shiftDays(gapped.slip.target.at, gapped.slip.target.zone, -leadDays);
  return startBy === null ? aimed : Math.min(startBy, aimed);
}

/**
 * The slip moving a step's target with a prerequisite still late (its gap counted from now, a day
 * later each day that step waits, still before the deadline): the target moved, it did not pass. Null
 * for a step kept on its target, moved to a day that holds (shownTarget shows it), or past its deadline.
 */
export function movingSlip(
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
): SlippedTarget | null {
  const gapped = slipped?.dates === stepDates ? slipped.gapped[index] : undefined;
  return gapped === undefined || gapped.dated || gapped.pastDue ? null : gapped.slip;
}

/**
 * The day a moving slip's target reads today (the step's "aim to finish by" on its row, card, email
 * and calendar), in `zone`, the applicant's: the moved target, dated, never the passed one.
 * Rendered here, not by PlanDates, whose renderings are kept per date: this one is new each plan.
 * The step's reminders never count down to it (it moves); keptTarget's follow-ups say it moved
 * (moved-target-words.ts movedWhy).
 */
export function movingTargetDay(slip: SlippedTarget, zone: string): Deadline {
  const { target } = slip;
  // The applicant's day: "counted from today" is their today (Auckland's 20 May read ET's 19 May + 90).
  return deadlineDay(zone, target.at, target.status, target.basis, target.source);
}

/** "a day later for each day your Application for ECFMG Certification waits": why a moving target moves. */
export function movingWords(slip: SlippedTarget): string {
  return `counted from today, a day later for each day your ${subjectOf(slip.cause)} waits`;
}

/**
 * The card's action with the gap in place of "by the target date" (the only catalog text naming a target
 * it does not give: Step 1's and Step 2 CK's while the ECFMG application is pending), in TARGETS_SLIPPED's
 * terms, for the step at catalog `index` planned on `stepDates` whose target a slip's gap replaced
 * (shownTarget); `action` as it is otherwise.
 */
export function slippedAction(
  action: string,
  slipped: SlippedSteps | null,
  index: number,
  stepDates: PlanDates,
): string {
  const gapped = slipped?.dates === stepDates ? slipped.gapped[index] : undefined;
  // A slip by a day that holds: the card's "by the target date" is that day, shown as its target.
  if (gapped === undefined || gapped.dated || !action.includes(TARGET_DATE)) return action;
  const { after } = gapped.slip;
  const gap = `${after.gapDays} days after your ${subjectOf(after.key)}`;
  return action.replace(
    TARGET_DATE,
    gapped.pastDue
      ? `by its deadline at the latest (the usual ${gap} no longer fit before it)`
      : `about ${gap} (your target moved with it, to ${movingTargetDay(gapped.slip, stepDates.zone).local}: ${movingWords(gapped.slip)})`,
  );
}

const TARGET_DATE = "by the target date";
