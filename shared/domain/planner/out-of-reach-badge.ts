import type { Deadline, NextStep } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { MissedMatchDeadline, TargetedMatch } from "./targeted-match.ts";

/**
 * The "too late for the X Match" of a step dated for a later Match than the one it missed a deadline
 * for (`missed`, missedMatchDeadline): X is the latest Match the plan says is out of reach, the one
 * just before the targeted Match (the entered Match when that is the one just before, or when the
 * plan targets the entered Match, over: its steps dated for the next one), the same X for every step
 * of one plan ("too late for the 2027 Match" ten months after it, beside "too late for
 * the 2028 Match" in one table). The missed deadline shown beside it is that Match's own, only once
 * passed: a step whose deadline for X is still ahead is too late for X all the same, since the plan
 * says X is out of reach, but names no date (the badge and the dates tell one Match). `stepDates`:
 * the dates the step is planned on (their Match is `matchYears.due`). Null when no deadline was
 * missed or the step shows no date (`detail`).
 */
export function outOfReachBadge(
  targeted: TargetedMatch,
  context: PlanContext,
  missed: MissedMatchDeadline | null,
  stepDates: PlanDates,
  detail: Deadline | undefined,
): { missedDeadline: Deadline | undefined; matchYears: NonNullable<NextStep["matchYears"]> } | null {
  if (missed === null || detail === undefined) return null;
  const latest = Math.max(targeted.year - 1, context.calendar.matchYear);
  const matchYears = { missed: latest, due: stepDates.calendar.matchYear };
  return {
    missedDeadline: missed.year === latest ? missed.dates.rendered(missed.due) : undefined,
    matchYears,
  };
}
