import { plannerLoops } from "./planner-loops.ts";

/**
 * The planner suite's child process: planner.ts bundles this file as a function is deployed
 * (infra/constructs/function-bundling.ts: esbuild, ESM, minified, no keepNames) and runs it with
 * `node <bundle> [--quick]`. It runs the suite's loops (planner-loops.ts), writes each phase it
 * enters to stderr as `phase <name>` (the watchdog's progress) and prints the figures
 * (PlannerLoopFigures) as one line of JSON on stdout.
 */
const figures = plannerLoops(process.argv.includes("--quick"), (name) => {
  process.stderr.write(`phase ${name}\n`);
});
process.stdout.write(`${JSON.stringify(figures)}\n`);
