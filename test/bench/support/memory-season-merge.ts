import type { OperationTally } from "#test/bench/support/call-counter.ts";
import { type PartialSeason, type SeasonReport, TIMELINE_MINUTES } from "./memory-season.ts";
import { emptyTotals } from "./season-metrics.ts";

/**
 * The season's shares (one per worker thread, each a cohort of applicants) summed into one
 * report: counts, call tallies, season totals, and the peak of outstanding schedules on the
 * shared minute timeline.
 */

/** The most schedules outstanding at once on a timeline of per-minute deltas. */
export function peakOf(timeline: Int32Array): number {
  let outstanding = 0;
  let peak = 0;
  for (const delta of timeline) {
    outstanding += delta;
    if (outstanding > peak) peak = outstanding;
  }
  return peak;
}

/** Sums tallies of one service and operation across workers. */
function sumTallies(parts: readonly (readonly OperationTally[])[]): OperationTally[] {
  const tallies = new Map<string, OperationTally>();
  for (const part of parts)
    for (const tally of part) {
      const key = `${tally.service}|${tally.operation}`;
      const sum = tallies.get(key) ?? { ...tally, requests: 0, errors: 0, wcu: 0, rcu: 0 };
      sum.requests += tally.requests;
      sum.errors += tally.errors;
      sum.wcu += tally.wcu;
      sum.rcu += tally.rcu;
      tallies.set(key, sum);
    }
  return [...tallies.values()].sort(
    (a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation),
  );
}

/** Sums workers' shares into one season. */
export function mergeSeasons(parts: readonly PartialSeason[], runMs: number): SeasonReport {
  const timeline = new Int32Array(TIMELINE_MINUTES);
  const totals = emptyTotals();
  const merged = {
    intakes: 0,
    plannerRuns: 0,
    wakeUps: 0,
    schedulerInvocations: 0,
    eventEntries: 0,
    applicants: 0,
    computeMs: { intake: 0, planner: 0, reminder: 0 },
  };
  for (const part of parts) {
    part.timeline.forEach((delta, index) => {
      timeline[index] = (timeline[index] ?? 0) + delta;
    });
    for (const key of [
      "intakes",
      "plannerRuns",
      "wakeUps",
      "schedulerInvocations",
      "eventEntries",
      "applicants",
    ] as const)
      merged[key] += part[key];
    merged.computeMs.intake += part.computeMs.intake;
    merged.computeMs.planner += part.computeMs.planner;
    merged.computeMs.reminder += part.computeMs.reminder;
    const t = part.totals;
    totals.applicants += t.applicants;
    totals.emails += t.emails;
    totals.maxEmails = Math.max(totals.maxEmails, t.maxEmails);
    totals.maxInOneDay = Math.max(totals.maxInOneDay, t.maxInOneDay);
    totals.multiEmailDaysOutsideInterviews += t.multiEmailDaysOutsideInterviews;
    totals.remindersSent += t.remindersSent;
    totals.noticesAfterDeadline += t.noticesAfterDeadline;
    totals.deadlinesRequired += t.deadlinesRequired;
    totals.deadlinesCoveredTwice += t.deadlinesCoveredTwice;
    for (const [milestone, count] of Object.entries(t.uncoveredByMilestone))
      totals.uncoveredByMilestone[milestone] = (totals.uncoveredByMilestone[milestone] ?? 0) + count;
    for (const [milestone, count] of Object.entries(t.replannedByMilestone))
      totals.replannedByMilestone[milestone] = (totals.replannedByMilestone[milestone] ?? 0) + count;
  }
  return {
    ...merged,
    tallies: sumTallies(parts.map((part) => part.tallies)),
    writeUnitsByItem: sumTallies(parts.map((part) => part.writeUnitsByItem ?? [])),
    peakSchedules: peakOf(timeline),
    totals,
    runMs,
    store: "memory",
  };
}
