import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { functionBuildOptions } from "../../../infra/constructs/function-bundling.ts";
import { ROOT } from "../../bench/bundles-build.ts";
import {
  acrossProcesses,
  buildPlannerDriver,
  DRIVER_ENTRY,
  parseDriverOutput,
  runDriver,
  runThroughputDriver,
} from "../../bench/planner-child.ts";
import type { PlannerThroughputFigures } from "../../bench/planner-loops.ts";

/**
 * esbuild's keepNames helper (`__name` before minifying): an Object.defineProperty of `name` per
 * function and closure created, what tsx adds to every plan and a deployed bundle does not.
 */
// Minified identifiers may contain `$` (esbuild named the helper's callee `$m` once the bundle grew).
const KEEP_NAMES_HELPER = /=\([\w$]+,[\w$]+\)=>[\w$]+\([\w$]+,"name",\{value:[\w$]+,configurable:!0\}\)/;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "planner-child-test-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the planner bench's child process", () => {
  it("bundles the driver as a function is deployed: minified, without keepNames' name helper", async () => {
    const code = readFileSync(await buildPlannerDriver(tempDir()), "utf8");
    // The planner is in it (a string of its own), so the check below is about the planner's code.
    expect(code).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(code).not.toMatch(KEEP_NAMES_HELPER);
    // Minified, keepNames' helper is no longer called `__name`: the check must still see it.
    const kept = tempDir();
    await build({ ...functionBuildOptions(ROOT, DRIVER_ENTRY, kept), keepNames: true });
    expect(readFileSync(join(kept, "index.mjs"), "utf8")).toMatch(KEEP_NAMES_HELPER);
  }, 60_000);

  it("rejects a child that exits non-zero, naming the suite, the exit code and the child's stderr", async () => {
    const file = join(tempDir(), "failing.mjs");
    writeFileSync(
      file,
      'process.stderr.write("phase first plan\\nboom: planner threw\\n"); process.exit(3);\n',
    );
    const phases: string[] = [];
    const run = runDriver("planner", file, [], { progress: (phase) => phases.push(phase) });
    await expect(run).rejects.toThrow(
      /bench suite "planner": its child process .* exited with code 3\nboom: planner threw/,
    );
    expect(phases).toEqual(["child node process: first plan"]);
  });

  it("rejects output without every figure, naming the suite and the missing ones", () => {
    expect(() => parseDriverOutput("planner", "not json\n")).toThrow(
      /bench suite "planner".*no JSON figures/,
    );
    expect(() => parseDriverOutput("planner", '{"plansPerSecond": 1}\n')).toThrow(
      /bench suite "planner".*lack plansPerSecondSlowestWindow, plansPerSecondFastestWindow, plansPerCpuSecond, plansPerSecondFreshSnapshots, latencyP50Ms/,
    );
  });

  it("runs an extra child with --throughput-only and reads only the target loops' figures, under its label", async () => {
    const file = join(tempDir(), "throughput.mjs");
    // Prints the throughput figures only when asked for them alone, as planner-driver.ts does.
    writeFileSync(
      file,
      [
        'if (!process.argv.includes("--throughput-only")) process.exit(4);',
        'process.stderr.write("phase fresh snapshots\\n");',
        'process.stdout.write(JSON.stringify({ plansPerSecond: 3, plansPerSecondSlowestWindow: 1, plansPerSecondFastestWindow: 4, plansPerCpuSecond: 3, plansPerSecondFreshSnapshots: 2, firstPlanMs: 9 }) + "\\n");',
      ].join("\n"),
    );
    const phases: string[] = [];
    const figures = await runThroughputDriver("planner", file, ["--quick"], {
      progress: (phase) => phases.push(phase),
      label: "child node process 2 of 3",
    });
    expect(figures.plansPerSecondFreshSnapshots).toBe(2);
    expect(phases).toEqual(["child node process 2 of 3: fresh snapshots"]);
    // The full driver's figures are not asked of it, but every throughput figure is.
    expect(() =>
      parseDriverOutput("planner", '{"plansPerSecond": 1}', ["plansPerSecond", "firstPlanMs"]),
    ).toThrow(/lack firstPlanMs/);
  });

  it("takes each target rate from the median process, never the better of two, and keeps the spread", () => {
    const run = (
      same: number,
      fresh: number,
      slowest: number,
      fastest: number,
    ): PlannerThroughputFigures => ({
      plansPerSecond: same,
      plansPerSecondSlowestWindow: slowest,
      plansPerSecondFastestWindow: fastest,
      plansPerCpuSecond: same + 1,
      plansPerSecondFreshSnapshots: fresh,
      firstPlanMs: same / 1000,
    });
    const three = acrossProcesses([
      run(27_963, 11_476, 23_137, 28_988),
      run(21_533, 21_972, 9_000, 22_000),
      run(24_000, 20_100, 20_000, 30_000),
    ]);
    expect(three).toMatchObject({
      processes: 3,
      plansPerSecond: 24_000,
      plansPerSecondFreshSnapshots: 20_100,
      plansPerCpuSecond: 24_001,
      plansPerSecondSlowestWindow: 9_000,
      plansPerSecondFastestWindow: 30_000,
      plansPerSecondLowestProcess: 21_533,
      plansPerSecondHighestProcess: 27_963,
      freshSnapshotsLowestProcess: 11_476,
      freshSnapshotsHighestProcess: 21_972,
      firstPlanMs: 27.963,
    });
    // Of two, the lower: a second process can only confirm a low figure, not replace it.
    expect(acrossProcesses([run(25_000, 22_000, 1, 2), run(19_000, 12_000, 1, 2)])).toMatchObject({
      plansPerSecond: 19_000,
      plansPerSecondFreshSnapshots: 12_000,
    });
    expect(acrossProcesses([run(19_000, 12_000, 1, 2)]).plansPerSecondFreshSnapshots).toBe(12_000);
    expect(() => acrossProcesses([])).toThrow(/no child process ran/);
  });
});
