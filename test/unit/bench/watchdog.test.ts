import { describe, expect, it } from "vitest";
import type { BenchSuite } from "../../bench/lib/report.ts";
import { BenchTimeoutError, runWatched } from "../../bench/lib/watchdog.ts";

/** A suite that enters `phases` and then waits until it is aborted (as a hung request would). */
function stuckSuite(phases: string[], stopped: string[]): BenchSuite {
  return {
    name: "stuck",
    description: "never finishes",
    run: ({ progress, signal }) =>
      new Promise((_, reject) => {
        for (const phase of phases) progress?.(phase);
        signal?.addEventListener("abort", () => {
          stopped.push("stack stopped");
          reject(new Error("request failed: stack stopped"));
        });
      }),
  };
}

describe("bench watchdog", () => {
  it("stops a suite that enters no new phase, naming the phase, after the suite stopped what it started", async () => {
    const stopped: string[] = [];
    const lines: string[] = [];
    const run = runWatched(
      stuckSuite(["starting the local stack", "first snapshots"], stopped),
      { quick: true },
      { timeoutMs: 60_000, stallMs: 1_500 },
      (line) => lines.push(line),
    );
    await expect(run).rejects.toThrow(BenchTimeoutError);
    await expect(run).rejects.toThrow(/"stuck" stopped: no progress for \d+ s in phase "first snapshots"/);
    expect(stopped).toEqual(["stack stopped"]);
    expect(lines.map((line) => line.replace(/\(\d+ s\)/, "(n s)"))).toEqual([
      "  stuck: starting the local stack (n s)",
      "  stuck: first snapshots (n s)",
    ]);
  });

  it("stops a suite that outlives its overall limit even while it reports progress", async () => {
    const suite: BenchSuite = {
      name: "slow",
      description: "keeps going",
      run: ({ progress, signal }) =>
        new Promise((_, reject) => {
          const tick = setInterval(() => progress?.("still working"), 200);
          signal?.addEventListener("abort", () => {
            clearInterval(tick);
            reject(new Error("aborted"));
          });
        }),
    };
    await expect(
      runWatched(suite, { quick: true }, { timeoutMs: 1_500, stallMs: 60_000 }, () => undefined),
    ).rejects.toThrow(/"slow" stopped: still running after \d+ min, in phase "still working"/);
  });

  it("returns the figures of a suite that finishes", async () => {
    const suite: BenchSuite = {
      name: "fine",
      description: "finishes",
      run: () => [{ name: "x", value: 1, unit: "u", target: null, met: null }],
    };
    await expect(
      runWatched(suite, { quick: true }, { timeoutMs: 1_000, stallMs: 1_000 }, () => undefined),
    ).resolves.toEqual([{ name: "x", value: 1, unit: "u", target: null, met: null }]);
  });
});
