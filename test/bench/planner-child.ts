import { spawn } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import {
  FUNCTION_BUNDLING,
  FUNCTION_NODE_OPTIONS,
  functionBuildOptions,
} from "../../infra/constructs/function-bundling.ts";
import { ROOT } from "./bundles-build.ts";
import {
  type PlannerLoopFigures,
  type PlannerThroughputFigures,
  THROUGHPUT_FIGURE_KEYS,
} from "./planner-loops.ts";

/**
 * The planner suite measured as deployed: its driver (planner-driver.ts) bundled with the functions'
 * own esbuild options (infra/constructs/function-bundling.ts: ESM, node24, minified, no keepNames)
 * and run in a child `node` process with the functions' NODE_OPTIONS, away from the harness's
 * tsx transpilation and every other suite's modules.
 */

export const DRIVER_ENTRY = "test/bench/planner-driver.ts";

/** Bundles the driver into `outdir` as a function is bundled; returns the path of its entry file. */
export async function buildPlannerDriver(outdir: string): Promise<string> {
  await build(functionBuildOptions(ROOT, DRIVER_ENTRY, outdir));
  return join(outdir, FUNCTION_BUNDLING.entryFile);
}

const FIGURE_KEYS: readonly (keyof PlannerLoopFigures)[] = [
  "plansPerSecond",
  "plansPerSecondSlowestWindow",
  "plansPerSecondFastestWindow",
  "plansPerCpuSecond",
  "plansPerSecondFreshSnapshots",
  "latencyP50Ms",
  "latencyP99Ms",
  "latencyMaxMs",
  "firstPlanMs",
  "mean1Micros",
  "mean10Micros",
  "mean100Micros",
];

/**
 * The figures named by `keys` from the child's last stdout line (every figure by default), or an
 * error naming the suite and what was wrong.
 */
export function parseDriverOutput(suite: string, stdout: string): PlannerLoopFigures;
export function parseDriverOutput<Key extends keyof PlannerLoopFigures>(
  suite: string,
  stdout: string,
  keys: readonly Key[],
): Pick<PlannerLoopFigures, Key>;
export function parseDriverOutput(
  suite: string,
  stdout: string,
  keys: readonly (keyof PlannerLoopFigures)[] = FIGURE_KEYS,
): Partial<PlannerLoopFigures> {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`bench suite "${suite}": its child process printed no JSON figures (last line: ${last})`);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const missing = keys.filter((key) => typeof record[key] !== "number");
  if (missing.length > 0) {
    throw new Error(`bench suite "${suite}": its child process's figures lack ${missing.join(", ")}`);
  }
  return record as Partial<PlannerLoopFigures>;
}

/**
 * Runs `<options.node> <file> ...args` and resolves with its figures. Each stderr line `phase <name>` goes to
 * `progress`; other stderr is kept for the error when the child exits non-zero (which rejects,
 * naming `suite`). An aborted `signal` kills the child.
 */
export function runDriver(
  suite: string,
  file: string,
  args: readonly string[],
  options: DriverOptions = {},
): Promise<PlannerLoopFigures> {
  return driverStdout(suite, file, args, options).then((stdout) => parseDriverOutput(suite, stdout));
}

/** runDriver's options: where each phase goes, and a signal that kills the child. */
export interface DriverOptions {
  progress?: (phase: string) => void;
  signal?: AbortSignal;
  /** Names the child in progress lines (default "child node process"). */
  label?: string;
  /** The Node.js executable the child runs (default this process's; the suite passes lambda-node.ts's). */
  node?: string;
}

/** The same as runDriver, with `--throughput-only`: the figures of the loops that are targets. */
export function runThroughputDriver(
  suite: string,
  file: string,
  args: readonly string[],
  options: DriverOptions = {},
): Promise<PlannerThroughputFigures> {
  return driverStdout(suite, file, [...args, "--throughput-only"], options).then((stdout) =>
    parseDriverOutput(suite, stdout, THROUGHPUT_FIGURE_KEYS),
  );
}

function driverStdout(
  suite: string,
  file: string,
  args: readonly string[],
  options: DriverOptions,
): Promise<string> {
  const label = options.label ?? "child node process";
  return new Promise((resolve, reject) => {
    const node = options.node ?? process.execPath;
    const child = spawn(node, [file, ...args], {
      env: { ...process.env, NODE_OPTIONS: FUNCTION_NODE_OPTIONS },
      stdio: ["ignore", "pipe", "pipe"],
      signal: options.signal,
    });
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("phase ")) options.progress?.(`${label}: ${line.slice(6)}`);
        else stderr += `${line}\n`;
      }
    });
    child.on("error", (error) =>
      reject(new Error(`bench suite "${suite}": its child process failed: ${error.message}`)),
    );
    child.on("close", (code, signal) => {
      if (code !== 0) {
        const why = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new Error(
            `bench suite "${suite}": its child process (${node} ${file}) ${why}\n${stderr}${partial}`,
          ),
        );
        return;
      }
      resolve(stdout);
    });
  });
}

/** The target figures over several child processes (acrossProcesses), with their spread. */
export interface ThroughputAcrossProcesses extends PlannerThroughputFigures {
  processes: number;
  /** The lowest and highest process's median window, same objects and fresh snapshots (plans/s). */
  plansPerSecondLowestProcess: number;
  plansPerSecondHighestProcess: number;
  freshSnapshotsLowestProcess: number;
  freshSnapshotsHighestProcess: number;
}

/**
 * Combines the throughput figures of `runs` child processes: each rate is the median process's
 * (the middle one of an odd count, the lower middle of an even one: never the better of two), the
 * slowest and fastest windows are over every process, the first plan is the first process's. One
 * process's JIT and memory layout can hold it far below or above the others for its whole run on
 * this machine (see the suite's notes), so a single process is one sample, not the planner's rate.
 * Throws on no runs.
 */
export function acrossProcesses(runs: readonly PlannerThroughputFigures[]): ThroughputAcrossProcesses {
  const first = runs[0];
  if (first === undefined) throw new Error("acrossProcesses: no child process ran");
  const sorted = (key: keyof PlannerThroughputFigures): number[] =>
    runs.map((run) => run[key]).sort((left, right) => left - right);
  const median = (key: keyof PlannerThroughputFigures): number =>
    sorted(key)[Math.ceil(runs.length / 2) - 1] ?? Number.NaN;
  const same = sorted("plansPerSecond");
  const fresh = sorted("plansPerSecondFreshSnapshots");
  return {
    processes: runs.length,
    plansPerSecond: median("plansPerSecond"),
    plansPerSecondSlowestWindow: Math.min(...runs.map((run) => run.plansPerSecondSlowestWindow)),
    plansPerSecondFastestWindow: Math.max(...runs.map((run) => run.plansPerSecondFastestWindow)),
    plansPerCpuSecond: median("plansPerCpuSecond"),
    plansPerSecondFreshSnapshots: median("plansPerSecondFreshSnapshots"),
    firstPlanMs: first.firstPlanMs,
    plansPerSecondLowestProcess: same[0] ?? Number.NaN,
    plansPerSecondHighestProcess: same[same.length - 1] ?? Number.NaN,
    freshSnapshotsLowestProcess: fresh[0] ?? Number.NaN,
    freshSnapshotsHighestProcess: fresh[fresh.length - 1] ?? Number.NaN,
  };
}
