import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { functionBuildOptions } from "../../../infra/constructs/function-bundling.ts";
import { ROOT } from "../../bench/bundles-build.ts";
import { buildPlannerDriver, DRIVER_ENTRY, parseDriverOutput, runDriver } from "../../bench/planner-child.ts";

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
});
