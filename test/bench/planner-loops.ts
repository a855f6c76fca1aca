import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { percentile } from "./lib/report.ts";
import { variants } from "./planner-inputs.ts";

/**
 * The planner bench's loops, defined once: the bundled driver (planner-driver.ts) runs them in a
 * child `node` process as deployed, and the suite (planner.ts) runs `throughputLoop` in its own
 * process under tsx for the info figure `planner.throughput_tsx_in_process`.
 */

/** What the driver prints as JSON: every figure of the planner suite, raw (ms, µs/plan, plans/s). */
export interface PlannerLoopFigures {
  /**
   * Throughput in wall-clock plans per second: the median of the measured windows' rates, with the
   * slowest and fastest windows beside it; and per CPU-second of the process over every window
   * (process.cpuUsage).
   */
  plansPerSecond: number;
  plansPerSecondSlowestWindow: number;
  plansPerSecondFastestWindow: number;
  plansPerCpuSecond: number;
  /** The median window's plans/s when every plan gets a freshly decoded snapshot (freshThroughputLoop). */
  plansPerSecondFreshSnapshots: number;
  /** The same, each snapshot's interviews renamed to programs never planned before (a new applicant's). */
  plansPerSecondNewInterviews: number;
  /** The heap still held after the new interviews' loop and a full GC (what the memos keep), in MB. */
  retainedHeapMb: number;
  /** Per-plan latency in milliseconds, each plan timed on its own with process.hrtime. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** The first plan in a fresh process, cold caches, in milliseconds. */
  firstPlanMs: number;
  /** Mean microseconds per plan with 1, 10 and 100 interviews. */
  mean1Micros: number;
  mean10Micros: number;
  mean100Micros: number;
}

type Case = { input: Parameters<typeof plan>[0]; now: Date };

const calendar = seasonCalendar(2027);

let sink = 0;
function consume(result: Plan): void {
  sink += result.reminders.length + result.nextSteps.length;
}

function nanos(): bigint {
  return process.hrtime.bigint();
}

function planCase(cases: readonly Case[], index: number): void {
  const chosen = cases[index % cases.length];
  if (chosen !== undefined) consume(plan(chosen.input, calendar, chosen.now));
}

/** How long the throughput loop warms up and measures, in nanoseconds of wall-clock time. */
export interface ThroughputTiming {
  /** Warm-up: at least this long and at least `minWarmUpPlans` plans. */
  warmUpNs: bigint;
  minWarmUpPlans: number;
  /** Measured: `windows` windows of `windowNs` each. */
  windows: number;
  windowNs: bigint;
}

/**
 * Warms up, then plans back to back in batches of 100 over `timing.windows` windows and returns
 * the median window's plans/s. Two things moved the old single 3 s mean by a factor of two between
 * runs of the same code on this shared 2-core machine: TurboFan still compiles planner functions
 * 50,000-80,000 plans in (so the warm-up is timed, not 10,000 plans), and a neighbour's burst slows
 * the whole measured span (a burst now slows one or two windows, which the median leaves out; the
 * slowest window shows it). CPU time covers every window.
 */
export function throughputLoop(
  cases: readonly Case[],
  timing: ThroughputTiming,
): Pick<
  PlannerLoopFigures,
  "plansPerSecond" | "plansPerSecondSlowestWindow" | "plansPerSecondFastestWindow" | "plansPerCpuSecond"
> {
  let count = 0;
  const warmUpStart = nanos();
  while (count < timing.minWarmUpPlans || nanos() - warmUpStart < timing.warmUpNs) {
    for (let batch = 0; batch < 100; batch++) planCase(cases, count++);
  }
  const rates: number[] = [];
  let measured = 0;
  let measuredNs = 0n;
  const cpuStart = process.cpuUsage();
  for (let window = 0; window < timing.windows; window++) {
    const windowStart = nanos();
    let windowCount = 0;
    let elapsed = 0n;
    while (elapsed < timing.windowNs) {
      for (let batch = 0; batch < 100; batch++) planCase(cases, count++);
      windowCount += 100;
      elapsed = nanos() - windowStart;
    }
    rates.push(windowCount / (Number(elapsed) / 1e9));
    measured += windowCount;
    measuredNs += elapsed;
  }
  const cpu = process.cpuUsage(cpuStart);
  if (measuredNs === 0n) throw new Error("the throughput loop measured no window");
  rates.sort((left, right) => left - right);
  return {
    plansPerSecond: Math.round(percentile(rates, 0.5)),
    plansPerSecondSlowestWindow: Math.round(rates[0] ?? Number.NaN),
    plansPerSecondFastestWindow: Math.round(rates[rates.length - 1] ?? Number.NaN),
    plansPerCpuSecond: Math.round(measured / ((cpu.user + cpu.system) / 1e6)),
  };
}

/** Records per planner invocation: the event source's batch size (infra/constructs/applicant-table.ts). */
const STREAM_BATCH_RECORDS = 10;

/**
 * The same kind of windows, but every plan gets its own snapshot object, decoded from the case's
 * JSON text one stream batch at a time, as the planner Lambda decodes the records of the batch it
 * was invoked with; only the planning is timed. `throughputLoop` re-plans the same 27 objects; here
 * the planner meets equal content in new objects, as when it re-plans an applicant. The batch, not
 * the whole window, is decoded ahead: 5,400 snapshots held alive across a window (and the memos
 * keyed by them) made the garbage collector 15 % of the loop's CPU profile against 4 % per batch,
 * a cost the Lambda, which holds one batch, never pays. `newInterviews`: each copy's interview
 * programs also get a suffix no plan has had and their starts move by minutes, so nothing derived
 * from an interview was met before (a new applicant's first plan, or interviews just added).
 */
export function freshThroughputLoop(
  cases: readonly Case[],
  windows: number,
  windowPlans: number,
  newInterviews: boolean,
): number {
  const texts = cases.map((entry) => JSON.stringify(entry.input));
  const rates: number[] = [];
  let renamed = 0;
  let next = 0;
  const decodeBatch = (): Case[] => {
    const batch: Case[] = [];
    for (let record = 0; record < STREAM_BATCH_RECORDS; record++, next++) {
      const at = next % cases.length;
      const chosen = cases[at];
      const text = texts[at];
      if (chosen === undefined || text === undefined) continue;
      const input = JSON.parse(text) as Case["input"];
      if (newInterviews) {
        renamed++;
        for (const interview of input.interviews) {
          interview.program = `${interview.program} #${renamed}`;
          // A start of its own too (minutes later), as another applicant's interviews have: the
          // memos keyed by start (the known lists, reminder ids) meet new keys, not one key.
          interview.startsAt = new Date(
            Date.parse(interview.startsAt) + (renamed % 10_000) * 60_000,
          ).toISOString();
        }
      }
      batch.push({ input, now: chosen.now });
    }
    return batch;
  };
  for (let window = 0; window < windows; window++) {
    let planned = 0;
    let planningNs = 0n;
    while (planned < windowPlans) {
      const batch = decodeBatch();
      const batchStart = nanos();
      for (let index = 0; index < batch.length; index++) planCase(batch, index);
      planningNs += nanos() - batchStart;
      planned += batch.length;
    }
    rates.push(planned / (Number(planningNs) / 1e9));
  }
  rates.sort((left, right) => left - right);
  return Math.round(percentile(rates, 0.5));
}

/**
 * The heap in MB after a full garbage collection: what is still held (the planner's memos, the
 * bench's cases), not the garbage V8 has not collected yet, which makes a peak RSS move run to run
 * (376 and 1,897 MB for one tree). `gc` is exposed at run time, so the child keeps the functions'
 * own NODE_OPTIONS.
 */
function heapAfterFullGcMb(): number {
  setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as () => void;
  collect();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

/** The suite's timings: 3 s of warm-up and 10 windows of 0.5 s; --quick, 1 s and 5 windows of 0.2 s. */
export function throughputTiming(quick: boolean): ThroughputTiming {
  return quick
    ? { warmUpNs: 1_000_000_000n, minWarmUpPlans: 2_000, windows: 5, windowNs: 200_000_000n }
    : { warmUpNs: 3_000_000_000n, minWarmUpPlans: 10_000, windows: 10, windowNs: 500_000_000n };
}

function meanMicros(interviewCount: number, iterations: number): number {
  const cases = variants(interviewCount);
  for (let index = 0; index < Math.min(iterations, 500); index++) planCase(cases, index);
  const start = nanos();
  for (let index = 0; index < iterations; index++) planCase(cases, index);
  return Number(nanos() - start) / iterations / 1000;
}

/** The figures of the loops every child process runs (`--throughput-only` prints these alone). */
export type PlannerThroughputFigures = Pick<PlannerLoopFigures, (typeof THROUGHPUT_FIGURE_KEYS)[number]>;

/** The keys of PlannerThroughputFigures, in the order the driver prints them. */
export const THROUGHPUT_FIGURE_KEYS = [
  "plansPerSecond",
  "plansPerSecondSlowestWindow",
  "plansPerSecondFastestWindow",
  "plansPerCpuSecond",
  "plansPerSecondFreshSnapshots",
  "firstPlanMs",
] as const;

/**
 * The loops whose figures are targets, in the order every child runs them: the first plan, the
 * throughput loop (throughputTiming), then 10 windows of 5,400 fresh snapshots (3 quick).
 */
function throughputLoops(
  cases: readonly Case[],
  quick: boolean,
  phase: (name: string) => void,
): PlannerThroughputFigures {
  const firstCase = cases[0];
  if (firstCase === undefined) throw new Error("no bench cases");
  const firstStart = nanos();
  consume(plan(firstCase.input, calendar, firstCase.now));
  const firstPlanMs = Number(nanos() - firstStart) / 1e6;
  phase("warm-up and throughput");
  const throughput = throughputLoop(cases, throughputTiming(quick));
  phase("fresh snapshots");
  const plansPerSecondFreshSnapshots = freshThroughputLoop(cases, quick ? 3 : 10, 5_400, false);
  return { ...throughput, plansPerSecondFreshSnapshots, firstPlanMs };
}

/** The throughput loops alone (throughputLoops), for the suite's extra child processes. */
export function plannerThroughputLoops(
  quick: boolean,
  phase: (name: string) => void,
): PlannerThroughputFigures {
  return throughputLoops(variants(10), quick, phase);
}

/**
 * Every loop of the planner suite on variants(10) (1 and 100 interviews for the series): the first
 * plan, the throughput loop (throughputTiming), 10 windows of 5,400 fresh snapshots decoded a
 * stream batch at a time (3 quick) and as many with new interviews, 30,000 latency samples (5,000),
 * then the interview series (5,000 plans each, 1,000 quick; a fifth of that with 100 interviews).
 * `phase` names each loop as it starts (the watchdog's progress).
 */
export function plannerLoops(quick: boolean, phase: (name: string) => void): PlannerLoopFigures {
  const cases = variants(10);
  const { firstPlanMs, ...throughput } = throughputLoops(cases, quick, phase);
  phase("new interviews");
  const plansPerSecondNewInterviews = freshThroughputLoop(cases, quick ? 3 : 10, 5_400, true);
  const retainedHeapMb = heapAfterFullGcMb();

  phase("latency");
  const samples = quick ? 5_000 : 30_000;
  const latencies: number[] = new Array(samples);
  for (let index = 0; index < samples; index++) {
    const chosen = cases[index % cases.length];
    if (chosen === undefined) continue;
    const start = nanos();
    consume(plan(chosen.input, calendar, chosen.now));
    latencies[index] = Number(nanos() - start) / 1e6;
  }
  latencies.sort((left, right) => left - right);

  phase("interview series");
  const iterations = quick ? 1_000 : 5_000;
  const figures: PlannerLoopFigures = {
    ...throughput,
    plansPerSecondNewInterviews,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    latencyMaxMs: latencies[latencies.length - 1] ?? Number.NaN,
    firstPlanMs,
    mean1Micros: meanMicros(1, iterations),
    mean10Micros: meanMicros(10, iterations),
    mean100Micros: meanMicros(100, Math.ceil(iterations / 5)),
    retainedHeapMb,
  };
  if (sink === -1) process.stdout.write("");
  return figures;
}
