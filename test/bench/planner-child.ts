import { spawn } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import {
  FUNCTION_BUNDLING,
  FUNCTION_NODE_OPTIONS,
  functionBuildOptions,
} from "../../infra/constructs/function-bundling.ts";
import { ROOT } from "./bundles-build.ts";
import type { PlannerLoopFigures } from "./planner-loops.ts";

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

/** The figures from the child's last stdout line, or an error naming the suite and what was wrong. */
export function parseDriverOutput(suite: string, stdout: string): PlannerLoopFigures {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`bench suite "${suite}": its child process printed no JSON figures (last line: ${last})`);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const missing = FIGURE_KEYS.filter((key) => typeof record[key] !== "number");
  if (missing.length > 0) {
    throw new Error(`bench suite "${suite}": its child process's figures lack ${missing.join(", ")}`);
  }
  return record as unknown as PlannerLoopFigures;
}

/**
 * Runs `node <file> ...args` and resolves with its figures. Each stderr line `phase <name>` goes to
 * `progress`; other stderr is kept for the error when the child exits non-zero (which rejects,
 * naming `suite`). An aborted `signal` kills the child.
 */
export function runDriver(
  suite: string,
  file: string,
  args: readonly string[],
  options: { progress?: (phase: string) => void; signal?: AbortSignal } = {},
): Promise<PlannerLoopFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
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
        if (line.startsWith("phase ")) options.progress?.(`child node process: ${line.slice(6)}`);
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
          new Error(`bench suite "${suite}": its child process (node ${file}) ${why}\n${stderr}${partial}`),
        );
        return;
      }
      try {
        resolve(parseDriverOutput(suite, stdout));
      } catch (error) {
        reject(error);
      }
    });
  });
}
