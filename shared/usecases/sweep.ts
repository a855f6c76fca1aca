import { stableHash } from "#domain/hash.ts";
import type { SweepIndex } from "#ports/sweep-index.ts";
import {
  hasTimeToStart,
  type InvocationBudget,
  type PlanApplicantsDeps,
  planApplicant,
} from "./plan-applicants.ts";

/**
 * How late a stored wake-up may be before the sweeper repairs it. Scheduler fires within a minute
 * and the local clock within its own move; anything still pending 15 minutes after its instant was
 * lost (a deleted or failed schedule) or is stuck in retries, and re-arming it is harmless: the
 * schedule is replaced (one per applicant) and the reminder's claims stop a second send.
 */
export const SWEEP_GRACE_MS = 15 * 60_000;

/** Items a calendar-walk page examines (one Scan page); the applicants in it are re-planned together. */
export const CALENDAR_PAGE_ITEMS = 200;

/** Applicants re-planned at once: enough to use a run well, few enough for the Scheduler API's rate. */
export const SWEEP_CONCURRENCY = 4;

export interface SweepDeps extends PlanApplicantsDeps {
  index: SweepIndex;
  /** The version of every season calendar this build ships (what every plan should carry). */
  calendarVersions(): readonly string[];
}

export interface SweepBudget extends InvocationBudget {
  /** Re-plans per run, at most (a calendar page in progress is finished first). */
  maxApplicants: number;
}

/** An applicant the sweep could not re-plan, with the failure's class and message (no personal data). */
export interface SweepFailure {
  applicantId: string;
  error: string;
}

export interface SweepReport {
  /** Wake-ups late by more than the grace period: found, re-armed, failed (applicant ids). */
  late: { found: number; rearmed: number; failed: SweepFailure[] };
  calendar: {
    /** "current": every plan was already on these calendars; "walking": continues next run. */
    status: "current" | "walking" | "completed";
    replanned: number;
    failed: SweepFailure[];
  };
  /** False when the budget ran out or an applicant failed: the next daily run continues. */
  complete: boolean;
}

/**
 * The daily sweep (DESIGN decision 3: a daily sweeper re-arms any applicant whose wake-up was
 * missed). Two passes, bounded by the budget, each continuing on the next run when cut short:
 *
 * 1. Late wake-ups: every plan whose stored `wakeUpAt` is more than `graceMs` in the past is
 *    re-planned at now with the wake-up armed again even if the instant did not change (the stored
 *    instant is exactly what was lost). Oldest first.
 * 2. Calendar changes: when the shipped calendars differ from those the last complete walk brought
 *    every plan to, walk the stored plans (paginated, cursor kept in the table) and re-plan each one
 *    computed with another calendar version; planning stores the new version. A walk with failures
 *    restarts next run and finds only what is still stale. Until a plan is re-planned, its wake-up
 *    still fires and the reminder function re-plans with the current calendar before sending, so no
 *    stale reminder goes out; the walk only moves wake-ups to the new dates and refreshes plans.
 *
 * Bounded work, not self-chaining: the next daily run continues, and an operator may invoke the
 * function again to continue sooner (it is idempotent).
 */
export async function sweep(
  deps: SweepDeps,
  options: { graceMs?: number; budget: SweepBudget; pageItems?: number },
): Promise<SweepReport> {
  const budget = options.budget;
  let started = 0;
  const canStart = () => started < budget.maxApplicants && hasTimeToStart(budget);

  const now = deps.clock.now();
  const late = await deps.index.listWakeUpsDueBefore(
    new Date(now.getTime() - (options.graceMs ?? SWEEP_GRACE_MS)),
  );
  const lateIds = [...new Set(late.map((wakeUp) => wakeUp.applicantId))];
  const lateResult = await replanEach(lateIds, deps, { forceArm: true }, () => {
    if (!canStart()) return false;
    started++;
    return true;
  });
  const report: SweepReport = {
    late: { found: lateIds.length, rearmed: lateResult.done, failed: lateResult.failed },
    calendar: { status: "current", replanned: 0, failed: [] },
    // Failures count as unfinished: they are still late, so the next run tries them again.
    complete: lateResult.done === lateIds.length,
  };

  const versions = deps.calendarVersions();
  // A planner without calendar versions stores none: nothing to compare against.
  if (versions.length === 0) return report;
  const target = stableHash([...versions].sort().join("\n"));
  const state = await deps.index.loadCalendarSweep();
  if (state?.target === target && state.complete) return report;

  report.calendar.status = "walking";
  let cursor = state?.target === target ? state.cursor : undefined;
  const failed: SweepFailure[] = [];
  for (;;) {
    if (!canStart()) {
      report.complete = false;
      break;
    }
    const page = await deps.index.listPlansNotOnCalendars(versions, {
      ...(cursor ? { cursor } : {}),
      limit: options.pageItems ?? CALENDAR_PAGE_ITEMS,
    });
    started += page.applicantIds.length;
    const result = await replanEach(page.applicantIds, deps, {}, () => true);
    report.calendar.replanned += result.done;
    failed.push(...result.failed);
    cursor = page.cursor;
    if (cursor === undefined) {
      // A walk with failures is not complete: the next run walks again and finds only those.
      const complete = failed.length === 0;
      await deps.index.saveCalendarSweep({ target, complete, updatedAt: now.toISOString() });
      if (complete) report.calendar.status = "completed";
      else report.complete = false;
      break;
    }
    await deps.index.saveCalendarSweep({ target, complete: false, cursor, updatedAt: now.toISOString() });
  }
  report.calendar.failed = failed;
  return report;
}

/**
 * Re-plans applicants SWEEP_CONCURRENCY at a time while `take()` allows. A failure is counted for
 * that applicant and never stops the others (the platform would retry the whole sweep otherwise).
 */
async function replanEach(
  applicantIds: readonly string[],
  deps: PlanApplicantsDeps,
  options: { forceArm?: boolean },
  take: () => boolean,
): Promise<{ done: number; failed: SweepFailure[] }> {
  let next = 0;
  let done = 0;
  const failed: SweepFailure[] = [];
  const worker = async () => {
    while (next < applicantIds.length && take()) {
      const applicantId = applicantIds[next++] as string;
      try {
        await planApplicant(applicantId, deps, options);
        done++;
      } catch (error) {
        failed.push({
          applicantId,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  return { done, failed };
}
