import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundlesSuite } from "./bundles.ts";
import {
  type BenchResults,
  type BenchSuite,
  calibrationFigure,
  type Figure,
  loadFigure,
  machineInfo,
  renderBenchmarksMd,
  renderTable,
  writeResultsJson,
} from "./lib/report.ts";
import { pipelineSuite } from "./pipeline.ts";
import { plannerSuite } from "./planner.ts";
import { seasonSuite } from "./season.ts";

/**
 * `npm run bench [-- --quick]`: runs every registered suite, prints a table, writes
 * bench-results.json and rewrites BENCHMARKS.md. Later suites (pipeline, cost, bundles) are added
 * to SUITES; nothing else changes.
 */
export const SUITES: BenchSuite[] = [plannerSuite, pipelineSuite, seasonSuite, bundlesSuite];

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const only = process.argv.find((arg) => arg.startsWith("--suite="))?.slice("--suite=".length);
  const suites = SUITES.filter((suite) => only === undefined || suite.name === only);
  const figures: Figure[] = [calibrationFigure(), loadFigure()];
  for (const suite of suites) {
    process.stdout.write(`running ${suite.name}${quick ? " (quick)" : ""}...\n`);
    figures.push(...(await suite.run({ quick })));
  }
  const results: BenchResults = { machine: machineInfo(), date: new Date().toISOString(), quick, figures };
  process.stdout.write(`\n${renderTable(figures)}\n`);
  writeResultsJson(`${ROOT}bench-results.json`, results);
  writeFileSync(`${ROOT}BENCHMARKS.md`, renderBenchmarksMd(results, suites));
  process.stdout.write("\nwrote bench-results.json and BENCHMARKS.md\n");
  if (figures.some((figure) => figure.met === false)) process.exitCode = 1;
}

await main();
