import { describe, expect, it } from "vitest";
import { variants } from "../../bench/planner-inputs.ts";
import { freshThroughputLoop, throughputLoop, throughputTiming } from "../../bench/planner-loops.ts";

describe("the planner bench's throughput loop", () => {
  it("reports the median window between the slowest and the fastest, after the warm-up's minimum plans", () => {
    const cases = variants(1).slice(0, 2);
    const figures = throughputLoop(cases, {
      warmUpNs: 0n,
      minWarmUpPlans: 100,
      windows: 5,
      windowNs: 20_000_000n,
    });
    expect(figures.plansPerSecondSlowestWindow).toBeGreaterThan(0);
    expect(figures.plansPerSecond).toBeGreaterThanOrEqual(figures.plansPerSecondSlowestWindow);
    expect(figures.plansPerSecondFastestWindow).toBeGreaterThanOrEqual(figures.plansPerSecond);
    expect(figures.plansPerCpuSecond).toBeGreaterThan(0);
  });

  it("warms up for 3 s and measures 10 windows of 0.5 s; --quick, 1 s and 5 of 0.2 s", () => {
    expect(throughputTiming(false)).toEqual({
      warmUpNs: 3_000_000_000n,
      minWarmUpPlans: 10_000,
      windows: 10,
      windowNs: 500_000_000n,
    });
    expect(throughputTiming(true)).toMatchObject({ windows: 5, windowNs: 200_000_000n });
  });
});

describe("the planner bench's fresh-snapshot loop", () => {
  it("plans freshly decoded copies of the cases and reports a rate", () => {
    const cases = variants(1).slice(0, 2);
    expect(freshThroughputLoop(cases, 2, 20, false)).toBeGreaterThan(0);
  });

  it("renames the copies' interviews for the new-interviews figure, never the cases themselves", () => {
    const cases = variants(1).slice(0, 2);
    const programs = cases.flatMap((entry) => entry.input.interviews.map((interview) => interview.program));
    expect(programs.length).toBeGreaterThan(0);
    expect(freshThroughputLoop(cases, 2, 20, true)).toBeGreaterThan(0);
    expect(cases.flatMap((entry) => entry.input.interviews.map((interview) => interview.program))).toEqual(
      programs,
    );
  });
});
