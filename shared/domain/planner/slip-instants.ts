import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { EARLIER_KEYS, PREDECESSORS } from "./target-chain.ts";

/**
 * Where time alone changes TARGETS_SLIPPED (risk-change-instants.ts): the day after an earlier
 * step's target passes unmet (the later ones start to move); the day a later target, moving with
 * now from an earlier step's passed target, reaches its step's deadline (critical): the deadline
 * less the gaps on the way (the inverse of slippedTarget's shifts), whether or not it has started
 * moving; and that deadline passing (the step is overdue instead). The instants read only the
 * plan's dates and which earlier steps are finished, so they are made once per both (slipInstants)
 * and each plan notes those still ahead of it.
 */
export function noteSlipInstants(context: PlanContext, dates: PlanDates): void {
  let finished = 0;
  for (let index = 0; index < EARLIER_INDICES.length; index++)
    if (isFinished(statusAt(context, EARLIER_INDICES[index] as number))) finished |= 1 << index;
  let byFinished = slipInstants.get(dates);
  if (byFinished === undefined) {
    byFinished = new Map();
    slipInstants.set(dates, byFinished);
  }
  let instants = byFinished.get(finished);
  if (instants === undefined) {
    instants = slipInstantsOf(dates, finished);
    byFinished.set(finished, instants);
  }
  // Indexed, not for-of: an iterator result per instant and plan showed in the planner bench's heap profile.
  for (let at = 0; at < instants.length; at++) noteRiskChange(context, instants[at] as number);
}

/** EARLIER_KEYS' catalog indices, for reading their statuses by index (statusAt). */
const EARLIER_INDICES: readonly number[] = EARLIER_KEYS.map(stepIndex);

/**
 * noteSlipInstants' instants per PlanDates (shared by plans of one season, zone and own dates) and
 * finished earlier steps (a bit per EARLIER_KEYS entry: at most 2^EARLIER_KEYS.length lists each).
 * A memo: the chain walk with its zone shifts, on every plan, showed in the planner bench's profile.
 */
const slipInstants = new WeakMap<PlanDates, Map<number, readonly number[]>>();

function isFinishedIn(finished: number, key: MilestoneKey): boolean {
  return (finished & (1 << EARLIER_KEYS.indexOf(key))) !== 0;
}

function slipInstantsOf(dates: PlanDates, finished: number): readonly number[] {
  const instants: number[] = [];
  for (const [key, predecessors] of PREDECESSORS) {
    const due = dates.due(key);
    const planned = dates.target(key);
    if (due !== null) instants.push(due.at + 1);
    for (const { key: earlier } of predecessors) {
      const target = dates.target(earlier);
      if (target !== null && !isFinishedIn(finished, earlier)) instants.push(target.at + DAY_MS);
    }
    if (due !== null && planned !== null) criticalFrom(instants, finished, key, due.at, planned.zone, 0);
  }
  // Past the application's latest day, Step 1 counts its preparation from it (slipped-targets.ts gapAfter).
  const application = dates.due("ecfmg_application");
  if (application !== null && !isFinishedIn(finished, "ecfmg_application")) instants.push(application.at + 1);
  return Object.freeze(instants);
}

/** Adds, for each chain of earlier steps still to do, when `key`'s moving target reaches `dueAt`. */
function criticalFrom(
  instants: number[],
  finished: number,
  key: MilestoneKey,
  dueAt: number,
  zone: string,
  gap: number,
): void {
  for (const predecessor of PREDECESSORS.get(key) ?? []) {
    if (isFinishedIn(finished, predecessor.key)) continue;
    const total = gap + predecessor.gapDays;
    instants.push(shiftDays(dueAt, zone, -total));
    criticalFrom(instants, finished, predecessor.key, dueAt, zone, total);
  }
}
