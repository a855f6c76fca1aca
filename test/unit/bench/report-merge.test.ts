import { describe, expect, it } from "vitest";
import {
  type BenchResults,
  type BenchSuite,
  figureFamily,
  info,
  mergeSuiteIntoBenchmarksMd,
  renderBenchmarksMd,
} from "#test/bench/lib/report.ts";

const machine = { cores: 2, memoryGb: 8, cpuModel: "Test CPU", node: "v20.20.0", os: "linux test" };
const suite = (name: string): BenchSuite => ({ name, description: `${name} measures.`, run: () => [] });

/** A full run's BENCHMARKS.md: bundles writes `bundle.*`, pipeline `pipeline.*` and `calls.*`, console `console: …`. */
const fullRun: BenchResults = {
  machine,
  date: "2026-11-24T19:18:49.244Z",
  quick: false,
  figures: [
    info("machine.calibration_int_loop_1e8", 49, "ms"),
    info("machine.load_average_1min", 1, "runnable processes"),
    info("pipeline.intake_to_wakeup_p50", 57, "ms"),
    info("calls.per_intake.dynamodb_requests", 2, "requests"),
    info("bundle.http-api.size_minified", 672, "KB"),
    info("bundle.reminder.size_minified", 812, "KB"),
    info("bundle.node_version", 20, "major"),
    info("console: cohort rows shown to the admin", 1000, "rows"),
    info("drain.reserved4.lost", 0, "applicants"),
  ],
};
const existing = renderBenchmarksMd(fullRun, ["pipeline", "bundles", "console", "drain"].map(suite));

function single(figures: BenchResults["figures"]): BenchResults {
  return {
    machine,
    date: "2026-11-30T11:00:00.000Z",
    quick: false,
    figures: [
      info("machine.calibration_int_loop_1e8", 98, "ms"),
      info("machine.load_average_1min", 3, "runnable processes"),
      ...figures,
    ],
  };
}

const rowsOf = (markdown: string) =>
  markdown.split("\n").filter((line) => /^\| [a-z]/.test(line) && !line.startsWith("| figure |"));

describe("BENCHMARKS.md after a single-suite run", () => {
  it("replaces the bundles suite's bundle.* rows (named unlike the suite) and keeps everyone else's", () => {
    const merged = mergeSuiteIntoBenchmarksMd(
      existing,
      single([
        info("bundle.http-api.size_minified", 918, "KB"),
        info("bundle.reminder.size_minified", 978, "KB"),
        info("bundle.node_version", 20, "major"),
      ]),
      suite("bundles"),
    );
    const rows = rowsOf(merged);
    expect(rows.filter((row) => row.startsWith("| bundle."))).toEqual([
      "| bundle.http-api.size_minified | 918 | KB | - | - |  |",
      "| bundle.reminder.size_minified | 978 | KB | - | - |  |",
      "| bundle.node_version | 20 | major | - | - |  |",
    ]);
    expect(merged).not.toContain("| 672 |");
    expect(merged).not.toContain("| 812 |");
    // The full run's machine rows and every other suite's rows stay as they were.
    expect(rows.filter((row) => !row.startsWith("| bundle."))).toEqual(
      rowsOf(existing).filter((row) => !row.startsWith("| bundle.")),
    );
    expect(merged).toContain("The `bundles` figures were measured alone");
    expect(merged.match(/The `bundles` figures were measured alone/g)).toHaveLength(1);
  });

  it("replaces every family a suite writes (pipeline: pipeline.* and calls.*), whole", () => {
    const merged = mergeSuiteIntoBenchmarksMd(
      existing,
      single([
        info("pipeline.intake_to_wakeup_p99", 190, "ms"),
        info("calls.per_intake.dynamodb_requests", 3, "requests"),
      ]),
      suite("pipeline"),
    );
    const rows = rowsOf(merged);
    // The old p50 row is gone with its family: the run decides which rows the family has now.
    expect(rows.filter((row) => row.startsWith("| pipeline.") || row.startsWith("| calls."))).toEqual([
      "| pipeline.intake_to_wakeup_p99 | 190 | ms | - | - |  |",
      "| calls.per_intake.dynamodb_requests | 3 | requests | - | - |  |",
    ]);
    expect(rows.some((row) => row.startsWith("| bundle.http-api.size_minified | 672 |"))).toBe(true);
  });

  it("replaces the console's `console: …` rows", () => {
    const merged = mergeSuiteIntoBenchmarksMd(
      existing,
      single([info("console: cohort rows shown to the admin", 2000, "rows")]),
      suite("console"),
    );
    expect(rowsOf(merged).filter((row) => row.startsWith("| console:"))).toEqual([
      "| console: cohort rows shown to the admin | 2,000 | rows | - | - |  |",
    ]);
  });

  it("a second run of the same suite replaces the first one's rows and its measured line", () => {
    const once = mergeSuiteIntoBenchmarksMd(
      existing,
      single([info("drain.reserved4.lost", 1, "applicants")]),
      suite("drain"),
    );
    const twice = mergeSuiteIntoBenchmarksMd(
      once,
      single([info("drain.reserved4.lost", 0, "applicants")]),
      suite("drain"),
    );
    expect(rowsOf(twice).filter((row) => row.startsWith("| drain."))).toEqual([
      "| drain.reserved4.lost | 0 | applicants | - | - |  |",
    ]);
    expect(twice.match(/The `drain` figures were measured alone/g)).toHaveLength(1);
  });

  it("runs of the same suite, again and again, leave the text as after one run (no blank line gathers)", () => {
    const once = mergeSuiteIntoBenchmarksMd(
      existing,
      single([info("planner.mean_1_interview", 40, "µs/plan")]),
      suite("planner"),
    );
    let repeated = once;
    for (let run = 0; run < 5; run++) {
      repeated = mergeSuiteIntoBenchmarksMd(
        repeated,
        single([info("planner.mean_1_interview", 40, "µs/plan")]),
        suite("planner"),
      );
    }
    expect(repeated).toBe(once);
    expect(once).not.toMatch(/\n\n\n/);
  });
});

describe("figureFamily", () => {
  it.each([
    ["bundle.http-api.size_minified", "bundle"],
    ["calls.per_intake.dynamodb_requests", "calls"],
    ["console: cohort rows shown to the admin", "console"],
    ["machine.load_average_1min", "machine"],
  ])("%s is in the %s family", (name, family) => {
    expect(figureFamily(name)).toBe(family);
  });
});
