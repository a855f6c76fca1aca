import { plannerLoops, plannerThroughputLoops } from "./planner-loops.ts";

/**
 * The planner suite's child process: planner.ts bundles this file as a function is deployed
 * (infra/constructs/function-bundling.ts: esbuild, ESM, minified, no keepNames) and runs it with
 * `node <bundle> [--quick] [--throughput-only]`. It runs the suite's loops (planner-loops.ts; with
 * `--throughput-only`, only the loops whose figures are targets), writes each phase it enters to
 * stderr as `phase <name>` (the watchdog's progress) and prints the figures (PlannerLoopFigures,
 * or PlannerThroughputFigures) as one line of JSON on stdout.
 */
const quick = process.argv.includes("--quick");
const phase = (name: string): void => {
  process.stderr.write(`phase ${name}\n`);
};
const figures = process.argv.includes("--throughput-only")
  ? plannerThroughputLoops(quick, phase)
  : plannerLoops(quick, phase);
process.stdout.write(`${JSON.stringify(figures)}\n`);
